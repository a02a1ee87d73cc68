using Microsoft.AspNetCore.Authorization;

namespace CasesPortal.Features.Accounts;

/// <summary>Authorization policies checked on the server for pages and API endpoints.</summary>
public static class AccountPolicies
{
    /// <summary>API endpoints an Admin calls with HTTP Basic.</summary>
    public const string ApiAdmin = "api:admin";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(ApiAdmin, policy => policy
            .AddAuthenticationSchemes(BasicAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Admin));
    }
}
