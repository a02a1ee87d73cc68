using CasesPortal.Data;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Timelines.Model;
using CasesPortal.Features.Timelines.Query;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Timelines;

/// <summary>
/// Demo timelines over the demo events, with pins and notes; the first two are attached to the newest open cases and
/// linked from their descriptions.
/// </summary>
public sealed class DemoTimelines(TimelineService timelines, TimelineEventSearch search, CaseTimelineService caseTimelines,
    IDbContextFactory<CasesDbContext> factory, Common.PublicLinks links)
{
    private static readonly (string Title, string Query, string Range, string Note)[] Investigations =
    [
        ("Failed logons", "event.category:authentication and event.outcome:failure", "90d", "Look for a success from the same source after these."),
        ("PowerShell activity", "process.name:power*", "90d", "Encoded command lines started by Office are the ones to keep."),
        ("Connections to 203.0.113.7", "destination.ip:203.0.113.7 or 203.0.113.7", "", "Known C2 address from the proxy logs."),
        ("DNS lookups of malicious.example.net", "dns.question.name:malicious.example.net", "", "Resolved from web-03 by curl."),
    ];

    public async Task SeedAsync(string analystId, DateTimeOffset now, CancellationToken ct)
    {
        var analyst = new CaseActor(analystId, new HashSet<string> { Roles.Analyst });
        var created = new List<(string Id, string Title)>();
        foreach (var (title, query, range, note) in Investigations)
        {
            var saved = await timelines.CreateAsync(analyst, new TimelineInput
            {
                Title = title, Query = query, Range = range == "" ? TimelineRange.AllTime : TimelineRange.Last(range),
                Filters = [new TimelineFilter("host.name", TimelineFilter.Exists, [])],
            }, ct);
            if (!saved.Succeeded) continue;
            var timeline = saved.Value!;
            created.Add((timeline.Id, title));
            var first = await search.FindAsync(timeline.Search(now, perPage: 2), ct);
            foreach (var e in first.Value?.Events ?? []) await timelines.PinAsync(analyst, timeline.Id, e.Id, ct: ct);
            await timelines.AddNoteAsync(analyst, timeline.Id, null, note, ct);
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var openCases = await db.Cases.Where(c => c.DeletedAt == null && c.Status != Cases.Model.CaseStatus.Closed)
            .OrderByDescending(c => c.CreatedAt).Select(c => c.Id).Take(2).ToListAsync(ct);
        foreach (var (caseId, (timelineId, title)) in openCases.Zip(created))
        {
            await caseTimelines.AttachAsync(analyst, caseId, timelineId, ct);
            var link = $"\n\nInvestigated in the timeline [{title}]({TimelineLinks.Url(links.BaseUrl(null), timelineId)}).";
            await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(set => set.SetProperty(c => c.Description, c => c.Description + link), ct);
        }
    }
}
