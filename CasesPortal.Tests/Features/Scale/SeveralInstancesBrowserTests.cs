using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace CasesPortal.Tests.Features.Scale;

/// <summary>
/// Two portal instances on one PostgreSQL database, as behind a load balancer with sticky sessions: a case page open
/// in Chromium on the second instance shows, live, a change an analyst made through the first.
/// </summary>
[Trait(Layer.Name, Layer.Browser)]
[Trait(TestProvider.Trait, TestProvider.Postgres)]
public sealed class SeveralInstancesBrowserTests : IAsyncLifetime
{
    private string? database;
    private PortalFactory first = default!;
    private InstanceBrowser browser = default!;
    private readonly string sharedFiles = Path.Combine(Path.GetTempPath(), "casesportal-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The browser fixture pointed at a given portal instance.</summary>
    private sealed class InstanceBrowser(PortalFactory portal) : BrowserFixture(portal);

    public async Task InitializeAsync()
    {
        if (TestProvider.PostgresServerOrNull is null)
        {
            if (TestProvider.PostgresRequired) throw new InvalidOperationException($"{TestProvider.MissingPostgresReason} (CASESPORTAL_REQUIRE_POSTGRES=1.)");
            return;
        }
        (database, var connectionString) = TestProvider.NewPostgresDatabase();
        var settings = SeveralInstancesTests.SharedSettings(connectionString, sharedFiles);
        first = PortalFactory.Create(kestrel: true, settings: settings);
        first.StartServer();
        browser = new InstanceBrowser(PortalFactory.Create(kestrel: true, settings: settings));
        await browser.InitializeAsync();
    }

    [SkippableFact]
    public async Task A_title_changed_through_one_instance_appears_on_the_case_page_the_other_serves()
    {
        Skip.If(database is null, TestProvider.MissingPostgresReason);
        using var api = SeveralInstancesTests.AdminApi(first);
        var created = await api.PostAsJsonAsync("/api/cases", new
        {
            title = "Beaconing from WS-042", description = "Seen by the proxy.", tags = Array.Empty<string>(), severity = "high",
            owner = "securitySolution", settings = new { syncAlerts = false }, connector = new { id = "none", name = "none", type = ".none", fields = (object?)null },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var item = (await created.Content.ReadFromJsonAsync<JsonObject>())!;

        var page = await browser.NewPageAsync();
        Assert.NotEqual(SeveralInstancesTests.Address(first).TrimEnd('/'), browser.BaseUrl);
        await BrowserSteps.LogInAsync(page, TestAccounts.AdminEmail, TestAccounts.AdminPassword);
        await page.GotoAsync($"/cases/{item["incremental_id"]}");
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.Locator("#case-title", new() { HasText = "Beaconing from WS-042" }).WaitForAsync();

        var patched = await api.PatchAsJsonAsync("/api/cases", new
        {
            cases = new[] { new { id = item["id"]!.GetValue<string>(), version = item["version"]!.GetValue<string>(), title = "C2 beaconing from WS-042" } },
        });
        Assert.True(patched.IsSuccessStatusCode, await patched.Content.ReadAsStringAsync());

        await page.Locator("#case-title", new() { HasText = "C2 beaconing from WS-042" }).WaitForAsync(new() { Timeout = 15_000 });
        await page.Locator("#activity-list li", new() { HasText = "C2 beaconing from WS-042" }).WaitForAsync(new() { Timeout = 15_000 });
        await BrowserSteps.ScreenshotAsync(page, "instances-01-change-from-the-other-instance");
    }

    public async Task DisposeAsync()
    {
        if (database is null) return;
        await browser.DisposeAsync();
        await first.DisposeAsync();
        TestProvider.DropPostgresDatabase(database);
        try { Directory.Delete(sharedFiles, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
