using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Tests.Features.Cases.Evidence;
using Microsoft.Playwright;

namespace CasesPortal.Tests.Features.Timelines;

[Trait(Layer.Name, Layer.Browser)]
public sealed class TimelinesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private T Get<T>() where T : notnull => browser.Portal.Services.GetRequiredService<T>();

    [SkippableFact]
    public async Task Build_a_timeline_pin_events_attach_it_and_selected_events_to_a_case()
    {
        var email = "ana.timelines@soc.example";
        var userId = await HttpForms.CreateAccountAsync(browser.Portal, email, Roles.Analyst);
        var actor = new CaseActor(userId, new HashSet<string> { Roles.Analyst });
        await EvidenceSamples.IngestSamplesAsync(Get<EvidenceIngestService>());
        var target = (await Get<CaseService>().CreateAsync(actor, new NewCase("Service account brute force", ""))).Value!;

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 1000);
        await BrowserSteps.LogInAsync(page, email, TestAccounts.AnalystPassword);
        await page.ClickAsync("#nav-timelines");
        await page.Locator("#timelines-title").WaitForAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.ClickAsync("#new-timeline");
        await page.FillAsync("#new-timeline-title", "Logons on DC-01");
        await page.ClickAsync("#new-timeline-create");
        await page.WaitForURLAsync("**/timelines/*");
        await page.Locator("#timeline-title").WaitForAsync();
        await BrowserSteps.WaitInteractiveAsync(page);

        await page.FillAsync("#timeline-query", "host.name:(DC-01");
        await page.ClickAsync("#timeline-run");
        await Assertions.Expect(page.Locator("#timeline-query-error")).ToContainTextAsync("(at character 11)");
        await BrowserSteps.ScreenshotAsync(page, "timelines-00-syntax-error");

        await page.FillAsync("#timeline-query", "host.name:DC-01 or process.name:power*");
        await page.ClickAsync("#timeline-run");
        await Assertions.Expect(page.Locator("#timeline-total")).ToHaveTextAsync("4 events");
        await Assertions.Expect(page.Locator("#timeline-histogram")).ToBeVisibleAsync();

        await page.ClickAsync("#timeline-add-filter");
        await page.FillAsync("#filter-field", "event.outcome");
        await page.FillAsync("#filter-values", "success");
        await page.ClickAsync("#filter-add");
        await Assertions.Expect(page.Locator(".timeline-filter")).ToContainTextAsync("event.outcome is success");
        await Assertions.Expect(page.Locator("#timeline-total")).ToHaveTextAsync("3 events");

        await page.Locator("tr.timeline-event .pin-event").First.ClickAsync();
        await Assertions.Expect(page.Locator(".pinned-event")).ToHaveCountAsync(1);
        await page.FillAsync(".timeline-level-notes .note-text textarea", "Service account logged on from **198.51.100.23**.");
        await page.ClickAsync(".timeline-level-notes .note-add");
        await Assertions.Expect(page.Locator(".timeline-level-notes .timeline-note strong")).ToHaveTextAsync("198.51.100.23");
        await BrowserSteps.ScreenshotAsync(page, "timeline-02-built");

        await page.Locator("tr.timeline-event").First.ClickAsync();
        await Assertions.Expect(page.Locator("#evidence-document")).ToContainTextAsync("\"@timestamp\"");
        await BrowserSteps.ScreenshotAsync(page, "timeline-03-details");
        await page.ClickAsync("#evidence-details-close");

        // Two events to the case, then the timeline itself.
        await page.Locator("tr.timeline-event .mud-checkbox").Nth(0).ClickAsync();
        await page.Locator("tr.timeline-event .mud-checkbox").Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("#events-bulk-bar .selection-count")).ToHaveTextAsync("2 selected");
        await page.ClickAsync(".add-to-case-menu button");
        await page.ClickAsync(".add-to-existing-case");
        await page.ClickAsync(".case-choice:has-text('Service account brute force')");
        await page.ClickAsync("#case-picker-add");
        await Assertions.Expect(page.Locator(".added-to-case")).ToContainTextAsync($"Added 2 events to case #{target.Number}");

        await page.ClickAsync("#timeline-attach");
        await Assertions.Expect(page.Locator("#case-picker-what")).ToContainTextAsync("the timeline “Logons on DC-01”");
        await page.ClickAsync(".case-choice:has-text('Service account brute force')");
        await page.ClickAsync("#case-picker-add");
        await Assertions.Expect(page.Locator(".mud-snackbar:has-text('Timeline attached')")).ToContainTextAsync($"Timeline attached to case #{target.Number}");
        var timelineUrl = page.Url;

        await page.GotoAsync($"/cases/{target.Number}");
        await page.Locator("#case-title").WaitForAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.ClickAsync(".mud-tab:has-text('Attachments')");
        await Assertions.Expect(page.Locator("#attached-events-count")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#attached-timelines-count")).ToHaveTextAsync("1");
        var row = page.Locator("#attached-timelines tbody tr").First;
        await Assertions.Expect(row.Locator(".attached-timeline-query")).ToHaveTextAsync("host.name:DC-01 or process.name:power*");
        await Assertions.Expect(row).ToContainTextAsync("event.outcome is success");
        await Assertions.Expect(row.Locator(".attached-timeline-events")).ToHaveTextAsync("3");
        await Assertions.Expect(row.Locator(".attached-timeline-pinned")).ToHaveTextAsync("1");
        await BrowserSteps.ScreenshotAsync(page, "timeline-04-case-attachments");

        await row.Locator(".attached-timeline-link").ClickAsync();
        await page.Locator("#snapshot-title").WaitForAsync();
        await Assertions.Expect(page.Locator("#snapshot-notice")).ToContainTextAsync("3 events");
        await Assertions.Expect(page.Locator("#timeline-total")).ToHaveTextAsync("3 events");
        await BrowserSteps.ScreenshotAsync(page, "timeline-05-snapshot");

        // Kibana's address form opens the timeline too.
        var id = timelineUrl.Split('/').Last();
        await page.GotoAsync($"/timelines?timeline=(id:%27{id}%27,isOpen:!t)");
        await Assertions.Expect(page.Locator("#timeline-title")).ToHaveTextAsync("Logons on DC-01");
    }
}
