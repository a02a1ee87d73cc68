using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Timelines;
using CasesPortal.Features.Timelines.Model;
using CasesPortal.Tests.Features.Cases.Evidence;
using Microsoft.Playwright;

namespace CasesPortal.Tests.Features.Timelines;

[Trait(Layer.Name, Layer.Browser)]
public sealed class TimelineLinkBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private T Get<T>() where T : notnull => browser.Portal.Services.GetRequiredService<T>();

    [SkippableFact]
    public async Task A_timeline_linked_from_a_comment_with_the_picker_opens_from_its_chip()
    {
        var email = "ana.links@soc.example";
        var userId = await HttpForms.CreateAccountAsync(browser.Portal, email, Roles.Analyst);
        var actor = new CaseActor(userId, new HashSet<string> { Roles.Analyst });
        await EvidenceSamples.IngestSamplesAsync(Get<EvidenceIngestService>());
        var timelines = Get<TimelineService>();
        await timelines.CreateAsync(actor, new TimelineInput { Title = "Older decoy timeline", Query = "host.name:WS-042" });
        var linked = (await timelines.CreateAsync(actor, new TimelineInput { Title = "PowerShell on DC-01", Query = "process.name:power*", Range = TimelineRange.AllTime })).Value!;
        var item = (await Get<CaseService>().CreateAsync(actor, new NewCase("Encoded PowerShell on DC-01", ""))).Value!;

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 1000);
        await BrowserSteps.LogInAsync(page, email, TestAccounts.AnalystPassword);
        await page.GotoAsync($"/cases/{item.Number}");
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.Locator("#comment-input-editor[data-ready='true']").WaitForAsync();

        var box = page.Locator("textarea#comment-input");
        await box.FillAsync("Ran the query, see  for the events.");
        await page.EvaluateAsync("() => { const box = document.getElementById('comment-input'); const at = box.value.indexOf(' for the'); box.focus(); box.setSelectionRange(at, at); }");
        await page.ClickAsync("#comment-input-editor .markdown-tool-timeline");
        await page.FillAsync("#timeline-picker-search", "PowerShell");
        var choice = page.Locator($".timeline-picker-item[data-timeline-id='{linked.Id}']");
        await Assertions.Expect(page.Locator(".timeline-picker-item")).ToHaveCountAsync(1);
        await BrowserSteps.ScreenshotAsync(page, "timeline-link-01-picker");
        await choice.ClickAsync();

        var expected = $"see [PowerShell on DC-01]({browser.BaseUrl}/timelines?timeline=(id:'{linked.Id}',isOpen:!t)) for the events.";
        await page.WaitForFunctionAsync("expected => document.getElementById('comment-input').value.includes(expected)", expected);
        await page.ClickAsync("#add-comment");

        var chip = page.Locator($".comment-card a.timeline-chip[data-timeline-id='{linked.Id}']");
        await Assertions.Expect(chip).ToContainTextAsync("PowerShell on DC-01");
        Assert.Equal($"Timeline ID: {linked.Id}", await chip.GetAttributeAsync("title"));
        await BrowserSteps.ScreenshotAsync(page, "timeline-link-02-chip");

        await chip.ClickAsync();
        await page.WaitForURLAsync($"**/timelines/{linked.Id}");
        await Assertions.Expect(page.Locator("#timeline-title")).ToHaveTextAsync("PowerShell on DC-01");
        await Assertions.Expect(page.Locator("input#timeline-query")).ToHaveValueAsync("process.name:power*");
        await Assertions.Expect(page.Locator("tr.timeline-event").First).ToBeVisibleAsync();
        await BrowserSteps.ScreenshotAsync(page, "timeline-link-03-opened");
    }
}
