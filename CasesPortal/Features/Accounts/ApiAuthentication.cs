using CasesPortal.Features.Accounts.ApiKeys;
using CasesPortal.Features.Common;
using Microsoft.AspNetCore.Authentication;

namespace CasesPortal.Features.Accounts;

/// <summary>
/// The "Api" scheme every API policy authenticates with: an API key when the header says <c>ApiKey</c>, HTTP Basic
/// otherwise. The log-in cookie is never consulted, so another site cannot make a signed-in browser call the API.
/// </summary>
public static class ApiAuthentication
{
    public const string SchemeName = "Api";

    public static AuthenticationBuilder AddApiAuthentication(this AuthenticationBuilder builder) => builder
        .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, null)
        .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
        .AddPolicyScheme(SchemeName, "API clients", options => options.ForwardDefaultSelector = SelectScheme);

    public static string SelectScheme(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith(ApiKeyAuthenticationHandler.SchemeName + " ", StringComparison.OrdinalIgnoreCase)
            ? ApiKeyAuthenticationHandler.SchemeName
            : BasicAuthenticationHandler.SchemeName;

    public static Task WriteUnauthorizedAsync(HttpContext context, string? failure) =>
        ApiResults.WriteErrorAsync(context, StatusCodes.Status401Unauthorized,
            failure ?? "Authentication required: send HTTP Basic credentials of a portal account, or 'Authorization: ApiKey <encoded>' with an API key.");

    public static Task WriteForbiddenAsync(HttpContext context) =>
        ApiResults.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "Your account's roles do not allow this operation.");
}
