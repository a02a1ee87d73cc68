using System.Security.Claims;
using CasesPortal.Features.Accounts;

namespace CasesPortal.Features.Cases.Services;

/// <summary>Who is acting on cases and what their roles allow. Checked by the services for the UI and the API alike.</summary>
public sealed record CaseActor(string UserId, IReadOnlySet<string> Roles)
{
    public bool CanRead => Roles.Overlaps(Accounts.Roles.All);
    public bool CanWrite => Roles.Contains(Accounts.Roles.Admin) || Roles.Contains(Accounts.Roles.Lead) || Roles.Contains(Accounts.Roles.Analyst);
    public bool CanDelete => Roles.Contains(Accounts.Roles.Admin) || Roles.Contains(Accounts.Roles.Lead);

    /// <summary>Analysts edit and delete their own comments; Leads and Admins anyone's.</summary>
    public bool MayChangeComment(string authorId) => CanDelete || (CanWrite && authorId == UserId);

    public static CaseActor From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        Accounts.Roles.All.Where(user.IsInRole).ToHashSet());
}
