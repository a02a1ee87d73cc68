using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Observables;
using CasesPortal.Features.Cases.Services;
using Microsoft.Playwright;

namespace CasesPortal.Tests.Features.Cases.Observables;

[Trait(Layer.Name, Layer.Browser)]
public sealed class ObservablesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private T Get<T>() where T : notnull => browser.Portal.Services.GetRequiredService<T>();

    [SkippableFact]
    public async Task Observables_are_added_by_hand_and_by_paste_exported_and_make_cases_similar()
    {
        var email = "ana.observables@soc.example";
        var userId = await HttpForms.CreateAccountAsync(browser.Portal, email, Roles.Analyst);
        var actor = new CaseActor(userId, new HashSet<string> { Roles.Analyst });
        var cases = Get<CaseService>();
        var earlier = (await cases.CreateAsync(actor, new NewCase("Beaconing from SRV-DB1", "", [], Severity: CasesPortal.Features.Cases.Model.CaseSeverity.High))).Value!;
        await Get<ObservableService>().AddManyAsync(actor, earlier.Id, [
            new NewObservable(ObservableRules.Ipv4, "203.0.113.9"), new NewObservable(ObservableRules.Domain, "evil.example"),
            new NewObservable(ObservableRules.Hostname, "srv-db1"),
        ]);
        var item = (await cases.CreateAsync(actor, new NewCase("Credential phishing wave", "", []))).Value!;

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await BrowserSteps.LogInAsync(page, email, TestAccounts.AnalystPassword);
        await page.GotoAsync($"/cases/{item.Number}");
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.Locator("#case-title").WaitForAsync();

        await page.ClickAsync(".mud-tab:has-text('Observables')");
        await page.Locator("#observables-empty").WaitForAsync();
        await page.ClickAsync("#observables-add");
        await page.FillAsync("#observable-value", "203.0.113.300");
        await page.Locator(".mud-dialog", new() { HasText = "is not an IPv4 address" }).WaitForAsync();
        await BrowserSteps.ScreenshotAsync(page, "observables-01-add-invalid");
        await page.FillAsync("#observable-value", "203.0.113.9");
        await page.FillAsync("#observable-description", "C2 address from the proxy logs");
        await page.ClickAsync("#observable-save");
        await page.Locator("tr.observable-row", new() { HasText = "203.0.113.9" }).WaitForAsync();

        await page.ClickAsync("#observables-paste");
        await page.FillAsync("#paste-text", "https://evil.example/login\nEvil.Example\nd41d8cd98f00b204e9800998ecf8427e\nana.diaz@corp.example\n203.0.113.9\nnot a value!");
        await page.Locator("#paste-summary", new() { HasText = "5 ready to add, 1 with a problem" }).WaitForAsync();
        await BrowserSteps.ScreenshotAsync(page, "observables-02-paste-preview");
        await page.ClickAsync("#paste-add");
        await page.Locator(".mud-snackbar", new() { HasText = "Added 4, skipped 1 already on the case." }).WaitForAsync();
        await page.Locator("tr.observable-row").Nth(4).WaitForAsync();
        Assert.Equal(5, await page.Locator("tr.observable-row").CountAsync());
        await page.Locator(".mud-tab:has-text('Observables') .mud-badge", new() { HasText = "5" }).WaitForAsync();
        await BrowserSteps.ScreenshotAsync(page, "observables-03-table");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#observables-export"));
        Assert.Equal($"case-{item.Number}-observables.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("type,value,ioc,tlp,description,source,created_at", csv.TrimStart('\uFEFF'));
        Assert.Contains("observable-type-domain,evil.example,false,amber,,manual,", csv);

        await page.GotoAsync($"/cases/{earlier.Number}");
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.ClickAsync(".mud-tab:has-text('Similar cases')");
        var similar = page.Locator(".similar-case", new() { HasText = "Credential phishing wave" });
        await similar.WaitForAsync();
        Assert.Contains($"#{item.Number}", await similar.Locator(".similar-link").InnerTextAsync());
        Assert.Contains("IPv4: 203.0.113.9", await similar.InnerTextAsync());
        Assert.Contains("Domain: evil.example", await similar.InnerTextAsync());
        await BrowserSteps.ScreenshotAsync(page, "observables-04-similar");
        await similar.Locator(".similar-link").ClickAsync();
        await page.WaitForURLAsync($"**/cases/{item.Number}");
    }

    [SkippableFact]
    public async Task Admins_add_observable_types_with_a_format()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await BrowserSteps.LogInAsync(page, TestAccounts.AdminEmail, TestAccounts.AdminPassword);
        await page.ClickAsync("#nav-admin-observable-types");
        await page.Locator("#observable-types-title").WaitForAsync();
        await page.FillAsync("#type-label", "Ticket id");
        await page.FillAsync("#type-pattern", "INC-[0-9]{4,}");
        await page.ClickAsync("#type-add");
        await page.Locator("#observable-types tr", new() { HasText = "observable-type-ticket-id" }).WaitForAsync();
        await BrowserSteps.ScreenshotAsync(page, "observables-05-admin-types");
    }
}
