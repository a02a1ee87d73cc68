using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Services;
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
        await Assertions.Expect(page.Locator("#hosts-list-table tbody tr")).ToHaveCountAsync(3);
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

    [SkippableFact]
    public async Task An_analyst_adds_the_events_of_a_host_to_a_case_from_the_host_events_tab()
    {
        var ingest = browser.Portal.Services.GetRequiredService<EvidenceIngestService>();
        await ingest.IngestAsync(EvidenceKind.Events, Samples.Bytes(Samples.Events), CancellationToken.None);
        var userId = await HttpForms.CreateAccountAsync(browser.Portal, "hosts.analyst@soc.example", Roles.Analyst);
        var actor = new CaseActor(userId, new HashSet<string> { Roles.Analyst });
        var target = (await browser.Portal.Services.GetRequiredService<CaseService>().CreateAsync(actor, new NewCase("Password spraying against DC-01", ""))).Value!;
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await BrowserSteps.LogInAsync(page, "hosts.analyst@soc.example", TestAccounts.AnalystPassword);

        await page.GotoAsync("/hosts/DC-01?tab=events");
        await BrowserSteps.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#host-events #events-table tbody tr")).ToHaveCountAsync(2);
        await page.Locator("#host-events #events-table thead .mud-checkbox").ClickAsync();
        await Assertions.Expect(page.Locator("#host-events .selection-count")).ToHaveTextAsync("2 selected");
        await page.ClickAsync("#host-events .add-to-case-menu button");
        await page.ClickAsync(".add-to-existing-case");
        await page.FillAsync("#case-picker-search", "spraying");
        await page.ClickAsync(".case-choice:has-text('Password spraying against DC-01')");
        await page.ClickAsync("#case-picker-add");
        await Assertions.Expect(page.Locator(".added-to-case")).ToContainTextAsync($"Added 2 events to case #{target.Number}");
        await BrowserSteps.ScreenshotAsync(page, "entities-07-host-events-added");

        await page.ClickAsync(".added-case-link");
        await page.Locator("#case-title").WaitForAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.ClickAsync(".mud-tab:has-text('Events')");
        await Assertions.Expect(page.Locator("#case-events tr.attached-event")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#case-events")).ToContainTextAsync("logon-failed");
        await page.ClickAsync(".mud-tab:has-text('Attachments')");
        await Assertions.Expect(page.Locator("#attachments-events tr.attached-event")).ToHaveCountAsync(2);
        await BrowserSteps.ScreenshotAsync(page, "entities-08-case-with-host-events");
    }

    [SkippableFact]
    public async Task The_case_tactics_tab_shows_the_attack_tactics_of_its_alerts()
    {
        var userId = await HttpForms.CreateAccountAsync(browser.Portal, "tactics.analyst@soc.example", Roles.Analyst);
        var actor = new CaseActor(userId, new HashSet<string> { Roles.Analyst });
        await browser.Portal.Services.GetRequiredService<EvidenceIngestService>()
            .IngestAsync(EvidenceKind.Alerts, Samples.Bytes(Samples.Alerts), CancellationToken.None);
        var item = (await browser.Portal.Services.GetRequiredService<CaseService>().CreateAsync(actor, new NewCase("Intrusion on WS-042", "", []))).Value!;
        await browser.Portal.Services.GetRequiredService<CaseEvidenceService>().AttachAlertsAsync(actor, item.Id,
            ["5f1c0a5e8e0b4bb7a1f1b0f3e6c2a901", "a9d3e27b41c84c6f8d0e5f1a2b3c4d5e", "c4e5f6a7b8c94d0e9f1a2b3c4d5e6f70", "e1f2a3b4c5d64e7f8a9b0c1d2e3f4a5b"]);
        var page = await browser.NewPageAsync();
        await BrowserSteps.LogInAsync(page, "tactics.analyst@soc.example", TestAccounts.AnalystPassword);

        await page.GotoAsync($"/cases/{item.Number}");
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.ClickAsync(".mud-tab:has-text('Tactics')");

        await Assertions.Expect(page.Locator("#case-tactics .tactic-card")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#tactic-TA0011")).ToContainTextAsync("Ingress Tool Transfer");
        await BrowserSteps.ScreenshotAsync(page, "entities-06-case-tactics");
    }
}
