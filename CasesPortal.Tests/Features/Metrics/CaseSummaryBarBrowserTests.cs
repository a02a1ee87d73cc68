using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Tests.Features.Cases.Evidence;
using Microsoft.Playwright;

namespace CasesPortal.Tests.Features.Metrics;

[Trait(Layer.Name, Layer.Browser)]
public sealed class CaseSummaryBarBrowserTests(ClockedBrowserFixture browser) : IClassFixture<ClockedBrowserFixture>
{
    private T Get<T>() where T : notnull => browser.Portal.Services.GetRequiredService<T>();

    [SkippableFact]
    public async Task The_bar_follows_the_case_through_its_statuses_to_the_second()
    {
        var email = "ana.metrics@soc.example";
        var userId = await HttpForms.CreateAccountAsync(browser.Portal, email, Roles.Analyst);
        var actor = new CaseActor(userId, new HashSet<string> { Roles.Analyst });
        await EvidenceSamples.IngestSamplesAsync(Get<EvidenceIngestService>());
        var item = (await Get<CaseService>().CreateAsync(actor, new NewCase("C2 beaconing from WS-042", "", []))).Value!;
        await Get<CaseEvidenceService>().AttachAlertsAsync(actor, item.Id, [EvidenceSamples.PowerShellAlert, "a9d3e27b41c84c6f8d0e5f1a2b3c4d5e", "c4e5f6a7b8c94d0e9f1a2b3c4d5e6f70"]);

        var page = await browser.NewPageAsync();
        await BrowserSteps.LogInAsync(page, email, TestAccounts.AnalystPassword);
        await page.GotoAsync($"/cases/{item.Number}");
        await BrowserSteps.WaitInteractiveAsync(page);
        await Expect(page, "#summary-alerts", "3");
        await Expect(page, "#summary-in-progress", "—");
        Assert.Equal(0, await page.Locator("#summary-to-close").CountAsync());

        // Ticking: two hours pass with the page open, then the analyst starts work from the status menu.
        browser.Clock.Advance(TimeSpan.FromHours(2));
        await Expect(page, "#summary-open", "2h 0m 00s");
        await page.ClickAsync("#status-menu");
        await page.ClickAsync("#status-in-progress");
        await page.Locator("#status-menu", new() { HasText = "In progress" }).WaitForAsync();

        browser.Clock.Advance(TimeSpan.FromMinutes(30));
        await ChangeStatusAsync(item.Id, actor, CaseStatus.Closed);
        await Expect(page, "#summary-to-close", "2h 30m 00s");
        await Expect(page, "#summary-open", "2h 30m 00s");
        await Expect(page, "#summary-in-progress", "30m 00s");

        // Closed for a day, reopened by a colleague, closed again ten minutes later.
        browser.Clock.Advance(TimeSpan.FromDays(1));
        await ChangeStatusAsync(item.Id, actor, CaseStatus.Open);
        browser.Clock.Advance(TimeSpan.FromMinutes(10));
        await ChangeStatusAsync(item.Id, actor, CaseStatus.Closed);
        await Expect(page, "#summary-to-close", "1d 2h 40m");
        await Expect(page, "#summary-to-close", "(reopened)");
        await Expect(page, "#summary-open", "2h 40m 00s");

        await page.ClickAsync("#summary-hosts button");
        await page.Locator(".top-entity", new() { HasText = "WS-042" }).WaitForAsync();
        await BrowserSteps.ScreenshotAsync(page, "metrics-01-summary-bar");
    }

    private async Task ChangeStatusAsync(string caseId, CaseActor actor, CaseStatus status)
    {
        var version = (await Get<CaseQueries>().GetAsync(caseId))!.Version;
        var result = await Get<CaseService>().UpdateAsync(actor, [new CaseChanges(caseId, version) { Status = status, CloseReason = status == CaseStatus.Closed ? CloseReason.TruePositive : null }]);
        Assert.True(result.Succeeded, result.Error?.Message);
    }

    private static Task Expect(IPage page, string figure, string text) =>
        page.Locator(figure, new() { HasText = text }).WaitForAsync();
}
