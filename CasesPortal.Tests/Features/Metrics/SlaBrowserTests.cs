using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using Microsoft.Playwright;

namespace CasesPortal.Tests.Features.Metrics;

[Trait(Layer.Name, Layer.Browser)]
public sealed class SlaBrowserTests(ClockedBrowserFixture browser) : IClassFixture<ClockedBrowserFixture>
{
    [SkippableFact]
    public async Task A_lead_sets_targets_and_a_late_critical_case_is_flagged_and_filtered()
    {
        var leadId = await HttpForms.CreateAccountAsync(browser.Portal, "sla.browser.lead@soc.example", Roles.Lead);
        var lead = new CaseActor(leadId, new HashSet<string> { Roles.Lead });
        var cases = browser.Portal.Services.GetRequiredService<CaseService>();
        var late = (await cases.CreateAsync(lead, new NewCase("Ransomware note on FS01", "", [], CaseSeverity.Critical))).Value!;
        await cases.CreateAsync(lead, new NewCase("Phishing report", "", [], CaseSeverity.Low));

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await BrowserSteps.LogInAsync(page, "sla.browser.lead@soc.example", TestAccounts.AnalystPassword);
        await page.ClickAsync("#nav-sla");
        await page.Locator("#sla-ack-critical").WaitForAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.FillAsync("#sla-ack-critical", "0.5");
        await page.FillAsync("#sla-resolve-critical", "4");
        await page.ClickAsync("#sla-save");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("SLA targets saved.");
        await BrowserSteps.ScreenshotAsync(page, "sla-01-settings");

        browser.Clock.Advance(TimeSpan.FromMinutes(45));
        await page.GotoAsync("/cases?sla=breached");
        await BrowserSteps.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".case-title-link")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".case-title-cell")).ToContainTextAsync("SLA breached");
        await BrowserSteps.ScreenshotAsync(page, "sla-02-breached-list");

        await page.ClickAsync(".case-title-link");
        await page.Locator("#summary-sla").WaitForAsync();
        Assert.Contains("SLA breached", await page.InnerTextAsync("#summary-sla"));
        Assert.Equal($"/cases/{late.Number}", new Uri(page.Url).AbsolutePath);
    }
}
