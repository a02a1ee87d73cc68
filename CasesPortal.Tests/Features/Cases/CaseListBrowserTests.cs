using CasesPortal.Data;
using CasesPortal.Features.Accounts;
using Microsoft.Playwright;

namespace CasesPortal.Tests.Features.Cases;

[Trait(Layer.Name, Layer.Browser)]
public sealed class CaseListBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task An_analyst_creates_a_case_and_finds_it_again_with_filters_that_live_in_the_address()
    {
        var analystId = await HttpForms.CreateAccountAsync(browser.Portal, "list.analyst@soc.example", Roles.Analyst);
        await browser.Portal.Services.GetRequiredService<DemoCases>().SeedAsync([analystId], DateTimeOffset.UtcNow, CancellationToken.None);
        var page = await browser.NewPageAsync();
        await BrowserSteps.LogInAsync(page, "list.analyst@soc.example", TestAccounts.AnalystPassword);

        await page.ClickAsync("#nav-cases");
        await page.Locator("#cases-table").WaitForAsync();
        Assert.Equal(25, await page.Locator("#cases-table tbody tr").CountAsync());
        await BrowserSteps.ScreenshotAsync(page, "10-case-list");

        await page.ClickAsync("#create-case");
        await page.FillAsync("#new-case-title", "Browser-made case: rogue scheduled task");
        await page.FillAsync("#new-case-description", "Task `Updater` runs **every minute**.");
        await page.FillAsync("#new-case-tags", "browser-test");
        await page.Keyboard.PressAsync("Enter");
        await BrowserSteps.ScreenshotAsync(page, "11-create-case");
        await page.ClickAsync("#new-case-submit");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/cases/\d+$"));
        var number = page.Url.Split('/').Last();

        await page.GotoAsync("/cases?q=rogue%20scheduled");
        await BrowserSteps.WaitInteractiveAsync(page);
        var rows = page.Locator("#cases-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        Assert.Contains($"#{number}", await rows.First.InnerTextAsync());
        Assert.Contains("browser-test", await rows.First.InnerTextAsync());

        // A status filter from the figures goes into the address and survives a reload.
        await page.GotoAsync("/cases");
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.Locator("#cases-table tbody tr").First.WaitForAsync();
        await BrowserSteps.ClickUntilAddressAsync(page, "#figure-closed", "**/cases?status=closed");
        await page.ReloadAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.Locator("#cases-table tbody tr").First.WaitForAsync();
        foreach (var text in await page.Locator("#cases-table tbody tr").AllInnerTextsAsync()) Assert.Contains("Closed", text);
        await BrowserSteps.ScreenshotAsync(page, "12-closed-filter");
    }

    [SkippableFact]
    public async Task Bulk_close_asks_for_a_reason_and_the_jump_box_opens_a_case_by_number()
    {
        var analystId = await HttpForms.CreateAccountAsync(browser.Portal, "bulk.analyst@soc.example", Roles.Analyst);
        var cases = browser.Portal.Services.GetRequiredService<CasesPortal.Features.Cases.Services.CaseService>();
        var actor = new CasesPortal.Features.Cases.Services.CaseActor(analystId, new HashSet<string> { Roles.Analyst });
        var tag = $"bulk-{Guid.NewGuid():N}"[..10];
        for (var i = 0; i < 3; i++) await cases.CreateAsync(actor, new($"Bulk target {i}", Tags: [tag]));
        var page = await browser.NewPageAsync();
        await BrowserSteps.LogInAsync(page, "bulk.analyst@soc.example", TestAccounts.AnalystPassword);

        await page.GotoAsync($"/cases?tags={tag}");
        await BrowserSteps.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#cases-table tbody tr")).ToHaveCountAsync(3);
        await page.Locator("#cases-table thead input[type=checkbox]").CheckAsync();
        await page.ClickAsync("#bulk-status");
        await page.ClickAsync(".mud-popover-open .mud-menu-item:has-text('Closed')");
        await page.ClickAsync("#close-reason-false_positive");
        await BrowserSteps.ScreenshotAsync(page, "13-bulk-close");
        await page.ClickAsync("#close-submit");
        await page.Locator(".mud-snackbar", new() { HasText = "3 cases closed." }).WaitForAsync();
        foreach (var text in await page.Locator("#cases-table tbody tr").AllInnerTextsAsync()) Assert.Contains("Closed", text);

        var first = (await browser.Portal.Services.GetRequiredService<CasesPortal.Features.Cases.Services.CaseQueries>()
            .FindAsync(new() { Tags = [tag] })).Cases.Min(c => c.Number);
        await BrowserSteps.EnterUntilAddressAsync(page, "#jump-box", $"#{first}", $"**/cases/{first}");
    }
}
