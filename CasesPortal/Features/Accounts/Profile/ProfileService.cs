using CasesPortal.Data;
using CasesPortal.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Accounts.Profile;

/// <summary>An analyst's own settings: display name, time display and light/dark mode.</summary>
public sealed record UserProfile(string Id, string Email, string DisplayName, string TimeZoneId, bool DarkMode, IReadOnlyList<string> Roles);

/// <summary>Reads and changes the signed-in analyst's own profile.</summary>
public sealed class ProfileService(IDbContextFactory<CasesDbContext> dbFactory)
{
    public async Task<UserProfile?> GetAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId)
            .Select(u => new UserProfile(u.Id, u.Email!, u.DisplayName, u.TimeZoneId, u.DarkMode,
                db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToList()))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<ServiceResult<UserProfile>> UpdateAsync(string userId, string? displayName, string? timeZoneId, CancellationToken ct = default)
    {
        if (AccountRules.ValidateDisplayName(displayName) is { } problem) return ServiceError.Invalid(problem);
        if (!TimeDisplay.IsKnownZone(timeZoneId)) return ServiceError.Invalid($"Unknown time zone '{timeZoneId}'.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var updated = await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.DisplayName, displayName!.Trim())
            .SetProperty(u => u.TimeZoneId, timeZoneId!), ct);
        if (updated == 0) return ServiceError.NotFound("Your account no longer exists.");
        return ServiceResult<UserProfile>.Ok((await GetAsync(userId, ct))!);
    }

    public async Task SetDarkModeAsync(string userId, bool darkMode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.DarkMode, darkMode), ct);
    }
}
