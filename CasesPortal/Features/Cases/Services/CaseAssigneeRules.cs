using CasesPortal.Data;
using CasesPortal.Features.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Cases.Services;

/// <summary>Assignees must be enabled accounts, at most <see cref="Case.MaxAssignees"/> per case.</summary>
public static class CaseAssigneeRules
{
    public static async Task<string?> ValidateAsync(CasesDbContext db, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (ids.Count > Case.MaxAssignees) return $"assignees must hold at most {Case.MaxAssignees} accounts (got {ids.Count}).";
        if (ids.Count == 0) return null;
        var known = await db.Users.Where(u => ids.Contains(u.Id) && !u.IsDisabled).Select(u => u.Id).ToListAsync(ct);
        var unknown = ids.FirstOrDefault(id => !known.Contains(id));
        return unknown is null ? null : $"assignees: '{unknown}' is not an enabled account.";
    }
}
