namespace CasesPortal.Features.Accounts;

/// <summary>The portal's roles. The names are part of the API and never change.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Lead = "Lead";
    public const string Analyst = "Analyst";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Lead, Analyst, Viewer];

    public static string Describe(string role) => role switch
    {
        Admin => "Users, settings, everything",
        Lead => "Everything on cases, including delete; dashboards",
        Analyst => "Create and update cases, comment, attach, push",
        Viewer => "Read only",
        _ => role,
    };

    /// <summary>Returns the canonical spelling of a role name, or null when it is not a portal role.</summary>
    public static string? Canonical(string? name) =>
        All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
