using CasesPortal.Features.Accounts;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;
using Microsoft.Playwright;

namespace CasesPortal.Tests.Features.Evidence.Explore;

[Trait(Layer.Name, Layer.Browser)]
public sealed class AlertsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task An_analyst_filters_alerts_by_host_and_reads_the_document()
    {
        var ingest = browser.Portal.Services.GetRequiredService<EvidenceIngestService>();
        await ingest.IngestAsync(EvidenceKind.Alerts, Samples.Bytes(Samples.Alerts), CancellationToken.None);
        await HttpForms.CreateAccountAsync(browser.Portal, "alerts.analyst@soc.example", Roles.Analyst);
        var page = await browser.NewPageAsync();
        await BrowserSteps.LogInAsync(page, "alerts.analyst@soc.example", TestAccounts.AnalystPassword);

        await page.ClickAsync("#nav-alerts");
        await page.Locator("#alerts-title").WaitForAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#alerts-table tbody tr")).ToHaveCountAsync(5);
        await BrowserSteps.ScreenshotAsync(page, "explore-01-alerts");

        await BrowserSteps.ChooseUntilAddressAsync(page, "#filter-host", "DC-01", "**/alerts?host=DC-01");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#alerts-table tbody tr")).ToHaveCountAsync(1);
        await BrowserSteps.ScreenshotAsync(page, "explore-02-filtered-by-host");

        await page.ClickAsync("#alerts-table tbody tr");
        await Assertions.Expect(page.Locator("#evidence-document")).ToContainTextAsync("\"svc-backup\"");
        Assert.Contains("Multiple Logon Failures", await page.Locator("#evidence-details-title").InnerTextAsync());
        Assert.Contains("MITRE ATT&CK", await page.Locator("#evidence-document").InnerTextAsync());
        // The drawer slides in; wait until it has stopped before the picture.
        await Assertions.Expect(page.Locator("#evidence-details-close")).ToBeInViewportAsync(new() { Ratio = 1 });
        await page.WaitForTimeoutAsync(400);
        await BrowserSteps.ScreenshotAsync(page, "explore-03-alert-details");

        await page.ClickAsync("#evidence-details-close");
        await Assertions.Expect(page.Locator("#evidence-document")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task A_viewer_browses_events_by_host_and_the_indicators()
    {
        var ingest = browser.Portal.Services.GetRequiredService<EvidenceIngestService>();
        await ingest.IngestAsync(EvidenceKind.Events, Samples.Bytes(Samples.Events), CancellationToken.None);
        await ingest.IngestAsync(EvidenceKind.Indicators, Samples.Bytes(Samples.StixBundle), CancellationToken.None);
        await HttpForms.CreateAccountAsync(browser.Portal, "events.viewer@soc.example", Roles.Viewer);
        var page = await browser.NewPageAsync();
        await BrowserSteps.LogInAsync(page, "events.viewer@soc.example", TestAccounts.AnalystPassword);

        await page.ClickAsync("#nav-events");
        await page.Locator("#events-title").WaitForAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await BrowserSteps.ChooseUntilAddressAsync(page, "#filter-host", "web-03", "**/events?host=web-03");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#events-table tbody tr")).ToHaveCountAsync(2);
        await BrowserSteps.ScreenshotAsync(page, "explore-04-events-by-host");

        await page.ClickAsync("#nav-indicators");
        await page.Locator("#indicators-title").WaitForAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.Locator("#indicators-table tbody tr").First.WaitForAsync();
        await page.Locator("#indicators-table tbody tr").First.ClickAsync();
        await page.Locator("#evidence-document").WaitForAsync();
        await Assertions.Expect(page.Locator("#evidence-details-close")).ToBeInViewportAsync(new() { Ratio = 1 });
        await page.WaitForTimeoutAsync(400);
        await BrowserSteps.ScreenshotAsync(page, "explore-05-indicator-details");
    }
}
