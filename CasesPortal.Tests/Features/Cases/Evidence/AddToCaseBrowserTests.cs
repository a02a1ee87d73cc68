using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Evidence.Ingest;
using Microsoft.Playwright;

namespace CasesPortal.Tests.Features.Cases.Evidence;

[Trait(Layer.Name, Layer.Browser)]
public sealed class AddToCaseBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private T Get<T>() where T : notnull => browser.Portal.Services.GetRequiredService<T>();

    [SkippableFact]
    public async Task Every_alert_of_a_rule_goes_to_a_case_and_closing_the_case_closes_them()
    {
        var email = "ana.bulk@soc.example";
        var userId = await HttpForms.CreateAccountAsync(browser.Portal, email, Roles.Analyst);
        var actor = new CaseActor(userId, new HashSet<string> { Roles.Analyst });
        var ingest = Get<EvidenceIngestService>();
        await EvidenceSamples.IngestSamplesAsync(ingest);
        await EvidenceSamples.IngestGeneratedAlertsAsync(ingest, 60);
        var cases = Get<CaseService>();
        await cases.CreateAsync(actor, new NewCase("Printer spooler noise", ""));
        var target = (await cases.CreateAsync(actor, new NewCase("Generated rule storm", "", SyncAlerts: true))).Value!;

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await BrowserSteps.LogInAsync(page, email, TestAccounts.AnalystPassword);
        await page.ClickAsync("#nav-alerts");
        await page.Locator("#alerts-title").WaitForAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await BrowserSteps.ChooseUntilAddressAsync(page, "#filter-rule", "Generated rule", "**/alerts?rule=Generated*");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#alerts-count")).ToHaveTextAsync("60 alerts");

        await page.Locator("#alerts-table thead .mud-checkbox").ClickAsync();
        await Assertions.Expect(page.Locator(".select-all-banner")).ToContainTextAsync("All 25 on this page are selected.");
        await page.ClickAsync(".select-all-matching");
        await Assertions.Expect(page.Locator(".select-all-banner")).ToContainTextAsync("All 60 alerts matching the filter are selected.");
        await Assertions.Expect(page.Locator("#alerts-bulk-bar .selection-count")).ToHaveTextAsync("60 selected");
        await BrowserSteps.ScreenshotAsync(page, "add-01-all-matching");

        await page.ClickAsync(".add-to-case-menu button");
        await page.ClickAsync(".add-to-existing-case");
        await page.Locator("#case-picker-search").WaitForAsync();
        await page.Locator(".case-choice:has-text('Printer spooler noise')").WaitForAsync();
        await page.FillAsync("#case-picker-search", "storm");
        await Assertions.Expect(page.Locator(".case-choice")).ToHaveCountAsync(1);
        await page.ClickAsync(".case-choice:has-text('Generated rule storm')");
        await BrowserSteps.ScreenshotAsync(page, "add-02-picker");
        await page.ClickAsync("#case-picker-add");
        await Assertions.Expect(page.Locator(".added-to-case")).ToContainTextAsync($"Added 60 alerts to case #{target.Number}");
        await BrowserSteps.ScreenshotAsync(page, "add-03-added");

        await page.ClickAsync(".added-case-link");
        await page.Locator("#case-title").WaitForAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.ClickAsync(".mud-tab:has-text('Attachments')");
        await Assertions.Expect(page.Locator("#attached-alerts-count")).ToHaveTextAsync("60");
        await Assertions.Expect(page.Locator("#attached-alerts tr.attached-alert")).ToHaveCountAsync(10);
        await BrowserSteps.ScreenshotAsync(page, "add-04-attachments");

        await page.ClickAsync("#status-menu");
        await page.ClickAsync("#status-closed");
        await page.ClickAsync("#close-reason-true_positive");
        await page.ClickAsync("#close-submit");
        await Assertions.Expect(page.Locator("#status-menu")).ToContainTextAsync("Closed");

        await page.GotoAsync("/alerts?rule=Generated%20rule&status=closed");
        await BrowserSteps.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#alerts-count")).ToHaveTextAsync("60 alerts");
        await BrowserSteps.ScreenshotAsync(page, "add-05-alerts-closed");
    }

    [SkippableFact]
    public async Task Indicators_go_to_a_new_case_drafted_from_them_and_their_details_name_the_case()
    {
        var email = "ana.intel@soc.example";
        await HttpForms.CreateAccountAsync(browser.Portal, email, Roles.Analyst);
        var ingest = Get<EvidenceIngestService>();
        Assert.True((await ingest.IngestAsync(CasesPortal.Features.Evidence.Model.EvidenceKind.Indicators,
            CasesPortal.Tests.Features.Evidence.Samples.Bytes(CasesPortal.Tests.Features.Evidence.Samples.EcsIndicators), CancellationToken.None)).Succeeded);

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await BrowserSteps.LogInAsync(page, email, TestAccounts.AnalystPassword);
        await page.GotoAsync("/indicators?type=ipv4-addr,url");
        await BrowserSteps.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#indicators-table tbody tr")).ToHaveCountAsync(2);
        await page.Locator("#indicators-table thead .mud-checkbox").ClickAsync();
        await Assertions.Expect(page.Locator("#indicators-bulk-bar .selection-count")).ToHaveTextAsync("2 selected");
        await Assertions.Expect(page.Locator(".select-all-banner")).ToHaveCountAsync(0);

        await page.ClickAsync(".add-to-case-menu button");
        await page.ClickAsync(".add-to-new-case");
        await Assertions.Expect(page.Locator("#new-case-title")).ToHaveValueAsync("2 indicators");
        await page.FillAsync("#new-case-title", "Mozi infrastructure");
        await BrowserSteps.ScreenshotAsync(page, "add-06-new-case-draft");
        await page.ClickAsync("#new-case-submit");
        await Assertions.Expect(page.Locator(".added-to-case")).ToContainTextAsync("Added 2 indicators to case #");

        await page.ClickAsync("#indicators-table tbody tr:has-text('192.0.2.201') td:nth-child(3)");
        await Assertions.Expect(page.Locator("#evidence-cases")).ToContainTextAsync("Mozi infrastructure");
        await page.WaitForTimeoutAsync(400);
        await BrowserSteps.ScreenshotAsync(page, "add-07-indicator-cases");
    }
}
