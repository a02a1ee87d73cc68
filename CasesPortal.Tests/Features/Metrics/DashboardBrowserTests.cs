using CasesPortal.Data;
using CasesPortal.Features.Accounts;
using Microsoft.Playwright;

namespace CasesPortal.Tests.Features.Metrics;

[Trait(Layer.Name, Layer.Browser)]
public sealed class DashboardBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_lead_reads_the_dashboard_drills_into_a_bar_and_downloads_the_numbers()
    {
        var email = "maya.dashboard@soc.example";
        var leadId = await HttpForms.CreateAccountAsync(browser.Portal, email, Roles.Lead);
        await browser.Portal.Services.GetRequiredService<DemoCases>().SeedAsync([leadId], DateTimeOffset.UtcNow, CancellationToken.None);

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await BrowserSteps.LogInAsync(page, email, TestAccounts.AnalystPassword);
        await page.ClickAsync("#nav-dashboard");
        await page.WaitForURLAsync("**/dashboard");
        await page.ClickAsync("#period-90");
        await page.WaitForURLAsync("**/dashboard?days=90");
        await page.Locator("#card-opened .dashboard-card-value").WaitForAsync();
        Assert.NotEqual("0", (await page.InnerTextAsync("#card-opened .dashboard-card-value")).Trim());
        await page.Locator("#bars-reasons .bar-list-row").First.WaitForAsync();
        await BrowserSteps.ScreenshotAsync(page, "dashboard-01-overview");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#chart-reasons .csv-download"));
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("close_reason,cases", csv.TrimStart('\uFEFF'));
        Assert.Contains("true_positive,", csv);

        await page.Locator("#bars-reasons .bar-list-row", new() { HasText = "True positive" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/cases?") && url.Contains("reason=true_positive") && url.Contains("status=closed"));
        await page.Locator("table tbody tr").First.WaitForAsync();
        await BrowserSteps.ScreenshotAsync(page, "dashboard-02-drill-down");
    }
}
