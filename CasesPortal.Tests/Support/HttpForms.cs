using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using CasesPortal.Features.Accounts;

namespace CasesPortal.Tests.Support;

/// <summary>Drives the static server-rendered account forms over HTTP as a browser without JavaScript would.</summary>
public static partial class HttpForms
{
    /// <summary>Loads the page, keeps its hidden fields (antiforgery token, form name) and posts the form with the given fields.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        var values = HiddenInputs(page);
        foreach (var (name, value) in fields) values[name] = value;
        return await client.PostAsync(pageUrl, new FormUrlEncodedContent(values));
    }

    public static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password, string returnUrl = "/") =>
        SubmitAsync(client, $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}",
            new() { ["Input.Email"] = email, ["Input.Password"] = password });

    public static async Task<HttpClient> LoggedInClientAsync(PortalFactory factory, string email, string password)
    {
        var client = factory.CreateBrowserlessClient();
        var response = await LogInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<string> CreateAccountAsync(PortalFactory factory, string email, params string[] roles)
    {
        var result = await factory.Services.GetRequiredService<UserAdminService>()
            .CreateAsync(new NewUser(email, email.Split('@')[0], roles, TestAccounts.AnalystPassword));
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!.User.Id;
    }

    /// <summary>The path and query a redirect points to, checking it stays on the portal.</summary>
    /// <summary>An API client using Basic auth as an account of the role (created on first use), sending Kibana's <c>kbn-xsrf</c> header.</summary>
    public static async Task<HttpClient> ApiClientAsync(PortalFactory factory, string email, string role)
    {
        var users = factory.Services.GetRequiredService<CasesPortal.Features.Accounts.UserAdminService>();
        if ((await users.ListAsync()).All(u => u.Email != email)) await CreateAccountAsync(factory, email, role);
        var client = factory.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Authorization = Basic(email, TestAccounts.AnalystPassword);
        client.DefaultRequestHeaders.Add("kbn-xsrf", "true");
        return client;
    }

    public static string RedirectTarget(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        if (!location.IsAbsoluteUri) return location.OriginalString;
        Assert.Equal("localhost", location.Host);
        return location.PathAndQuery;
    }

    public static AuthenticationHeaderValue Basic(string email, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{password}")));

    public static Dictionary<string, string> HiddenInputs(string html)
    {
        var values = new Dictionary<string, string>();
        foreach (Match input in HiddenInput().Matches(html))
        {
            var name = Attribute(input.Value, "name");
            if (name is not null) values[name] = WebUtility.HtmlDecode(Attribute(input.Value, "value") ?? "");
        }
        return values;
    }

    private static string? Attribute(string tag, string attribute) =>
        Regex.Match(tag, $"{attribute}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();
}
