using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using Microsoft.Playwright;

namespace CasesPortal.Tests.Features.Cases.Detail;

[Trait(Layer.Name, Layer.Browser)]
public sealed class CaseDetailBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<CaseActor> AnalystAsync(string email) =>
        new(await HttpForms.CreateAccountAsync(browser.Portal, email, Roles.Analyst), new HashSet<string> { Roles.Analyst });

    private async Task<CaseView> CreateCaseAsync(CaseActor actor, string title, string description = "")
    {
        var result = await browser.Portal.Services.GetRequiredService<CaseService>().CreateAsync(actor, new NewCase(title, description, ["phishing"]));
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!;
    }

    private async Task<IPage> OpenCaseAsync(string email, long number)
    {
        var page = await browser.NewPageAsync();
        await BrowserSteps.LogInAsync(page, email, TestAccounts.AnalystPassword);
        await page.GotoAsync($"/cases/{number}");
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.Locator("#case-title").WaitForAsync();
        return page;
    }

    [SkippableFact]
    public async Task An_analyst_comments_and_closes_a_case_as_a_duplicate_of_another()
    {
        var ana = await AnalystAsync("ana.closer@soc.example");
        var original = await CreateCaseAsync(ana, "Phishing wave at finance", "Mail from *payroll-update.example*.");
        var copy = await CreateCaseAsync(ana, "Payroll phishing reported again");
        var page = await OpenCaseAsync("ana.closer@soc.example", copy.Number);

        await page.FillAsync("#comment-input", "Same sender as the **finance** wave.\n\n- payroll-update.example");
        await page.ClickAsync("#add-comment");
        await page.Locator("#activity-list .comment-card", new() { HasText = "Same sender as the finance wave." }).WaitForAsync();
        Assert.Equal("", await page.InputValueAsync("#comment-input"));

        await page.ClickAsync("#status-menu");
        await page.ClickAsync("#status-closed");
        await page.Locator(".mud-dialog #close-submit").WaitForAsync();
        Assert.True(await page.Locator("#close-submit").IsDisabledAsync());
        await page.ClickAsync("#close-reason-duplicate");
        await page.FillAsync("#close-duplicate-of", original.Number.ToString());
        await page.ClickAsync($".mud-popover-open .mud-list-item:has-text('#{original.Number} Phishing wave at finance')");
        await page.FillAsync("#close-note", "Reported twice by the same team.");
        await BrowserSteps.ScreenshotAsync(page, "detail-01-close-dialog");
        await page.ClickAsync("#close-submit");

        var summary = page.Locator("#case-close-summary");
        await summary.WaitForAsync();
        Assert.Contains("Duplicate", await summary.InnerTextAsync());
        Assert.Contains($"#{original.Number} Phishing wave at finance", await page.InnerTextAsync("#case-duplicate-of"));
        Assert.Contains("Reported twice by the same team.", await page.InnerTextAsync("#case-close-note"));
        await BrowserSteps.ScreenshotAsync(page, "detail-02-closed-duplicate");
        await page.Locator("#activity-list li", new() { HasText = $"marked it a duplicate of #{original.Number}" }).WaitForAsync();
        Assert.Contains("Closed", await page.InnerTextAsync("#status-menu"));

        await page.ClickAsync($"#case-duplicate-of a");
        await page.Locator("#case-duplicates").WaitForAsync();
        Assert.Contains($"#{copy.Number}", await page.InnerTextAsync("#case-duplicates"));
        await BrowserSteps.ScreenshotAsync(page, "detail-03-original-with-duplicates");
    }

    [SkippableFact]
    public async Task A_change_by_another_analyst_shows_live_and_an_overtaken_description_edit_is_refused_keeping_the_draft()
    {
        var first = await AnalystAsync("ana.live@soc.example");
        await AnalystAsync("tomas.live@soc.example");
        var item = await CreateCaseAsync(first, "Beaconing from FS01", "Regular HTTPS to 203.0.113.7.");
        var pageA = await OpenCaseAsync("ana.live@soc.example", item.Number);
        var pageB = await OpenCaseAsync("tomas.live@soc.example", item.Number);

        await pageA.ClickAsync("#edit-description");
        await pageA.FillAsync("#description-input", "Regular HTTPS to 203.0.113.7 every 60 s; **C2 suspected**.");

        await pageB.ClickAsync("#severity-menu");
        await pageB.ClickAsync("#severity-high");
        await pageB.Locator("#severity-menu", new() { HasText = "High" }).WaitForAsync();

        await pageA.Locator("#severity-menu", new() { HasText = "High" }).WaitForAsync(new() { Timeout = 2_000 });
        await pageA.Locator("#description-conflict", new() { HasText = "tomas.live changed this case" }).WaitForAsync(new() { Timeout = 2_000 });
        await BrowserSteps.ScreenshotAsync(pageA, "detail-04-live-change-while-editing");

        await pageA.ClickAsync("#save-description");
        await pageA.Locator("#description-conflict", new() { HasText = "Not saved: tomas.live changed this case" }).WaitForAsync();
        Assert.Contains("has been updated", await pageA.InnerTextAsync("#description-conflict"));
        Assert.Equal("Regular HTTPS to 203.0.113.7 every 60 s; **C2 suspected**.", await pageA.InputValueAsync("#description-input"));
        var stored = await browser.Portal.Services.GetRequiredService<CaseQueries>().GetAsync(item.Id);
        Assert.Equal("Regular HTTPS to 203.0.113.7.", stored!.Description);
        await BrowserSteps.ScreenshotAsync(pageA, "detail-05-stale-save-refused");
        await BrowserSteps.ScreenshotAsync(pageB, "detail-06-other-analyst");
    }

    [SkippableFact]
    public async Task The_side_panel_and_title_edit_in_place_and_a_viewer_only_reads()
    {
        var ana = await AnalystAsync("ana.panel@soc.example");
        await HttpForms.CreateAccountAsync(browser.Portal, "sam.viewer@soc.example", Roles.Viewer);
        var item = await CreateCaseAsync(ana, "Suspicious PowerShell on WS-114", "Encoded command line.");
        var page = await OpenCaseAsync("ana.panel@soc.example", item.Number);

        await page.ClickAsync("#assign-yourself");
        await page.Locator("#case-assignees .assignee", new() { HasText = "ana.panel" }).WaitForAsync();

        await page.ClickAsync("#tag-input");
        await page.FillAsync("#tag-input", "powershell");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('Add “powershell”')");
        await page.Locator("#case-tags .mud-chip", new() { HasText = "powershell" }).WaitForAsync();

        await page.ClickAsync("#category-input");
        await page.FillAsync("#category-input", "Execution");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('Use “Execution”')");
        await page.Locator("#category-chip", new() { HasText = "Execution" }).WaitForAsync();

        await page.ClickAsync("#sync-alerts");
        await page.Locator("#activity-list li", new() { HasText = "turned alert sync off" }).WaitForAsync();

        await page.ClickAsync("#edit-title");
        await page.FillAsync("#title-input", "Encoded PowerShell on WS-114");
        await page.PressAsync("#title-input", "Enter");
        await page.Locator("#case-title", new() { HasText = "Encoded PowerShell on WS-114" }).WaitForAsync();

        await page.ClickAsync("#copy-link");
        await page.Locator(".mud-snackbar", new() { HasText = $"/cases/{item.Number}" })
            .Or(page.Locator(".mud-snackbar", new() { HasText = $"Link to case #{item.Number} copied." })).WaitForAsync();
        foreach (var sentence in new[] { "assigned themselves", "added tag powershell", "set the category to Execution",
                     "changed the title from “Suspicious PowerShell on WS-114” to “Encoded PowerShell on WS-114”" })
            Assert.Equal(1, await page.Locator("#activity-list li", new() { HasText = sentence }).CountAsync());
        await BrowserSteps.ScreenshotAsync(page, "detail-07-side-panel");

        var viewer = await browser.NewPageAsync();
        await BrowserSteps.LogInAsync(viewer, "sam.viewer@soc.example", TestAccounts.AnalystPassword);
        await viewer.GotoAsync($"/cases/{item.Number}");
        await BrowserSteps.WaitInteractiveAsync(viewer);
        await viewer.Locator("#case-title", new() { HasText = "Encoded PowerShell on WS-114" }).WaitForAsync();
        Assert.Equal(0, await viewer.Locator("#edit-title, #status-menu, #edit-description, #comment-composer, #tag-input, #sync-alerts").CountAsync());
        await BrowserSteps.ScreenshotAsync(viewer, "detail-08-viewer");

        await viewer.GotoAsync("/cases/424242");
        await viewer.Locator("#case-not-found", new() { HasText = "Case #424242 not found" }).WaitForAsync();
        await BrowserSteps.ScreenshotAsync(viewer, "detail-09-not-found");
    }
}
