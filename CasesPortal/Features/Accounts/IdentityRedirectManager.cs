using Microsoft.AspNetCore.Components;

namespace CasesPortal.Features.Accounts;

/// <summary>Redirects from the static account pages; only paths inside the portal are followed (no open redirects).</summary>
public sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Portal.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(10),
    };

    public static string SafeLocalPath(string? uri)
    {
        if (string.IsNullOrWhiteSpace(uri)) return "/";
        var isLocal = uri.StartsWith('/') && !uri.StartsWith("//", StringComparison.Ordinal) && !uri.StartsWith("/\\", StringComparison.Ordinal);
        return isLocal ? uri : "/";
    }

    public void RedirectTo(string? uri) => navigationManager.NavigateTo(SafeLocalPath(uri));

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }
}
