using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Timelines;
using CasesPortal.Features.Timelines.Model;
using CasesPortal.Tests.Features.Cases.Evidence;
using System.Text;
using CasesPortal.Features.Evidence.Model;
using Microsoft.Playwright;

namespace CasesPortal.Tests.Features.Timelines;

[Trait(Layer.Name, Layer.Browser)]
public sealed class TimelineLinkBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private T Get<T>() where T : notnull => browser.Portal.Services.GetRequiredService<T>();

    private async Task<(CaseActor Actor, IPage Page)> AnalystAsync(string email)
    {
        var userId = await HttpForms.CreateAccountAsync(browser.Portal, email, Roles.Analyst);
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 1000);
        await BrowserSteps.LogInAsync(page, email, TestAccounts.AnalystPassword);
        return (new CaseActor(userId, new HashSet<string> { Roles.Analyst }), page);
    }

    [SkippableFact]
    public async Task A_timeline_linked_from_a_comment_with_the_picker_opens_from_its_chip()
    {
        var (actor, page) = await AnalystAsync("ana.links@soc.example");
        await EvidenceSamples.IngestSamplesAsync(Get<EvidenceIngestService>());
        var timelines = Get<TimelineService>();
        await timelines.CreateAsync(actor, new TimelineInput { Title = "Older decoy timeline", Query = "host.name:WS-042" });
        var linked = (await timelines.CreateAsync(actor, new TimelineInput { Title = "PowerShell on DC-01", Query = "process.name:power*", Range = TimelineRange.AllTime })).Value!;
        var item = (await Get<CaseService>().CreateAsync(actor, new NewCase("Encoded PowerShell on DC-01", ""))).Value!;

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

    [SkippableFact]
    public async Task On_the_timeline_page_an_analyst_picks_a_range_sorts_edits_and_deletes_a_note()
    {
        var (actor, page) = await AnalystAsync("ana.timeline.page@soc.example");
        var now = DateTimeOffset.UtcNow;
        string Recent(string id, TimeSpan ago, string host) =>
            $$"""{"_id":"{{id}}","@timestamp":"{{(now - ago).ToString("O")}}","host":{"name":"{{host}}"},"user":{"name":"range.check"},"message":"range check"}""";
        Assert.True((await Get<EvidenceIngestService>().IngestAsync(EvidenceKind.Events, Encoding.UTF8.GetBytes(string.Join('\n',
            Recent("range-5m", TimeSpan.FromMinutes(5), "zz-host"), Recent("range-3h", TimeSpan.FromHours(3), "aa-host"),
            Recent("range-10d", TimeSpan.FromDays(10), "mm-host"))), CancellationToken.None)).Succeeded);
        var timeline = (await Get<TimelineService>().CreateAsync(actor, new TimelineInput { Title = "Range checks", Query = "user.name:range.check", Range = TimelineRange.AllTime })).Value!;

        await page.GotoAsync($"/timelines/{timeline.Id}");
        await BrowserSteps.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#timeline-total")).ToHaveTextAsync("3 events");
        await BrowserSteps.ScreenshotAsync(page, "timeline-range-all-time");

        foreach (var (label, total, shot) in new[] { ("Last 24 hours", "2 events", "24h"), ("Last 15 minutes", "1 event", "15m"), ("Last 30 days", "3 events", "30d") })
        {
            await page.ClickAsync("#timeline-range .mud-select");
            await page.ClickAsync($".mud-popover-open .mud-list-item:has-text('{label}')");
            await Assertions.Expect(page.Locator("#timeline-total")).ToHaveTextAsync(total);
            await Assertions.Expect(page.Locator("#timeline-histogram .timeline-histogram-tick").First).ToBeVisibleAsync();
            await BrowserSteps.ScreenshotAsync(page, $"timeline-range-{shot}");
        }

        // Sorted by host name, descending then ascending; the sort is saved with the timeline.
        await page.ClickAsync(".timeline-sort[data-column='host.name']");
        await Assertions.Expect(page.Locator("tr.timeline-event").First).ToContainTextAsync("zz-host");
        await page.ClickAsync(".timeline-sort[data-column='host.name']");
        await Assertions.Expect(page.Locator("tr.timeline-event").First).ToContainTextAsync("aa-host");
        Assert.Equal(0, await page.Locator(".timeline-sort[data-column='message']").CountAsync());
        await page.ReloadAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".timeline-sort-active[data-column='host.name']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr.timeline-event").First).ToContainTextAsync("aa-host");
        await BrowserSteps.ScreenshotAsync(page, "timeline-sorted");

        // Title and description, with the limits shown and a colleague's change in between handled.
        await page.ClickAsync("#timeline-edit");
        await BrowserSteps.FillUntilAsync(page, "#edit-timeline-title", "",
            () => Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("A timeline needs a title.", new() { Timeout = 4000 }));
        await Assertions.Expect(page.Locator("#edit-timeline-save")).ToBeDisabledAsync();
        await page.FillAsync("#edit-timeline-title", "Range checks on hosts");
        await page.Locator("#edit-timeline-description-editor[data-ready='true']").WaitForAsync();
        await page.FillAsync("textarea#edit-timeline-description", "Events of **range.check** by host.");
        await BrowserSteps.ScreenshotAsync(page, "timeline-edit-dialog");
        await page.ClickAsync("#edit-timeline-save");
        await Assertions.Expect(page.Locator("#timeline-title")).ToHaveTextAsync("Range checks on hosts");
        await Assertions.Expect(page.Locator(".markdown-body strong")).ToHaveTextAsync("range.check");

        var current = (await Get<TimelineService>().GetAsync(timeline.Id))!;
        Assert.True((await Get<TimelineService>().UpdateAsync(actor, timeline.Id, current.Version, new TimelineInput { Title = "Renamed by a colleague" })).Succeeded);
        await page.ClickAsync("#timeline-edit");
        await page.FillAsync("#edit-timeline-title", "My late rename");
        await page.ClickAsync("#edit-timeline-save");
        await Assertions.Expect(page.Locator("#edit-timeline-conflict")).ToContainTextAsync("Someone changed this timeline");
        await BrowserSteps.ScreenshotAsync(page, "timeline-edit-conflict");
        await page.ClickAsync("#edit-timeline-reload");
        await Assertions.Expect(page.Locator("#edit-timeline-title")).ToHaveValueAsync("Renamed by a colleague");
        await page.ClickAsync("#edit-timeline-save");
        await Assertions.Expect(page.Locator("#timeline-title")).ToHaveTextAsync("Renamed by a colleague");

        await page.FillAsync(".timeline-level-notes .note-text textarea", "Three hosts, one account.");
        await page.ClickAsync(".timeline-level-notes .note-add");
        await Assertions.Expect(page.Locator(".timeline-level-notes .timeline-note")).ToHaveCountAsync(1);
        await BrowserSteps.ScreenshotAsync(page, "timeline-note");
        await page.ClickAsync(".timeline-level-notes .note-delete");
        await page.ClickAsync(".mud-dialog button:has-text('Delete')");
        await Assertions.Expect(page.Locator(".timeline-level-notes .timeline-note")).ToHaveCountAsync(0);

        // A note on one event marks its row.
        await page.Locator("tr.timeline-event td[data-label='message']").First.ClickAsync();
        await page.FillAsync(".event-notes .note-text textarea", "First host seen.");
        await page.ClickAsync(".event-notes .note-add");
        await Assertions.Expect(page.Locator(".event-notes .timeline-note")).ToHaveCountAsync(1);
        await page.ClickAsync("#evidence-details-close");
        await Assertions.Expect(page.Locator("tr.timeline-event .event-note-count")).ToHaveCountAsync(1);
        await BrowserSteps.ScreenshotAsync(page, "timeline-event-note-mark");

        await page.GotoAsync("/timelines");
        await BrowserSteps.WaitInteractiveAsync(page);
        var row = page.Locator("tr.timeline-row", new() { HasText = "Renamed by a colleague" });
        await row.Locator(".timeline-delete").ClickAsync();
        await page.ClickAsync(".mud-dialog button:has-text('Delete')");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        Assert.Null(await Get<TimelineService>().GetAsync(timeline.Id));
    }
}
