using System.Net;
using System.Text.RegularExpressions;

namespace CasesPortal.Hosting.Benchmark;

/// <summary>Logs in through the portal's log-in form, as a browser does, and keeps the cookie.</summary>
public static partial class BenchLogin
{
    /// <summary>A client holding the log-in cookie, and the cookies themselves (for a browser started on the side).</summary>
    public static async Task<(HttpClient Client, CookieCollection Cookies)> LogInAsync(Uri address, string email, string password)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        var page = await client.GetStringAsync("/account/login");
        var fields = HiddenInput().Matches(page).Select(m => (Name: Attribute(m.Value, "name"), Value: Attribute(m.Value, "value")))
            .Where(f => f.Name is not null).ToDictionary(f => f.Name!, f => WebUtility.HtmlDecode(f.Value ?? ""));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect || cookies.GetCookies(address).Count == 0)
            throw new InvalidOperationException($"The benchmark could not log in as {email}: {(int)response.StatusCode}.");
        return (client, cookies.GetCookies(address));
    }

    private static string? Attribute(string tag, string attribute) =>
        Regex.Match(tag, $"{attribute}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();
}
