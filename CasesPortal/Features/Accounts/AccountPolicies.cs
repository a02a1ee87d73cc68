using Microsoft.AspNetCore.Authorization;

namespace CasesPortal.Features.Accounts;

/// <summary>Authorization policies checked on the server for pages and API endpoints.</summary>
public static class AccountPolicies
{
    /// <summary>API endpoints an Admin calls with HTTP Basic.</summary>
    public const string ApiAdmin = "api:admin";
    public const string ApiRead = "api:read";
    public const string ApiWrite = "api:write";
    public const string ApiDelete = "api:delete";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(ApiAdmin, policy => policy
            .AddAuthenticationSchemes(BasicAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Admin));
        options.AddPolicy(ApiRead, policy => policy.AddAuthenticationSchemes(BasicAuthenticationHandler.SchemeName)
            .RequireRole(Roles.Admin, Roles.Lead, Roles.Analyst, Roles.Viewer));
        options.AddPolicy(ApiWrite, policy => policy.AddAuthenticationSchemes(BasicAuthenticationHandler.SchemeName)
            .RequireRole(Roles.Admin, Roles.Lead, Roles.Analyst));
        options.AddPolicy(ApiDelete, policy => policy.AddAuthenticationSchemes(BasicAuthenticationHandler.SchemeName)
            .RequireRole(Roles.Admin, Roles.Lead));
    }
}
