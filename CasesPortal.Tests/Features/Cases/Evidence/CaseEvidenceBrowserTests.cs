using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Evidence.Ingest;
using Microsoft.Playwright;

namespace CasesPortal.Tests.Features.Cases.Evidence;

[Trait(Layer.Name, Layer.Browser)]
public sealed class CaseEvidenceBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private T Get<T>() where T : notnull => browser.Portal.Services.GetRequiredService<T>();

    [SkippableFact]
    public async Task Attached_alerts_and_events_show_on_the_case_and_closing_the_case_closes_the_alerts()
    {
        var email = "ana.evidence@soc.example";
        var userId = await HttpForms.CreateAccountAsync(browser.Portal, email, Roles.Analyst);
        var actor = new CaseActor(userId, new HashSet<string> { Roles.Analyst });
        await EvidenceSamples.IngestSamplesAsync(Get<EvidenceIngestService>());
        var item = (await Get<CaseService>().CreateAsync(actor, new NewCase("Macro dropper on WS-042", "", []))).Value!;
        var evidence = Get<CaseEvidenceService>();
        Assert.True((await evidence.AttachAlertsAsync(actor, item.Id, [EvidenceSamples.PowerShellAlert, "a9d3e27b41c84c6f8d0e5f1a2b3c4d5e", "c4e5f6a7b8c94d0e9f1a2b3c4d5e6f70"])).Succeeded);
        Assert.True((await evidence.AttachEventsAsync(actor, item.Id, [EvidenceSamples.ProcessEvent, "evt-net-0002", "winsec-4625-000311"])).Succeeded);

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await BrowserSteps.LogInAsync(page, email, TestAccounts.AnalystPassword);
        await page.GotoAsync($"/cases/{item.Number}");
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.Locator("#case-title").WaitForAsync();

        await page.ClickAsync(".mud-tab:has-text('Attachments')");
        var alerts = page.Locator("#attached-alerts tr.attached-alert");
        await alerts.Nth(2).WaitForAsync();
        Assert.Equal(3, await alerts.CountAsync());
        await page.Locator("#attachments-events tr.attached-event").Nth(2).WaitForAsync();
        Assert.Equal("open", (await alerts.Nth(2).Locator(".alert-status").InnerTextAsync()).Trim());
        await BrowserSteps.ScreenshotAsync(page, "attach-01-attachments");

        await page.ClickAsync(".mud-tab:has-text('Events')");
        var events = page.Locator("#case-events tr.attached-event");
        await events.Nth(2).WaitForAsync();
        Assert.Equal("logon-failed", (await events.Nth(0).Locator(".event-action").InnerTextAsync()).Trim());
        await events.Nth(2).ClickAsync();
        await page.Locator("#case-events .event-document", new() { HasText = "evt-proc-0001" }).WaitForAsync();
        await BrowserSteps.ScreenshotAsync(page, "attach-02-events");

        var version = (await Get<CaseQueries>().GetAsync(item.Id))!.Version;
        Assert.True((await Get<CaseService>().UpdateAsync(actor, [new CaseChanges(item.Id, version) { Status = CaseStatus.Closed }])).Succeeded);
        await page.ClickAsync(".mud-tab:has-text('Attachments')");
        await page.Locator("#attached-alerts tr.attached-alert .alert-status", new() { HasText = "closed" }).Nth(2).WaitForAsync();
        Assert.Equal(0, await page.Locator("#attached-alerts tr.attached-alert .alert-status", new() { HasText = "open" }).CountAsync());
        await BrowserSteps.ScreenshotAsync(page, "attach-03-closed");
    }
}
