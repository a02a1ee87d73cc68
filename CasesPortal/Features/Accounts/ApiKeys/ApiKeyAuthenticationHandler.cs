using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CasesPortal.Features.Accounts.ApiKeys;

/// <summary>
/// <c>Authorization: ApiKey &lt;encoded&gt;</c> for scripts and integrations: the key acts with its owner's current roles,
/// and stops working when the owner is disabled or locked out. Failures answer with the API's JSON error body.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService apiKeys,
    SignInManager<ApplicationUser> signInManager)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyIdClaim = "api_key_id";
    private string? failure;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) ||
            !string.Equals(header.Scheme, SchemeName, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();

        var check = await apiKeys.AuthenticateAsync(header.Parameter, Context.RequestAborted);
        if (!check.Succeeded) return Fail(check.Message);

        var owner = await signInManager.UserManager.FindByIdAsync(check.UserId!);
        if (owner is null) return Fail(ApiKeyCheck.Rejected(ApiKeyRejection.Unknown).Message);
        if (!await signInManager.CanSignInAsync(owner)) return Fail(ApiKeyCheck.Rejected(ApiKeyRejection.OwnerDisabled).Message);
        if (await signInManager.UserManager.IsLockedOutAsync(owner))
            return Fail("The account that owns this API key is locked after too many failed log-in attempts. Try again later or ask an Admin to unlock it.");

        var principal = await signInManager.CreateUserPrincipalAsync(owner);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(KeyIdClaim, check.KeyId!));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = SchemeName;
        return ApiAuthentication.WriteUnauthorizedAsync(Context, failure);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => ApiAuthentication.WriteForbiddenAsync(Context);

    private AuthenticateResult Fail(string reason)
    {
        failure = reason;
        return AuthenticateResult.Fail(reason);
    }
}
