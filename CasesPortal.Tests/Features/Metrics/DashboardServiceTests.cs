using System.Text;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Metrics.Dashboard;
using CasesPortal.Tests.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Tests.Features.Metrics;

/// <summary>Dashboard figures against a hand-worked week of cases.</summary>
[Trait(Layer.Name, Layer.Unit)]
public sealed class DashboardServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private PortalServices portal = default!;
    private CaseTeam team = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();   // the clock starts at 09:00 on the first day of the period
        team = await CaseTeam.CreateAsync(portal);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task<string> NewCaseAsync(string title, CaseSeverity severity = CaseSeverity.Low, string[]? tags = null) =>
        (await portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase(title, "", tags ?? [], severity,
            AssigneeIds: [team.Analyst.UserId]))).Value!.Id;

    private async Task MoveAsync(string id, CaseStatus status, CloseReason? reason = null)
    {
        var version = (await portal.Get<CaseQueries>().GetAsync(id))!.Version;
        Assert.True((await portal.Get<CaseService>().UpdateAsync(team.Analyst, [new CaseChanges(id, version) { Status = status, CloseReason = reason }])).Succeeded);
    }

    [Fact]
    public async Task A_week_of_cases_gives_the_hand_computed_figures()
    {
        var a = await NewCaseAsync("A", tags: ["phishing"]);                  // 09:00
        portal.Clock.Advance(TimeSpan.FromHours(1));
        await MoveAsync(a, CaseStatus.InProgress);                             // 10:00: acknowledged after 1 h
        portal.Clock.Advance(TimeSpan.FromHours(3));
        await MoveAsync(a, CaseStatus.Closed, CloseReason.TruePositive);      // 13:00: 4 h to close, 3 h in progress
        var b = await NewCaseAsync("B", tags: ["phishing", "vip"]);          // 13:00
        portal.Clock.Advance(TimeSpan.FromHours(2));
        await MoveAsync(b, CaseStatus.Closed, CloseReason.Benign);            // 15:00: closed without acknowledging, 2 h
        var c = await NewCaseAsync("C", CaseSeverity.High);                   // 15:00, stays open
        var d = await NewCaseAsync("D");                                       // 15:00
        portal.Clock.Advance(TimeSpan.FromMinutes(30));
        await MoveAsync(d, CaseStatus.InProgress);                             // 15:30: acknowledged after 30 min

        var figures = await portal.Get<DashboardService>().GetAsync(new DashboardQuery(Monday, Monday.AddDays(7)));

        var week = figures.Current;
        Assert.Equal((1, 1, 4, 2), (week.OpenAtEnd, week.InProgressAtEnd, week.Opened, week.Closed));
        Assert.Equal((3600 + 1800) / 2.0, week.MttaSeconds);
        Assert.Equal((2, 1), (week.Acknowledged, week.ClosedWithoutAcknowledging));
        Assert.Equal((4 * 3600 + 2 * 3600) / 2.0, week.MttrSeconds);
        Assert.Equal(3 * 3600, week.MeanInProgressSeconds);
        Assert.Equal(TimeSpan.FromDays(6) + TimeSpan.FromHours(9), TimeSpan.FromSeconds(week.BacklogMedianAgeSeconds!.Value));

        Assert.Equal(new PeriodFigures(0, 0, 0, 0, null, 0, 0, null, null, null), figures.Previous);
        Assert.Equal([4, 0, 0, 0, 0, 0, 0], figures.Trend.Opened);
        Assert.Equal([2, 0, 0, 0, 0, 0, 0], figures.Trend.Closed);
        Assert.Equal(3 * 3600, figures.Trend.MttrSeconds[0]);
        Assert.Null(figures.Trend.MttrSeconds[1]);
        Assert.Equal([0, 1, 0, 1], figures.OpenBySeverity.Select(p => p.Value));
        Assert.Equal(2, figures.Workload.Single(p => p.DrillDown == team.Analyst.UserId).Value);
        Assert.Equal([("phishing", 2.0), ("vip", 1.0)], figures.TopTags.Select(t => (t.Label, t.Value)));
        Assert.Equal(1, figures.CloseReasons.Single(r => r.DrillDown == "true_positive").Value);
        Assert.Equal(1, figures.CloseReasons.Single(r => r.DrillDown == "benign").Value);
        Assert.Equal(["C", "D"], figures.OldestOpen.Select(o => o.Title));

        // The filters narrow every figure.
        var high = await portal.Get<DashboardService>().GetAsync(new DashboardQuery(Monday, Monday.AddDays(7)) { Severities = [CaseSeverity.High] });
        Assert.Equal((1, 0, 1, 0), (high.Current.OpenAtEnd, high.Current.InProgressAtEnd, high.Current.Opened, high.Current.Closed));
        Assert.Null(high.Current.MttrSeconds);
    }

    [Fact]
    public async Task A_past_period_ends_with_the_statuses_then_however_the_cases_moved_since()
    {
        var a = await NewCaseAsync("A");                                       // Monday 09:00, all four
        var b = await NewCaseAsync("B");
        var c = await NewCaseAsync("C");
        var trashed = await NewCaseAsync("E");
        portal.Clock.Advance(TimeSpan.FromHours(1));
        await MoveAsync(a, CaseStatus.InProgress);
        await MoveAsync(b, CaseStatus.Closed, CloseReason.FalsePositive);
        portal.Clock.Advance(TimeSpan.FromHours(1));
        await MoveAsync(b, CaseStatus.Open);
        portal.Clock.Advance(TimeSpan.FromHours(1));
        await MoveAsync(b, CaseStatus.Closed, CloseReason.FalsePositive);     // closed twice in the week: one closed case

        portal.Clock.Advance(TimeSpan.FromDays(8));                            // the next week: everything moves on
        await MoveAsync(a, CaseStatus.Closed, CloseReason.TruePositive);
        await MoveAsync(c, CaseStatus.InProgress);
        await MoveAsync(b, CaseStatus.Open);
        Assert.True((await portal.Get<CaseService>().DeleteAsync(team.Lead, [trashed])).Succeeded);

        var firstWeek = (await portal.Get<DashboardService>().GetAsync(new DashboardQuery(Monday, Monday.AddDays(7)))).Current;
        Assert.Equal((1, 1, 3, 1), (firstWeek.OpenAtEnd, firstWeek.InProgressAtEnd, firstWeek.Opened, firstWeek.Closed));
        Assert.Equal(TimeSpan.FromDays(7) - TimeSpan.FromHours(9), TimeSpan.FromSeconds(firstWeek.BacklogMedianAgeSeconds!.Value));

        var secondWeek = await portal.Get<DashboardService>().GetAsync(new DashboardQuery(Monday.AddDays(7), Monday.AddDays(14)));
        Assert.Equal((1, 1, 0, 1), (secondWeek.Current.OpenAtEnd, secondWeek.Current.InProgressAtEnd, secondWeek.Current.Opened, secondWeek.Current.Closed));
        Assert.Equal(firstWeek, secondWeek.Previous);
    }

    [Fact]
    public async Task Detection_quality_counts_each_rule_once_per_case_with_its_close_reasons()
    {
        string Alert(string id, string rule) => $$"""{"@timestamp":"2026-11-01T08:00:00Z","kibana.alert.uuid":"{{id}}","kibana.alert.rule.name":"{{rule}}"}""";
        var lines = string.Join('\n', Alert("a1", "Noisy scan"), Alert("a2", "Noisy scan"), Alert("a3", "Encoded PowerShell"), Alert("a4", "Noisy scan"), Alert("a5", "Noisy scan"));
        await portal.Get<EvidenceIngestService>().IngestAsync(EvidenceKind.Alerts, Encoding.UTF8.GetBytes(lines), CancellationToken.None);
        var evidence = portal.Get<CaseEvidenceService>();
        var first = await NewCaseAsync("Scan and PowerShell");
        await evidence.AttachAlertsAsync(team.Analyst, first, ["a1", "a2", "a3"]);   // two alerts of one rule: the case counts once
        await MoveAsync(first, CaseStatus.Closed, CloseReason.FalsePositive);
        var second = await NewCaseAsync("Scan again");
        await evidence.AttachAlertsAsync(team.Analyst, second, ["a4"]);
        await MoveAsync(second, CaseStatus.Closed, CloseReason.TruePositive);
        var third = await NewCaseAsync("Scan, still open");
        await evidence.AttachAlertsAsync(team.Analyst, third, ["a5"]);

        var rules = (await portal.Get<DashboardService>().GetAsync(new DashboardQuery(Monday, Monday.AddDays(7)))).Rules;

        Assert.Equal([new RuleQuality("Noisy scan", 3, 2, 1, 1, 0, 0), new RuleQuality("Encoded PowerShell", 1, 1, 0, 1, 0, 0)], rules);
        Assert.Equal(0.5, rules[0].FalsePositiveRate);
        Assert.Equal(1.0, rules[1].FalsePositiveRate);
        Assert.Contains("Noisy scan,3,2,1,1,0,0,0.5", DashboardCsv.Write("rules", await portal.Get<DashboardService>().GetAsync(new DashboardQuery(Monday, Monday.AddDays(7)))));
    }

    [Fact]
    public async Task Figures_over_all_cases_agree_with_the_cases_themselves_through_every_kind_of_change()
    {
        string Alert(string id, string rule) => $$"""{"@timestamp":"2026-11-01T08:00:00Z","kibana.alert.uuid":"{{id}}","kibana.alert.rule.name":"{{rule}}"}""";
        var lines = string.Join('\n', Alert("m1", "Beaconing"), Alert("m2", "Beaconing"), Alert("m3", "Mimikatz"), Alert("m4", "Mimikatz"));
        await portal.Get<EvidenceIngestService>().IngestAsync(EvidenceKind.Alerts, Encoding.UTF8.GetBytes(lines), CancellationToken.None);
        var evidence = portal.Get<CaseEvidenceService>();
        var cases = portal.Get<CaseService>();
        var closedThenTrashed = await NewCaseAsync("Closed, then trashed", tags: ["c2"]);
        await evidence.AttachAlertsAsync(team.Analyst, closedThenTrashed, ["m1"]);
        await MoveAsync(closedThenTrashed, CaseStatus.Closed, CloseReason.TruePositive);
        var restored = await NewCaseAsync("Trashed, then restored", tags: ["c2"]);
        await evidence.AttachAlertsAsync(team.Analyst, restored, ["m2", "m3"]);
        var reopened = await NewCaseAsync("Closed, reopened");
        await MoveAsync(reopened, CaseStatus.Closed, CloseReason.FalsePositive);
        await evidence.AttachAlertsAsync(team.Analyst, reopened, ["m4"]);   // rule row made after the close
        portal.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True((await cases.DeleteAsync(team.Lead, [closedThenTrashed, restored])).Succeeded);
        Assert.True((await cases.RestoreAsync(team.Lead, restored)).Succeeded);
        await MoveAsync(reopened, CaseStatus.Open);
        var version = (await portal.Get<CaseQueries>().GetAsync(reopened))!.Version;
        Assert.True((await cases.UpdateAsync(team.Analyst, [new CaseChanges(reopened, version) { Tags = ["c2", "late"] }])).Succeeded);
        Assert.True((await evidence.DetachAsync(team.Analyst, restored, CaseEvidenceKind.Alerts, ["m3"])).Succeeded);

        var week = new DashboardQuery(Monday, Monday.AddDays(7));
        var all = await portal.Get<DashboardService>().GetAsync(week);
        // Every severity chosen: the same cases, read through the cases themselves instead of the copies on tags and rule rows.
        var throughCases = await portal.Get<DashboardService>().GetAsync(week with { Severities = Enum.GetValues<CaseSeverity>() });

        Assert.Equal([new RuleQuality("Beaconing", 1, 0, 0, 0, 0, 0), new RuleQuality("Mimikatz", 1, 0, 0, 0, 0, 0)], all.Rules);
        Assert.Equal([("c2", 2.0), ("late", 1.0)], all.TopTags.Select(t => (t.Label, t.Value)));
        Assert.Equal(1, all.Current.Closed);   // the reopened case; the closed one is in the Trash
        Assert.Equal(throughCases.Rules, all.Rules);
        Assert.Equal(throughCases.TopTags.Select(t => (t.Label, t.Value)), all.TopTags.Select(t => (t.Label, t.Value)));
        Assert.Equal(throughCases.Current, all.Current);

        await using var db = await portal.Get<IDbContextFactory<CasesPortal.Data.CasesDbContext>>().CreateDbContextAsync();
        Assert.False(await db.CaseTags.AnyAsync(t => db.Cases.Any(c => c.Id == t.CaseId && (c.CreatedAt != t.CaseCreatedAt || c.DeletedAt != t.CaseDeletedAt))));
        Assert.False(await db.CaseAlertFacets.AnyAsync(f => f.Kind == AlertFacetKind.Rule && db.Cases.Any(c => c.Id == f.CaseId
            && (c.CreatedAt != f.CaseCreatedAt || c.DeletedAt != f.CaseDeletedAt || c.Status != f.CaseStatus || c.CloseReason != f.CaseCloseReason))));
        Assert.Equal(3, await db.CaseAlertFacets.CountAsync(f => f.Kind == AlertFacetKind.Rule));
    }

    [Fact]
    public async Task An_empty_period_has_no_averages_and_no_division_by_zero()
    {
        var figures = await portal.Get<DashboardService>().GetAsync(new DashboardQuery(Monday.AddYears(-1), Monday.AddYears(-1).AddDays(90)));
        Assert.Equal(new PeriodFigures(0, 0, 0, 0, null, 0, 0, null, null, null), figures.Current);
        Assert.Equal(13, figures.Trend.Labels.Count);   // 90 days in weeks
        Assert.Empty(figures.OldestOpen);
    }
}
