using CasesPortal.Data;
using CasesPortal.Features.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Accounts;

/// <summary>
/// Account management for Admins, shared by the Users page and <c>/api/users</c>.
/// Each operation runs in its own scope and transaction, so the "last enabled Admin" rule holds under concurrency.
/// </summary>
public sealed class UserAdminService(IServiceScopeFactory scopes, IDbContextFactory<CasesDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Summaries(db, db.Users.OrderBy(u => u.Email)).ToListAsync(ct);
    }

    public async Task<UserSummary?> FindAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Summaries(db, db.Users.Where(u => u.Id == id)).SingleOrDefaultAsync(ct);
    }

    public async Task<ServiceResult<UserWithPassword>> CreateAsync(NewUser input, CancellationToken ct = default)
    {
        var email = input.Email?.Trim();
        var problem = AccountRules.ValidateEmail(email) ?? AccountRules.ValidateDisplayName(input.DisplayName);
        if (problem is not null) return ServiceError.Invalid(problem);
        if (NormalizeRoles(input.Roles, requireOne: true) is not { } roles) return InvalidRoles(input.Roles);

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email!) is not null)
            return ServiceError.Conflict($"An account with the email '{email}' already exists.");

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = input.DisplayName!.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        var generated = string.IsNullOrEmpty(input.Password) ? PasswordGenerator.Generate() : null;
        var password = generated ?? input.Password!;
        if (await AccountRules.ValidatePasswordAsync(users, user, password) is { } passwordProblem)
            return ServiceError.Invalid(passwordProblem);

        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return ServiceError.Invalid(AccountRules.Describe(created));
        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded) return ServiceError.Invalid(AccountRules.Describe(added));
        await tx.CommitAsync(ct);

        return ServiceResult<UserWithPassword>.Ok(new(await FindAsync(user.Id, ct) ?? throw new InvalidOperationException(), generated));
    }

    public async Task<ServiceResult<UserSummary>> UpdateAsync(string id, UserChanges changes, string actingUserId, CancellationToken ct = default)
    {
        if (changes.DisplayName is not null && AccountRules.ValidateDisplayName(changes.DisplayName) is { } nameProblem)
            return ServiceError.Invalid(nameProblem);
        IReadOnlyList<string>? roles = null;
        if (changes.Roles is not null && (roles = NormalizeRoles(changes.Roles, requireOne: true)) is null)
            return InvalidRoles(changes.Roles);

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        if (await users.FindByIdAsync(id) is not { } user) return UserNotFound(id);
        var currentRoles = await users.GetRolesAsync(user);
        var staysAdmin = !(changes.Disabled ?? user.IsDisabled) && (roles ?? currentRoles.ToList()).Contains(Roles.Admin);
        var isEnabledAdmin = !user.IsDisabled && currentRoles.Contains(Roles.Admin);
        if (isEnabledAdmin && !staysAdmin && await CountEnabledAdminsAsync(db, ct) <= 1)
            return ServiceError.Conflict("This is the last enabled Admin account: it cannot be disabled or lose the Admin role. Make another account Admin first.");
        if (changes.Disabled == true && id == actingUserId)
            return ServiceError.Conflict("You cannot disable your own account.");

        if (changes.DisplayName is not null) user.DisplayName = changes.DisplayName.Trim();
        if (changes.Disabled is { } disabled && disabled != user.IsDisabled)
        {
            user.IsDisabled = disabled;
            // A new stamp ends the account's open sessions at their next validation.
            await users.UpdateSecurityStampAsync(user);
        }
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) return ServiceError.Invalid(AccountRules.Describe(updated));

        if (roles is not null)
        {
            var removed = await users.RemoveFromRolesAsync(user, currentRoles.Except(roles));
            var added = await users.AddToRolesAsync(user, roles.Except(currentRoles));
            if (!removed.Succeeded || !added.Succeeded)
                return ServiceError.Invalid(AccountRules.Describe(removed.Succeeded ? added : removed));
        }
        await tx.CommitAsync(ct);
        return ServiceResult<UserSummary>.Ok((await FindAsync(id, ct))!);
    }

    public async Task<ServiceResult<UserSummary>> UnlockAsync(string id, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(id) is not { } user) return UserNotFound(id);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return ServiceResult<UserSummary>.Ok((await FindAsync(id, ct))!);
    }

    /// <summary>Sets a new password (or generates one) and ends the account's open sessions.</summary>
    public async Task<ServiceResult<UserWithPassword>> ResetPasswordAsync(string id, string? newPassword, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(id) is not { } user) return UserNotFound(id);
        var generated = string.IsNullOrEmpty(newPassword) ? PasswordGenerator.Generate() : null;
        var password = generated ?? newPassword!;
        if (await AccountRules.ValidatePasswordAsync(users, user, password) is { } problem)
            return ServiceError.Invalid(problem);

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded) return ServiceError.Invalid(AccountRules.Describe(reset));
        return ServiceResult<UserWithPassword>.Ok(new((await FindAsync(id, ct))!, generated));
    }

    private IQueryable<UserSummary> Summaries(CasesDbContext db, IQueryable<ApplicationUser> users)
    {
        var now = clock.GetUtcNow();
        return users.Select(u => new UserSummary(
            u.Id,
            u.Email!,
            u.DisplayName,
            db.UserRoles.Where(ur => ur.UserId == u.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                .OrderBy(name => name).ToList(),
            u.IsDisabled,
            u.LockoutEnd > now ? u.LockoutEnd : null,
            u.CreatedAt,
            u.LastLoginAt));
    }

    private static Task<int> CountEnabledAdminsAsync(CasesDbContext db, CancellationToken ct) =>
        db.Users.CountAsync(u => !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id &&
            db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)), ct);

    private static List<string>? NormalizeRoles(IReadOnlyList<string>? requested, bool requireOne)
    {
        if (requested is null) return requireOne ? null : [];
        var canonical = requested.Select(Roles.Canonical).ToList();
        if (canonical.Any(r => r is null) || (requireOne && canonical.Count == 0)) return null;
        return canonical.Distinct().ToList()!;
    }

    private static ServiceError InvalidRoles(IReadOnlyList<string>? requested)
    {
        var unknown = requested?.Where(r => Roles.Canonical(r) is null).ToList() ?? [];
        var allowed = string.Join(", ", Roles.All);
        return ServiceError.Invalid(unknown.Count > 0
            ? $"Unknown role '{unknown[0]}'. Roles are: {allowed}."
            : $"Give at least one role: {allowed}.");
    }

    private static ServiceError UserNotFound(string id) => ServiceError.NotFound($"No account with id '{id}'.");
}
