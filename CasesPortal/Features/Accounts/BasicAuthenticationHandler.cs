using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CasesPortal.Features.Accounts;

/// <summary>
/// HTTP Basic for API clients and provisioning scripts: an account's email and password, with the same
/// lockout and disabled-account rules as the log-in page. Failures answer with the API's JSON error body.
/// A verified login is remembered for up to a minute (<see cref="BasicLoginCache"/>); the account is still checked
/// for being disabled or locked on every request.
/// </summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SignInManager<ApplicationUser> signInManager,
    BasicLoginCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Basic";
    private string? failure;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) ||
            !string.Equals(header.Scheme, SchemeName, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();

        if (!TryDecode(header.Parameter, out var email, out var password))
            return Fail("The Authorization header is not valid Basic credentials (base64 of 'email:password').");

        var cacheKey = BasicLoginCache.KeyFor(email, password);
        if (cache.Find(cacheKey) is { } remembered)
        {
            if (await StillValidAsync(remembered) is { } known) return await SuccessAsync(known);
            // Something changed on the account: check the password again, which also gives the precise refusal.
            cache.Remove(cacheKey);
        }

        var user = await signInManager.UserManager.FindByEmailAsync(email);
        if (user is null) return Fail("Invalid email or password.");

        var check = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut) return Fail("This account is locked after too many failed log-in attempts. Try again later or ask an Admin to unlock it.");
        if (check.IsNotAllowed) return Fail("This account is disabled.");
        if (!check.Succeeded) return Fail("Invalid email or password.");

        cache.Add(cacheKey, user.Id, user.SecurityStamp);
        return await SuccessAsync(user);
    }

    private async Task<ApplicationUser?> StillValidAsync(BasicLoginCache.Entry remembered)
    {
        var users = signInManager.UserManager;
        var user = await users.FindByIdAsync(remembered.UserId);
        return user is not null && user.SecurityStamp == remembered.SecurityStamp &&
               await signInManager.CanSignInAsync(user) && !await users.IsLockedOutAsync(user)
            ? user
            : null;
    }

    private async Task<AuthenticateResult> SuccessAsync(ApplicationUser user)
    {
        var principal = await signInManager.CreateUserPrincipalAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"CasesPortal\", charset=\"UTF-8\"";
        return ApiAuthentication.WriteUnauthorizedAsync(Context, failure);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => ApiAuthentication.WriteForbiddenAsync(Context);

    private AuthenticateResult Fail(string reason)
    {
        failure = reason;
        return AuthenticateResult.Fail(reason);
    }

    private static bool TryDecode(string? parameter, out string email, out string password)
    {
        email = password = "";
        if (string.IsNullOrEmpty(parameter)) return false;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
            var colon = text.IndexOf(':');
            if (colon <= 0) return false;
            (email, password) = (text[..colon], text[(colon + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
