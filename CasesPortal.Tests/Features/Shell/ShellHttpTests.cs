using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CasesPortal.Tests.Features.Shell;

[Trait(Layer.Name, Layer.Http)]
public sealed class ShellHttpTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory factory;

    public ShellHttpTests(PortalFactory factory) => this.factory = factory;

    [Fact]
    public async Task Health_answers_200_without_log_in_when_the_database_is_reachable()
    {
        var response = await factory.CreateBrowserlessClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
    }

    [Trait(TestProvider.Trait, TestProvider.Sqlite)]
    [Fact]
    public async Task Health_answers_503_when_the_database_is_gone()
    {
        using var broken = PortalFactory.Create();
        var client = broken.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(broken.Database.FilePath);
        Directory.CreateDirectory(broken.Database.FilePath); // a folder where the file was: not openable

        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unhandled_page_error_shows_a_reference_that_is_also_in_the_log()
    {
        var response = await factory.CreateBrowserlessClient().GetAsync("/test/fail");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", html);
        var reference = Regex.Match(html, "<code id=\"error-reference\">([^<]+)</code>").Groups[1].Value;
        Assert.False(string.IsNullOrWhiteSpace(reference));
        Assert.True(factory.Logs.Contains($"reference {reference}"), "the log names the same reference");
        Assert.DoesNotContain("Deliberate failure", html);
    }

    [Fact]
    public async Task An_unhandled_api_error_is_a_json_500_with_the_reference()
    {
        var response = await factory.CreateBrowserlessClient().GetAsync("/api/test/fail");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var reference = body.GetProperty("reference").GetString()!;
        Assert.Equal(500, body.GetProperty("statusCode").GetInt32());
        Assert.Contains(reference, body.GetProperty("message").GetString());
        Assert.True(factory.Logs.Contains($"reference {reference}"));
    }

    [Fact]
    public async Task Unknown_addresses_show_the_not_found_page()
    {
        var client = await HttpForms.LoggedInClientAsync(factory, TestAccounts.AdminEmail, TestAccounts.AdminPassword);

        var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_api_addresses_and_methods_answer_json_errors_not_pages()
    {
        var client = factory.CreateBrowserlessClient();

        var missing = await client.GetAsync("/api/no/such/endpoint");
        var wrongMethod = await client.PutAsync("/api/users", JsonContent.Create(new { }));

        foreach (var (response, status, message) in new[] { (missing, 404, "No API endpoint at GET /api/no/such/endpoint"), (wrongMethod, 405, "PUT is not allowed on /api/users") })
        {
            Assert.Equal(status, (int)response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(status, body.GetProperty("statusCode").GetInt32());
            Assert.Contains(message, body.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task The_shell_lists_administration_only_for_admins()
    {
        await HttpForms.CreateAccountAsync(factory, "viewer@soc.example", "Viewer");
        var admin = await HttpForms.LoggedInClientAsync(factory, TestAccounts.AdminEmail, TestAccounts.AdminPassword);
        var viewer = await HttpForms.LoggedInClientAsync(factory, "viewer@soc.example", TestAccounts.AnalystPassword);

        Assert.Contains("nav-admin-users", await admin.GetStringAsync("/"));
        var viewerHome = await viewer.GetStringAsync("/");
        Assert.DoesNotContain("nav-admin-users", viewerHome);
        Assert.Contains("Read only", viewerHome);
    }

    [Fact]
    public async Task The_api_is_described_by_an_openapi_document_with_a_browsable_page()
    {
        var client = factory.CreateBrowserlessClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/cases/_find", paths);
        Assert.Contains("/api/cases/{id}/comments", paths);
        Assert.Contains("/api/users", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/account", StringComparison.Ordinal));
        var page = await client.GetAsync("/api-docs/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("swagger", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
