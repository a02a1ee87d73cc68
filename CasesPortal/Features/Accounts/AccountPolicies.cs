using Microsoft.AspNetCore.Authorization;

namespace CasesPortal.Features.Accounts;

/// <summary>
/// Authorization policies checked on the server for pages and API endpoints. Every API policy authenticates with the
/// <see cref="ApiAuthentication.SchemeName"/> scheme only (HTTP Basic or an API key, never the log-in cookie), and
/// grants exactly what the same roles may do in the UI.
/// </summary>
public static class AccountPolicies
{
    /// <summary>Any signed-in account, whatever its roles: managing one's own API keys.</summary>
    public const string ApiAny = "api:any";

    /// <summary>Reading cases and everything attached to them.</summary>
    public const string ApiRead = "api:read";

    /// <summary>Creating and changing cases, comments and attachments.</summary>
    public const string ApiWrite = "api:write";

    /// <summary>Deleting cases and comments.</summary>
    public const string ApiDelete = "api:delete";

    /// <summary>Sending alerts, events and indicators to the ingest endpoints (the only thing the Ingest role may do).</summary>
    public const string ApiIngest = "api:ingest";

    /// <summary>Account administration.</summary>
    public const string ApiAdmin = "api:admin";

    public static void Add(AuthorizationOptions options)
    {
        AddApiPolicy(options, ApiAny);
        AddApiPolicy(options, ApiRead, Roles.Admin, Roles.Lead, Roles.Analyst, Roles.Viewer);
        AddApiPolicy(options, ApiWrite, Roles.Admin, Roles.Lead, Roles.Analyst);
        AddApiPolicy(options, ApiDelete, Roles.Admin, Roles.Lead);
        AddApiPolicy(options, ApiAdmin, Roles.Admin);
        AddApiPolicy(options, ApiIngest, Roles.Admin, Roles.Lead, Roles.Analyst, Roles.Ingest);

        // Plain [Authorize] on pages (and AuthorizeView) means "a person using the UI": a machine account holding
        // only Ingest is refused even if it somehow carried a log-in cookie.
        options.DefaultPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.Interactive).Build();
    }

    private static void AddApiPolicy(AuthorizationOptions options, string name, params string[] roles) =>
        options.AddPolicy(name, policy =>
        {
            policy.AddAuthenticationSchemes(ApiAuthentication.SchemeName).RequireAuthenticatedUser();
            if (roles.Length > 0) policy.RequireRole(roles);
        });
}
