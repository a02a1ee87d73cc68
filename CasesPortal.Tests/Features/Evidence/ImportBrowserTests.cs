using CasesPortal.Features.Accounts;
using Microsoft.Playwright;

namespace CasesPortal.Tests.Features.Evidence;

[Trait(Layer.Name, Layer.Browser)]
public sealed class ImportBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task An_analyst_imports_a_stix_bundle_and_then_alerts_and_sees_the_counts()
    {
        await HttpForms.CreateAccountAsync(browser.Portal, "importer@soc.example", Roles.Analyst);
        var page = await browser.NewPageAsync();
        await BrowserSteps.LogInAsync(page, "importer@soc.example", TestAccounts.AnalystPassword);

        await page.ClickAsync("#nav-import-evidence");
        await page.Locator("#import-title").WaitForAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await BrowserSteps.ScreenshotAsync(page, "ingest-01-import-page");

        await page.SetInputFilesAsync(".import-upload input[type=file]", Samples.PathOf(Samples.StixBundle));
        await page.Locator("#import-detected", new() { HasText = "indicators" }).WaitForAsync();
        Assert.True(await page.Locator("input#kind-indicators, #kind-indicators input").IsCheckedAsync());
        Assert.Contains("indicators-bundle.stix.json", await page.Locator("#import-file-name").InnerTextAsync());
        await BrowserSteps.ScreenshotAsync(page, "ingest-02-file-chosen");

        await page.ClickAsync("#import-start");
        await page.Locator("#import-summary").WaitForAsync();
        var bar = page.Locator("#import-progress[role=progressbar], #import-progress [role=progressbar]").First;
        Assert.Equal("100", await bar.GetAttributeAsync("aria-valuenow"));
        Assert.Contains("Done: 7 documents", await page.Locator("#import-phase").InnerTextAsync());
        Assert.Equal("5", (await page.Locator("#import-created .figure-value").InnerTextAsync()).Trim());
        Assert.Equal("2", (await page.Locator("#import-skipped .figure-value").InnerTextAsync()).Trim());
        Assert.Equal("0", (await page.Locator("#import-failed .figure-value").InnerTextAsync()).Trim());
        await BrowserSteps.ScreenshotAsync(page, "ingest-03-bundle-imported");

        // Alerts with one broken line appended: the good ones go in, the bad one is listed with its reason.
        var file = Path.Combine(Path.GetTempPath(), $"alerts-{Guid.NewGuid():N}.ndjson");
        await File.WriteAllTextAsync(file, await File.ReadAllTextAsync(Samples.PathOf(Samples.Alerts)) + "{\"kibana.alert.uuid\":\"broken\",\n");
        try
        {
            await page.SetInputFilesAsync(".import-upload input[type=file]", file);
            await page.Locator("#import-detected", new() { HasText = "alerts" }).WaitForAsync();
            await page.ClickAsync("#import-start");
            await page.Locator("#import-summary", new() { HasText = "Imported 6 alerts" }).WaitForAsync();
        }
        finally
        {
            File.Delete(file);
        }
        Assert.Equal("5", (await page.Locator("#import-created .figure-value").InnerTextAsync()).Trim());
        Assert.Equal("1", (await page.Locator("#import-failed .figure-value").InnerTextAsync()).Trim());
        Assert.Contains("x_content_parse_exception", await page.Locator("#import-errors").InnerTextAsync());
        await BrowserSteps.ScreenshotAsync(page, "ingest-04-alerts-with-an-error");

        // A pretty-printed bundle missing a comma: one message that says where it breaks, and nothing to import.
        var broken = Path.Combine(Path.GetTempPath(), $"bundle-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(broken, "{\n  \"type\": \"bundle\",\n  \"objects\": [\n    {\"type\": \"indicator\"}\n    {\"type\": \"indicator\"}\n  ]\n}\n");
        try
        {
            await page.SetInputFilesAsync(".import-upload input[type=file]", broken);
            await page.Locator("#import-problem", new() { HasText = "(line 5, byte 5)" }).WaitForAsync();
        }
        finally
        {
            File.Delete(broken);
        }
        Assert.Contains("not valid JSON", await page.Locator("#import-problem").InnerTextAsync());
        Assert.Contains("95 bytes", await page.Locator("#import-file-name").InnerTextAsync());
        Assert.True(await page.Locator("#import-start").IsDisabledAsync());
        await BrowserSteps.ScreenshotAsync(page, "ingest-05-broken-bundle");
    }

    [SkippableFact]
    public async Task A_viewer_has_no_import_entry_and_is_refused_the_page()
    {
        await HttpForms.CreateAccountAsync(browser.Portal, "import.viewer@soc.example", Roles.Viewer);
        var page = await browser.NewPageAsync();
        await BrowserSteps.LogInAsync(page, "import.viewer@soc.example", TestAccounts.AnalystPassword);

        Assert.Equal(0, await page.Locator("#nav-import-evidence").CountAsync());
        await page.GotoAsync("/evidence/import");
        await page.Locator("#access-denied").WaitForAsync();
    }
}
