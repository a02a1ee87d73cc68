namespace CasesPortal.Features.Accounts;

/// <summary>The portal's roles. The names are part of the API and never change.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Lead = "Lead";
    public const string Analyst = "Analyst";
    public const string Viewer = "Viewer";

    /// <summary>A machine role: sends evidence to the ingest API and nothing else; it cannot log in to the UI.</summary>
    public const string Ingest = "Ingest";

    public static readonly IReadOnlyList<string> All = [Admin, Lead, Analyst, Viewer, Ingest];

    /// <summary>The roles that may use the UI; an account holding none of them (e.g. Ingest only) cannot log in.</summary>
    public static readonly IReadOnlyList<string> Interactive = [Admin, Lead, Analyst, Viewer];

    /// <summary>The roles that may import evidence, in the UI or through the ingest API.</summary>
    public const string EvidenceImporters = $"{Admin},{Lead},{Analyst}";

    public static string Describe(string role) => role switch
    {
        Admin => "Users, settings, everything",
        Lead => "Everything on cases, including delete; dashboards",
        Analyst => "Create and update cases, comment, attach, push",
        Viewer => "Read only",
        Ingest => "Machine account: sends alerts, events and indicators to the ingest API; no UI",
        _ => role,
    };

    public static bool MayUseUi(IEnumerable<string> roles) => roles.Any(r => Interactive.Contains(r, StringComparer.OrdinalIgnoreCase));

    /// <summary>Returns the canonical spelling of a role name, or null when it is not a portal role.</summary>
    public static string? Canonical(string? name) =>
        All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
