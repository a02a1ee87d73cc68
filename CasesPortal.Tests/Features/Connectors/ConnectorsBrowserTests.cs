using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Services;
using Microsoft.Playwright;

namespace CasesPortal.Tests.Features.Connectors;

[Trait(Layer.Name, Layer.Browser)]
public sealed class ConnectorsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private FakeJira jira = default!;

    public async Task InitializeAsync() => jira = await FakeJira.StartAsync();
    public async Task DisposeAsync() => await jira.DisposeAsync();

    [SkippableFact]
    public async Task An_admin_configures_Jira_pushes_a_case_and_a_new_comment_makes_it_need_an_update()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 1000);
        await BrowserSteps.LogInAsync(page, TestAccounts.AdminEmail, TestAccounts.AdminPassword);
        await page.ClickAsync("#nav-connectors");
        await page.Locator("#connector-add").WaitForAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.ClickAsync("#connector-add");
        await page.FillAsync("#connector-name", "SOC Jira");
        await page.FillAsync("#connector-config-apiUrl", jira.BaseUrl);
        await page.FillAsync("#connector-config-projectKey", FakeJira.Project);
        await page.FillAsync("#connector-secret-email", FakeJira.Email);
        await page.FillAsync("#connector-secret-apiToken", FakeJira.Token);
        await BrowserSteps.ScreenshotAsync(page, "connectors-01-dialog");
        await page.ClickAsync("#connector-save");
        await Assertions.Expect(page.Locator("#connectors-table")).ToContainTextAsync("SOC Jira");
        await page.ClickAsync(".connector-test");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Connected to SOC Jira.");
        await BrowserSteps.ScreenshotAsync(page, "connectors-02-list");

        var adminId = (await browser.Portal.Services.GetRequiredService<UserAdminService>().ListAsync()).Single(u => u.Email == TestAccounts.AdminEmail).Id;
        var admin = new CaseActor(adminId, new HashSet<string> { Roles.Admin });
        var item = (await browser.Portal.Services.GetRequiredService<CaseService>().CreateAsync(admin, new NewCase("Beaconing from WS-042", "C2 traffic every 60 s.", ["c2"]))).Value!;

        await page.GotoAsync($"/cases/{item.Number}");
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.ClickAsync("#push-connector");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('SOC Jira')");
        await page.Locator("#push-field-issueType").First.WaitForAsync();
        await Task.Delay(1000);
        await BrowserSteps.ScreenshotAsync(page, "connectors-025-fields");
        await page.ClickAsync("#push-field-issueType");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('Task')");
        await page.ClickAsync("#push-case");
        await Assertions.Expect(page.Locator("#external-incident .external-link")).ToHaveTextAsync("SOC-1");
        Assert.Equal($"{jira.BaseUrl}/browse/SOC-1", await page.Locator("#external-incident .external-link").GetAttributeAsync("href"));
        await Assertions.Expect(page.Locator("#external-incident .needs-update")).ToHaveCountAsync(0);
        await BrowserSteps.ScreenshotAsync(page, "connectors-03-pushed");

        Assert.True((await browser.Portal.Services.GetRequiredService<CommentService>().AddAsync(admin, item.Id, "Blocked the C2 domain at the proxy.")).Succeeded);
        await Assertions.Expect(page.Locator("#external-incident .needs-update")).ToHaveCountAsync(1);
        await BrowserSteps.ScreenshotAsync(page, "connectors-04-needs-update");
        await page.ClickAsync("#push-case");
        await Assertions.Expect(page.Locator("#external-incident .needs-update")).ToHaveCountAsync(0);

        Assert.Single(jira.Issues);
        var comments = Assert.Single(jira.Comments["SOC-1"]);
        Assert.Equal("Blocked the C2 domain at the proxy.\n\nAdded by Administrator.", comments);
        Assert.Single(jira.Requests, r => r == "PUT /rest/api/2/issue/SOC-1");
    }
}
