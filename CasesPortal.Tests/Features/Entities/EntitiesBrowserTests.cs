using CasesPortal.Features.Accounts;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;
using CasesPortal.Tests.Features.Evidence;
using Microsoft.Playwright;

namespace CasesPortal.Tests.Features.Entities;

[Trait(Layer.Name, Layer.Browser)]
public sealed class EntitiesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_viewer_opens_a_host_its_events_and_an_event_document()
    {
        var ingest = browser.Portal.Services.GetRequiredService<EvidenceIngestService>();
        await ingest.IngestAsync(EvidenceKind.Alerts, Samples.Bytes(Samples.Alerts), CancellationToken.None);
        await ingest.IngestAsync(EvidenceKind.Events, Samples.Bytes(Samples.Events), CancellationToken.None);
        await HttpForms.CreateAccountAsync(browser.Portal, "hosts.viewer@soc.example", Roles.Viewer);
        var page = await browser.NewPageAsync();
        await BrowserSteps.LogInAsync(page, "hosts.viewer@soc.example", TestAccounts.AnalystPassword);

        await page.ClickAsync("#nav-hosts");
        await page.Locator("#hosts-title").WaitForAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#hosts-list-table tbody tr")).ToHaveCountAsync(6);
        await BrowserSteps.ScreenshotAsync(page, "entities-01-hosts");

        await page.Locator("#hosts-list-table tbody tr .host-link", new() { HasText = "DC-01" }).First.ClickAsync();
        await page.WaitForURLAsync("**/hosts/DC-01");
        await Assertions.Expect(page.Locator("#host-facts")).ToContainTextAsync("Windows Server 2022");
        await BrowserSteps.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#host-alerts #alerts-table tbody tr")).ToHaveCountAsync(1);
        await BrowserSteps.ScreenshotAsync(page, "entities-02-host-detail");

        await page.Locator(".mud-tab", new() { HasText = "Events" }).ClickAsync();
        await page.Locator("#host-events").WaitForAsync();
        Assert.EndsWith("/hosts/DC-01?tab=events", page.Url);
        await Assertions.Expect(page.Locator("#host-events #events-table tbody tr")).ToHaveCountAsync(2);
        await page.Locator("#host-events #events-table tbody tr").First.ClickAsync();
        await Assertions.Expect(page.Locator("#evidence-document")).ToContainTextAsync("\"svc-backup\"");
        await Assertions.Expect(page.Locator("#evidence-details-close")).ToBeInViewportAsync(new() { Ratio = 1 });
        await page.WaitForTimeoutAsync(400);
        await BrowserSteps.ScreenshotAsync(page, "entities-03-host-event-details");
        await page.ClickAsync("#evidence-details-close");

        await page.ClickAsync("#nav-users");
        await page.Locator("#users-title").WaitForAsync();
        await Assertions.Expect(page.Locator("#users-list-table tbody tr")).ToHaveCountAsync(4);
        await BrowserSteps.ScreenshotAsync(page, "entities-04-users");
        await page.ClickAsync("#nav-network");
        await page.Locator("#network-title").WaitForAsync();
        await Assertions.Expect(page.Locator("#network-list-table tbody tr")).ToHaveCountAsync(6);
        await BrowserSteps.ScreenshotAsync(page, "entities-05-network");
    }
}
