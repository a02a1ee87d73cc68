using Microsoft.Playwright;

namespace CasesPortal.Tests.Features.Accounts;

[Trait(Layer.Name, Layer.Browser)]
public sealed class AccountsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task An_admin_creates_an_analyst_who_can_log_in_but_not_open_user_administration()
    {
        var page = await browser.NewPageAsync();
        await BrowserSteps.LogInAsync(page, TestAccounts.AdminEmail, TestAccounts.AdminPassword);
        await page.Locator("#team-queue #queue-open").WaitForAsync();
        await BrowserSteps.ScreenshotAsync(page, "01-overview-admin");

        await page.ClickAsync("#nav-admin-users");
        await page.Locator("#users-title").WaitForAsync();
        await page.ClickAsync("#new-user");
        await page.FillAsync("#new-user-email", "ana.diaz@soc.example");
        await page.FillAsync("#new-user-name", "Ana Diaz");
        await page.ClickAsync("#password-type");
        await page.FillAsync("#password-input", TestAccounts.AnalystPassword);
        await BrowserSteps.ScreenshotAsync(page, "02-new-account-dialog");
        await page.ClickAsync("#new-user-submit");
        var row = page.Locator("#users-table tbody tr", new() { HasText = "ana.diaz@soc.example" });
        await row.WaitForAsync();
        Assert.Contains("Analyst", await row.InnerTextAsync());
        await BrowserSteps.ScreenshotAsync(page, "03-users");

        // A click on the menu's button while the menu still opens can be lost: open it again until the log-in page shows.
        for (var attempt = 1; !page.Url.Contains("/account/login", StringComparison.Ordinal); attempt++)
        {
            if (!await page.Locator("#logout-button").IsVisibleAsync()) await page.ClickAsync("#user-menu-button");
            if (attempt == 1) await BrowserSteps.ScreenshotAsync(page, "03b-user-menu");
            await page.ClickAsync("#logout-button");
            try
            {
                await page.WaitForURLAsync("**/account/login**", new() { Timeout = 5000 });
            }
            catch (TimeoutException) when (attempt < 4)
            {
            }
        }

        await BrowserSteps.LogInAsync(page, "ana.diaz@soc.example", TestAccounts.AnalystPassword);
        await page.Locator("#overview-title").WaitForAsync();
        Assert.Contains("Ana Diaz", await page.Locator("#overview-title").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#nav-admin-users").CountAsync());

        await page.GotoAsync("/admin/users");
        await page.Locator("#access-denied").WaitForAsync();
        Assert.Equal(0, await page.Locator("#users-table").CountAsync());
        await BrowserSteps.ScreenshotAsync(page, "04-analyst-access-denied");
    }

    [SkippableFact]
    public async Task Dark_mode_and_the_time_zone_are_remembered_per_analyst()
    {
        await HttpForms.CreateAccountAsync(browser.Portal, "night.shift@soc.example", "Analyst");
        var page = await browser.NewPageAsync();
        await BrowserSteps.LogInAsync(page, "night.shift@soc.example", TestAccounts.AnalystPassword);
        Assert.Equal(LightBackground, await BodyBackgroundAsync(page));

        await page.ClickAsync("#theme-toggle");
        await page.WaitForFunctionAsync($"() => getComputedStyle(document.body).backgroundColor === '{DarkBackground}'");
        await page.GotoAsync("/profile");
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.FillAsync("#profile-display-name", "Night Shift");
        await page.ClickAsync("#profile-time-zone");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('Europe/Berlin')");
        await page.ClickAsync("#profile-save");
        await page.Locator(".mud-snackbar", new() { HasText = "Profile saved." }).WaitForAsync();
        await BrowserSteps.ScreenshotAsync(page, "05-profile-dark");

        // A new session (another browser) shows the same choices.
        var other = await browser.NewPageAsync();
        await BrowserSteps.LogInAsync(other, "night.shift@soc.example", TestAccounts.AnalystPassword);
        Assert.Contains("Night Shift", await other.Locator("#user-menu-button").InnerTextAsync());
        Assert.Equal(DarkBackground, await BodyBackgroundAsync(other));
        Assert.Contains("Europe/Berlin", await other.Locator("#overview-title + *").InnerTextAsync());
    }

    private const string LightBackground = "rgb(244, 246, 250)";
    private const string DarkBackground = "rgb(17, 24, 39)";

    private static Task<string> BodyBackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
