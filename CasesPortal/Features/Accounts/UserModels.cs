namespace CasesPortal.Features.Accounts;

/// <summary>An account as the admin pages and the users API show it.</summary>
public sealed record UserSummary(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    bool Disabled,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastLoginAt)
{
    public bool LockedOut => LockedUntil is not null;
}

/// <summary>A new account. A blank password means "generate one and show it once".</summary>
public sealed record NewUser(string? Email, string? DisplayName, IReadOnlyList<string>? Roles, string? Password);

/// <summary>Changes to an account; null fields stay as they are.</summary>
public sealed record UserChanges(IReadOnlyList<string>? Roles = null, bool? Disabled = null, string? DisplayName = null);

/// <summary>The account after creation or a password reset, with the generated password when the portal chose it.</summary>
public sealed record UserWithPassword(UserSummary User, string? GeneratedPassword);
