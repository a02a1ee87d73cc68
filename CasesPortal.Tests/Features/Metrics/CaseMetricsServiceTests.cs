using System.Diagnostics;
using System.Text;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Metrics;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;
using CasesPortal.Tests.Features.Cases;
using CasesPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit.Abstractions;

namespace CasesPortal.Tests.Features.Metrics;

/// <summary>Summary-bar and all-cases figures against hand-computed fixtures, with the clock moved by hand.</summary>
[Trait(Layer.Name, Layer.Unit)]
public sealed class CaseMetricsServiceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly IReadOnlySet<string> All = CaseMetricFeatures.OfOneCase;
    private PortalServices portal = default!;
    private CaseTeam team = default!;
    private CaseMetricsService metrics = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        team = await CaseTeam.CreateAsync(portal);
        metrics = portal.Get<CaseMetricsService>();
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task<string> NewCaseAsync(string title = "Beaconing") =>
        (await portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase(title, ""))).Value!.Id;

    private async Task MoveAsync(string id, CaseStatus status, TimeSpan after)
    {
        portal.Clock.Advance(after);
        var version = (await portal.Get<CaseQueries>().GetAsync(id))!.Version;
        var result = await portal.Get<CaseService>().UpdateAsync(team.Analyst, [new CaseChanges(id, version)
            { Status = status, CloseReason = status == CaseStatus.Closed ? CloseReason.TruePositive : null }]);
        Assert.True(result.Succeeded, result.Error?.Message);
    }

    private async Task<CaseLifespan> LifespanAsync(string id) => (await metrics.ForCaseAsync(id, All))!.Lifespan!;

    [Fact]
    public async Task An_open_case_counts_open_time_up_to_now_and_no_time_in_progress()
    {
        var created = portal.Clock.GetUtcNow();
        var id = await NewCaseAsync();
        portal.Clock.Advance(TimeSpan.FromMinutes(95));

        var life = await LifespanAsync(id);
        Assert.Equal(created, life.CreatedAt);
        Assert.Null(life.ClosedAt);
        Assert.Equal(TimeSpan.FromMinutes(95), life.OpenDuration);
        Assert.Equal(TimeSpan.Zero, life.InProgressDuration);
        Assert.False(life.EverInProgress);
        Assert.Empty(life.ReopenDates);

        portal.Clock.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal(TimeSpan.FromMinutes(95) + TimeSpan.FromSeconds(7), (await LifespanAsync(id)).OpenDuration);
    }

    [Fact]
    public async Task Reopened_twice_the_closed_stays_are_left_out_and_every_in_progress_stay_counts()
    {
        var created = portal.Clock.GetUtcNow();
        var id = await NewCaseAsync();
        await MoveAsync(id, CaseStatus.InProgress, TimeSpan.FromMinutes(10));   // open 10 min
        await MoveAsync(id, CaseStatus.Closed, TimeSpan.FromHours(2));          // in progress 2 h
        await MoveAsync(id, CaseStatus.Open, TimeSpan.FromDays(1));             // closed 1 day (not counted) → reopen 1
        var firstReopen = portal.Clock.GetUtcNow();
        await MoveAsync(id, CaseStatus.InProgress, TimeSpan.FromMinutes(30));   // open 30 min
        await MoveAsync(id, CaseStatus.Closed, TimeSpan.FromMinutes(45));       // in progress 45 min
        await MoveAsync(id, CaseStatus.InProgress, TimeSpan.FromHours(5));      // closed 5 h → reopen 2, straight to in progress
        var secondReopen = portal.Clock.GetUtcNow();
        await MoveAsync(id, CaseStatus.Closed, TimeSpan.FromSeconds(90));       // in progress 90 s
        var closed = portal.Clock.GetUtcNow();
        portal.Clock.Advance(TimeSpan.FromDays(3));                             // closed time after the close never counts

        var life = await LifespanAsync(id);
        Assert.Equal(closed, life.ClosedAt);
        Assert.Equal(TimeSpan.FromMinutes(10 + 120 + 30 + 45) + TimeSpan.FromSeconds(90), life.OpenDuration);
        Assert.Equal(TimeSpan.FromMinutes(120 + 45) + TimeSpan.FromSeconds(90), life.InProgressDuration);
        Assert.Equal([firstReopen, secondReopen], life.ReopenDates);
        Assert.False(life.IsCurrentlyOpen);

        var view = (await portal.Get<CaseQueries>().GetAsync(id))!;
        Assert.Equal((long)(closed - created).TotalSeconds, view.DurationSeconds);
    }

    [Fact]
    public async Task A_case_closed_without_ever_being_in_progress_has_no_time_in_progress()
    {
        var id = await NewCaseAsync();
        await MoveAsync(id, CaseStatus.Closed, TimeSpan.FromHours(3));
        portal.Clock.Advance(TimeSpan.FromHours(1));

        var life = await LifespanAsync(id);
        Assert.Equal(TimeSpan.FromHours(3), life.OpenDuration);
        Assert.Equal(TimeSpan.Zero, life.InProgressDuration);
        Assert.False(life.EverInProgress);
    }

    [Fact]
    public async Task Only_the_features_asked_for_are_computed_and_an_unknown_case_has_none()
    {
        var id = await NewCaseAsync();
        var figures = (await metrics.ForCaseAsync(id, new HashSet<string> { CaseMetricFeatures.AlertsCount }))!;
        Assert.Equal(0, figures.AlertCount);
        Assert.Null(figures.Users);
        Assert.Null(figures.Lifespan);
        Assert.Null(await metrics.ForCaseAsync("no-such-case", All));
    }

    [Fact]
    public async Task Users_and_hosts_are_distinct_over_the_attached_alerts_with_missing_fields_left_out()
    {
        await IngestAsync(
            Alert("a1", "2026-11-01T08:00:00Z", hostId: "h-1", hostName: "WS-042", user: "ana.diaz"),
            Alert("a2", "2026-11-01T09:00:00Z", hostId: "h-1", hostName: "ws-042.corp", user: "ana.diaz"),   // renamed: newest name wins
            Alert("a3", "2026-11-01T07:00:00Z", hostId: null, hostName: "DC-01", user: "svc-backup"),       // no host.id: by name
            Alert("a4", "2026-11-01T06:00:00Z", hostId: null, hostName: "DC-01", user: null),
            Alert("a5", "2026-11-01T05:00:00Z", hostId: null, hostName: null, user: ""),                    // neither
            Alert("a6", "2026-11-01T04:00:00Z", hostId: "h-9", hostName: null, user: "ana.diaz"));           // id only
        var id = await NewCaseAsync();
        await portal.Get<CaseEvidenceService>().AttachAlertsAsync(team.Analyst, id, ["a1", "a2", "a3", "a4", "a5", "a6"]);

        var figures = (await metrics.ForCaseAsync(id, All))!;
        Assert.Equal(6, figures.AlertCount);
        Assert.Equal(2, figures.Users!.Total);
        Assert.Equal([new EntityCount("ana.diaz", null, 3), new EntityCount("svc-backup", null, 1)], figures.Users.Top);
        Assert.Equal(3, figures.Hosts!.Total);
        Assert.Equal([new EntityCount("ws-042.corp", "h-1", 2), new EntityCount("DC-01", null, 2), new EntityCount("h-9", "h-9", 1)], figures.Hosts.Top);
        Assert.Equal(0, figures.Connectors);
    }

    [Fact]
    public async Task Ten_thousand_alerts_on_one_case_are_counted_in_SQL()
    {
        var lines = Enumerable.Range(0, 10_000).Select(i => Alert($"bulk-{i}", "2026-11-01T08:00:00Z", $"h-{i % 250}", $"WS-{i % 250:000}", $"user{i % 40}"));
        await IngestAsync([.. lines]);
        var id = await NewCaseAsync();
        await portal.Get<CaseEvidenceService>().AttachAlertsAsync(team.Analyst, id, Enumerable.Range(0, 10_000).Select(i => $"bulk-{i}").ToList());

        await metrics.ForCaseAsync(id, All);
        var timer = Stopwatch.StartNew();
        var figures = (await metrics.ForCaseAsync(id, All))!;
        output.WriteLine($"Summary bar of a case with 10,000 alerts: {timer.ElapsedMilliseconds} ms");

        Assert.Equal(10_000, figures.AlertCount);
        Assert.Equal(40, figures.Users!.Total);
        Assert.Equal(250, figures.Hosts!.Total);
        Assert.Equal(CaseMetricsService.TopEntities, figures.Hosts.Top.Count);
        Assert.All(figures.Hosts.Top, h => Assert.Equal(40, h.Count));
        Assert.Equal(250, figures.Users.Top[0].Count);
    }

    [Fact]
    public async Task Mttr_and_status_counts_cover_live_cases_created_in_the_period()
    {
        var start = portal.Clock.GetUtcNow();
        var closedFast = await NewCaseAsync("Closed after 2 h");
        await MoveAsync(closedFast, CaseStatus.Closed, TimeSpan.FromHours(2));
        var closedSlow = await NewCaseAsync("Closed after 6 h");
        await MoveAsync(closedSlow, CaseStatus.InProgress, TimeSpan.FromHours(1));
        await MoveAsync(closedSlow, CaseStatus.Closed, TimeSpan.FromHours(5));
        await NewCaseAsync("Still open");
        var trashed = await NewCaseAsync("Deleted");
        await portal.Get<CaseService>().DeleteAsync(team.Admin, [trashed]);
        portal.Clock.Advance(TimeSpan.FromDays(10));
        var later = await NewCaseAsync("Outside the period");
        await MoveAsync(later, CaseStatus.Closed, TimeSpan.FromHours(40));

        var both = new HashSet<string> { CaseMetricFeatures.Mttr, CaseMetricFeatures.Status };
        var period = await metrics.ForAllCasesAsync(both, start, start.AddDays(5));
        Assert.Equal((2 + 6) * 3600 / 2.0, period.MttrSeconds);
        Assert.Equal(new StatusCounts(1, 0, 2), period.Status);

        var everything = await metrics.ForAllCasesAsync(both, null, null);
        Assert.Equal((2 + 6 + 40) * 3600 / 3.0, everything.MttrSeconds);

        var empty = await metrics.ForAllCasesAsync(both, start.AddYears(-2), start.AddYears(-1));
        Assert.Null(empty.MttrSeconds);
        Assert.Equal(new StatusCounts(0, 0, 0), empty.Status);
    }

    [Trait(TestProvider.Trait, TestProvider.Sqlite)]
    [Fact]
    public async Task Cases_from_before_status_stays_get_them_rebuilt_from_their_history()
    {
        var id = await NewCaseAsync();
        await MoveAsync(id, CaseStatus.InProgress, TimeSpan.FromMinutes(20));
        await MoveAsync(id, CaseStatus.Closed, TimeSpan.FromHours(1));
        await MoveAsync(id, CaseStatus.InProgress, TimeSpan.FromHours(3));
        await MoveAsync(id, CaseStatus.Closed, TimeSpan.FromMinutes(15));
        var expected = await LifespanAsync(id);
        var before = (await portal.Get<CaseQueries>().GetAsync(id))!;

        await using (var db = await portal.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261128151727_CaseEvidence");
            await migrator.MigrateAsync();
            var item = await db.Cases.SingleAsync(c => c.Id == id);
            Assert.Equal(20 * 60, item.TimeToAcknowledgeSeconds);
            Assert.Equal(75 * 60, item.InProgressSeconds);
        }

        var rebuilt = await LifespanAsync(id);
        Assert.Equal(expected.OpenDuration, rebuilt.OpenDuration);
        Assert.Equal(expected.InProgressDuration, rebuilt.InProgressDuration);
        Assert.Equal(expected.ReopenDates, rebuilt.ReopenDates);
        Assert.Equal(before.DurationSeconds, (await portal.Get<CaseQueries>().GetAsync(id))!.DurationSeconds);
    }

    private async Task IngestAsync(params string[] lines)
    {
        var result = await portal.Get<EvidenceIngestService>().IngestAsync(EvidenceKind.Alerts, Encoding.UTF8.GetBytes(string.Join('\n', lines)), CancellationToken.None);
        Assert.False(result.Value!.Errors);
    }

    private static string Alert(string id, string timestamp, string? hostId, string? hostName, string? user)
    {
        var host = hostId is null && hostName is null ? "" : $",\"host\":{{{string.Join(",", new[] { hostId is null ? null : $"\"id\":\"{hostId}\"", hostName is null ? null : $"\"name\":\"{hostName}\"" }.Where(p => p is not null))}}}";
        var userPart = user is null ? "" : $",\"user.name\":\"{user}\"";
        return $"{{\"@timestamp\":\"{timestamp}\",\"kibana.alert.uuid\":\"{id}\",\"kibana.alert.rule.name\":\"Test rule\"{host}{userPart}}}";
    }
}
