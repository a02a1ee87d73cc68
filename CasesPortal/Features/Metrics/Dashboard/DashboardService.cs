using CasesPortal.Data;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Metrics.Dashboard;

/// <summary>
/// The team-lead dashboard's figures over live cases matching the filters. Counts and averages are SQL aggregates
/// over the cases' status stays and the acknowledgement and close figures kept on each case; the trend buckets read
/// only the creation and close times of the period's cases.
/// </summary>
public sealed class DashboardService(IDbContextFactory<CasesDbContext> dbFactory, TimeProvider clock)
{
    public const int TopRows = 10;

    public async Task<DashboardFigures> GetAsync(DashboardQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = Cases(db, query);
        var targets = await db.SlaTargets.AsNoTracking().ToDictionaryAsync(t => t.Severity, ct);
        var now = clock.GetUtcNow();
        return new DashboardFigures(
            await PeriodAsync(db, cases, query.Filtered, query.From, query.To, ct),
            await PeriodAsync(db, cases, query.Filtered, query.Previous.From, query.Previous.To, ct),
            await TrendAsync(cases, query, ct),
            await OpenBySeverityAsync(cases, ct),
            await WorkloadAsync(db, cases, ct),
            await TopTagsAsync(db, cases, query, ct),
            await CloseReasonsAsync(cases, query, ct),
            await NotClosed(cases).OrderBy(c => c.CreatedAt).ThenBy(c => c.Number).Take(TopRows)
                .Select(c => new OldCase(c.Number, c.Title, c.Status, c.Severity, c.CreatedAt)).ToListAsync(ct),
            await RulesAsync(db, cases, query, ct),
            await NotClosed(cases).CountAsync(Sla.SlaService.Matching(targets, [Sla.SlaState.AtRisk], now), ct),
            await NotClosed(cases).CountAsync(Sla.SlaService.Matching(targets, [Sla.SlaState.Breached], now), ct));
    }

    /// <summary>Per detection rule, the cases opened in the period that hold its alerts, and how the closed ones were closed.</summary>
    private static async Task<IReadOnlyList<RuleQuality>> RulesAsync(CasesDbContext db, IQueryable<Case> cases, DashboardQuery q, CancellationToken ct)
    {
        // One rule facet row per case and rule, never the alerts. Over every live case, the case's figures copied onto its
        // rule rows (CaseMirror) serve alone; filters on the cases need the cases themselves.
        var ruleRows = db.CaseAlertFacets.Where(f => f.Kind == AlertFacetKind.Rule);
        var perCase = q.Filtered
            ? cases.Where(c => c.CreatedAt >= q.From && c.CreatedAt < q.To)
                .Join(ruleRows, c => c.Id, f => f.CaseId, (c, f) => new { Status = (CaseStatus?)c.Status, c.CloseReason, RuleName = f.Key })
            : ruleRows.Where(f => f.CaseDeletedAt == null && f.CaseCreatedAt >= q.From && f.CaseCreatedAt < q.To)
                .Select(f => new { Status = f.CaseStatus, CloseReason = f.CaseCloseReason, RuleName = f.Key });
        var rows = await perCase.GroupBy(x => x.RuleName)
            .Select(g => new
            {
                Rule = g.Key,
                Cases = g.Count(),
                Closed = g.Sum(x => x.Status == CaseStatus.Closed ? 1 : 0),
                TruePositive = g.Sum(x => x.Status == CaseStatus.Closed && x.CloseReason == CloseReason.TruePositive ? 1 : 0),
                FalsePositive = g.Sum(x => x.Status == CaseStatus.Closed && x.CloseReason == CloseReason.FalsePositive ? 1 : 0),
                Benign = g.Sum(x => x.Status == CaseStatus.Closed && x.CloseReason == CloseReason.Benign ? 1 : 0),
            })
            .OrderByDescending(r => r.Cases).ThenBy(r => r.Rule).Take(TopRows).ToListAsync(ct);
        return rows.Select(r => new RuleQuality(r.Rule, r.Cases, r.Closed, r.TruePositive, r.FalsePositive, r.Benign,
            r.Closed - r.TruePositive - r.FalsePositive - r.Benign)).ToList();
    }

    /// <summary>Open and in-progress cases, written as the two statuses so the status index serves them (SQL's <c>&lt;&gt;</c> cannot).</summary>
    private static IQueryable<Case> NotClosed(IQueryable<Case> cases) => cases.Where(c => c.Status == CaseStatus.Open || c.Status == CaseStatus.InProgress);

    private static IQueryable<Case> Cases(CasesDbContext db, DashboardQuery q) => CaseQueries.Filter(db, new CaseQuery
    {
        Severities = q.Severities, Tags = q.Tags, AssigneeIds = q.AssigneeIds, Categories = q.Categories,
    });

    /// <summary>The figures of [from, to): statuses as they stood at <paramref name="to"/>, the rest over the period.</summary>
    public static async Task<PeriodFigures> PeriodAsync(CasesDbContext db, IQueryable<Case> cases, bool filtered, DateTimeOffset from, DateTimeOffset to,
        CancellationToken ct)
    {
        // Nothing created, acknowledged or closed in the period belongs to a case created after it.
        cases = cases.Where(c => c.CreatedAt < to);
        // The figures standing at the end start from the open and in-progress stays running then (few, found through their
        // status index) and test each one's case. Written as a join, the engine may instead walk every case and probe its
        // stays: 100,000 probes where a few hundred stays stand.
        var standing = db.CaseStatusPeriods.Where(p => (p.Status == CaseStatus.Open || p.Status == CaseStatus.InProgress)
            && p.StartedAt < to && (p.EndedAt == null || p.EndedAt >= to) && cases.Any(c => c.Id == p.CaseId));
        var atEnd = await standing.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var backlogCreatedAt = standing.Select(p => db.Cases.Where(c => c.Id == p.CaseId).Select(c => c.CreatedAt).First());
        var closed = await ClosedCountAsync(db, cases, filtered, from, to, ct);

        // The case-level figures in one pass over the cases: each is a count or a sum under its own condition.
        var f = await cases.GroupBy(c => 1).Select(g => new
        {
            Opened = g.Count(c => c.CreatedAt >= from && c.CreatedAt < to),
            Acknowledged = g.Count(c => c.AcknowledgedAt >= from && c.AcknowledgedAt < to),
            AckSeconds = g.Sum(c => c.AcknowledgedAt >= from && c.AcknowledgedAt < to ? (double?)c.TimeToAcknowledgeSeconds : null),
            AckCount = g.Count(c => c.AcknowledgedAt >= from && c.AcknowledgedAt < to && c.TimeToAcknowledgeSeconds != null),
            ClosedUnacknowledged = g.Count(c => c.Status == CaseStatus.Closed && c.ClosedAt >= from && c.ClosedAt < to && c.AcknowledgedAt == null),
            CloseSeconds = g.Sum(c => c.Status == CaseStatus.Closed && c.ClosedAt >= from && c.ClosedAt < to ? (double?)c.DurationSeconds : null),
            CloseCount = g.Count(c => c.Status == CaseStatus.Closed && c.ClosedAt >= from && c.ClosedAt < to && c.DurationSeconds != null),
            WorkSeconds = g.Sum(c => c.Status == CaseStatus.Closed && c.ClosedAt >= from && c.ClosedAt < to && c.AcknowledgedAt != null ? (double?)c.InProgressSeconds : null),
            WorkCount = g.Count(c => c.Status == CaseStatus.Closed && c.ClosedAt >= from && c.ClosedAt < to && c.AcknowledgedAt != null),
        }).SingleOrDefaultAsync(ct);
        static double? Mean(double? sum, int count) => count == 0 ? null : sum / count;

        return new PeriodFigures(
            atEnd.GetValueOrDefault(CaseStatus.Open),
            atEnd.GetValueOrDefault(CaseStatus.InProgress),
            f?.Opened ?? 0,
            closed,
            Mean(f?.AckSeconds, f?.AckCount ?? 0),
            f?.Acknowledged ?? 0,
            f?.ClosedUnacknowledged ?? 0,
            Mean(f?.CloseSeconds, f?.CloseCount ?? 0),
            Mean(f?.WorkSeconds, f?.WorkCount ?? 0),
            await MedianAgeAsync(backlogCreatedAt, atEnd.Values.Sum(), to, ct));
    }

    /// <summary>How many cases were closed in [from, to), each counted once however often it was closed then.</summary>
    private static async Task<int> ClosedCountAsync(CasesDbContext db, IQueryable<Case> cases, bool filtered, DateTimeOffset from, DateTimeOffset to,
        CancellationToken ct)
    {
        var closings = db.CaseStatusPeriods.Where(p => p.Status == CaseStatus.Closed && p.StartedAt >= from && p.StartedAt < to);
        if (filtered) return await closings.Where(p => cases.Any(c => c.Id == p.CaseId)).Select(p => p.CaseId).Distinct().CountAsync(ct);
        // Over every live case: all the closed cases (one pass over the closings' index, no case probed) less those now in
        // the Trash (found from the few trashed cases). A case closed in the period was created before its end.
        var all = await closings.Select(p => p.CaseId).Distinct().CountAsync(ct);
        var trashed = await db.Cases.CountAsync(c => c.DeletedAt != null && closings.Any(p => p.CaseId == c.Id), ct);
        return all - trashed;
    }

    private static async Task<double?> MedianAgeAsync(IQueryable<DateTimeOffset> createdAt, int count, DateTimeOffset at, CancellationToken ct)
    {
        if (count == 0) return null;
        // The median age is the age of the middle case by creation time (the mean of the two middle ones for an even count).
        var middle = await createdAt.OrderBy(c => c).Skip((count - 1) / 2).Take(2 - count % 2).ToListAsync(ct);
        return middle.Average(created => (at - created).TotalSeconds);
    }

    private static async Task<Trend> TrendAsync(IQueryable<Case> cases, DashboardQuery q, CancellationToken ct)
    {
        var bucket = q.To - q.From <= TimeSpan.FromDays(62) ? TimeSpan.FromDays(1) : TimeSpan.FromDays(7);
        var starts = new List<DateTimeOffset>();
        for (var start = q.From; start < q.To; start += bucket) starts.Add(start);
        int Index(DateTimeOffset at) => (int)((at - q.From).Ticks / bucket.Ticks);

        var created = await cases.Where(c => c.CreatedAt >= q.From && c.CreatedAt < q.To).Select(c => c.CreatedAt).ToListAsync(ct);
        var closed = await cases.Where(c => c.Status == CaseStatus.Closed && c.ClosedAt >= q.From && c.ClosedAt < q.To)
            .Select(c => new { ClosedAt = c.ClosedAt!.Value, c.DurationSeconds }).ToListAsync(ct);
        var opened = new int[starts.Count];
        var closings = new int[starts.Count];
        var durations = starts.Select(_ => new List<long>()).ToArray();
        foreach (var at in created) opened[Index(at)]++;
        foreach (var c in closed)
        {
            closings[Index(c.ClosedAt)]++;
            if (c.DurationSeconds is { } seconds) durations[Index(c.ClosedAt)].Add(seconds);
        }
        var labels = starts.Select(s => s.ToString("MMM d", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return new Trend(labels, opened, closings, durations.Select(d => d.Count == 0 ? (double?)null : d.Average()).ToList(), starts, bucket);
    }

    private static async Task<IReadOnlyList<ChartPoint>> OpenBySeverityAsync(IQueryable<Case> cases, CancellationToken ct)
    {
        var counts = await NotClosed(cases).GroupBy(c => c.Severity)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return Enum.GetValues<CaseSeverity>().Reverse().Select(s => new ChartPoint(char.ToUpperInvariant(CaseNames.Of(s)[0]) + CaseNames.Of(s)[1..], counts.GetValueOrDefault(s), CaseNames.Of(s))).ToList();
    }

    private static async Task<IReadOnlyList<ChartPoint>> WorkloadAsync(CasesDbContext db, IQueryable<Case> cases, CancellationToken ct)
    {
        var rows = await NotClosed(cases).Join(db.CaseAssignees, c => c.Id, a => a.CaseId, (_, a) => a)
            .GroupBy(a => a.UserId).Select(g => new { UserId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).Take(TopRows).ToListAsync(ct);
        var people = await PeopleDirectory.LoadAsync(db, rows.Select(r => r.UserId), ct);
        var unassigned = await NotClosed(cases).CountAsync(c => !db.CaseAssignees.Any(a => a.CaseId == c.Id), ct);
        return [.. rows.Select(r => new ChartPoint(PeopleDirectory.Resolve(people, r.UserId).DisplayName, r.Count, r.UserId)),
            new ChartPoint("Unassigned", unassigned, CaseQuery.Unassigned)];
    }

    private static async Task<IReadOnlyList<ChartPoint>> TopTagsAsync(CasesDbContext db, IQueryable<Case> cases, DashboardQuery q, CancellationToken ct)
    {
        // As for the rules: over every live case, the tags' copies of their case's creation and trash times serve alone.
        var tags = q.Filtered
            ? cases.Where(c => c.CreatedAt >= q.From && c.CreatedAt < q.To).Join(db.CaseTags, c => c.Id, t => t.CaseId, (_, t) => t)
            : db.CaseTags.Where(t => t.CaseDeletedAt == null && t.CaseCreatedAt >= q.From && t.CaseCreatedAt < q.To);
        return (await tags.GroupBy(t => t.NormalizedTag)
            .Select(g => new { Tag = g.Min(t => t.Tag), Count = g.Count() }).OrderByDescending(g => g.Count).ThenBy(g => g.Tag).Take(TopRows).ToListAsync(ct))
            .Select(t => new ChartPoint(t.Tag!, t.Count, t.Tag)).ToList();
    }

    private static async Task<IReadOnlyList<ChartPoint>> CloseReasonsAsync(IQueryable<Case> cases, DashboardQuery q, CancellationToken ct)
    {
        var counts = await cases.Where(c => c.Status == CaseStatus.Closed && c.ClosedAt >= q.From && c.ClosedAt < q.To && c.CloseReason != null)
            .GroupBy(c => c.CloseReason!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return Enum.GetValues<CloseReason>().Select(r => new ChartPoint(CaseNames.Label(r), counts.GetValueOrDefault(r), CaseNames.Of(r))).ToList();
    }
}
