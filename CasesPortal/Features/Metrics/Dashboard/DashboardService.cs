using CasesPortal.Data;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Metrics.Dashboard;

/// <summary>
/// The team-lead dashboard's figures over live cases matching the filters. Counts and averages are SQL aggregates
/// over the cases' status stays and the acknowledgement and close figures kept on each case; the trend buckets read
/// only the creation and close times of the period's cases, grouped per day or week in the database.
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
            await DashboardTrend.GetAsync(db, cases, query, ct),
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
        // The figures standing at the end start from the open and in-progress stays running then (few, found through their
        // status index) and test each one's case. Written as a join, the engine may instead walk every case and probe its
        // stays: 100,000 probes where a few hundred stays stand. The stays still running and those ended since are two ranges
        // of the index on (status, end, start); as one OR the engine would read every open and in-progress stay ever.
        var notClosed = db.CaseStatusPeriods.Where(p => (p.Status == CaseStatus.Open || p.Status == CaseStatus.InProgress) && p.StartedAt < to);
        var standing = notClosed.Where(p => p.EndedAt == null).Concat(notClosed.Where(p => p.EndedAt >= to))
            .Where(p => cases.Any(c => c.Id == p.CaseId));
        var atEnd = await standing.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var backlogCreatedAt = standing.Select(p => db.Cases.Where(c => c.Id == p.CaseId).Select(c => c.CreatedAt).First());
        var closed = await ClosedCountAsync(db, cases, filtered, from, to, ct);

        // The case-level figures: each from the range of cases created, acknowledged or closed in the period, which an index
        // holds in that order with every column needed. One pass over all the cases would read every case ever opened.
        var opened = await cases.CountAsync(c => c.CreatedAt >= from && c.CreatedAt < to, ct);
        var ack = await cases.Where(c => c.AcknowledgedAt >= from && c.AcknowledgedAt < to).GroupBy(c => 1).Select(g => new
        {
            Count = g.Count(),
            Seconds = g.Sum(c => (double?)c.TimeToAcknowledgeSeconds),
            Timed = g.Count(c => c.TimeToAcknowledgeSeconds != null),
        }).SingleOrDefaultAsync(ct);
        var close = await cases.Where(c => c.Status == CaseStatus.Closed && c.ClosedAt >= from && c.ClosedAt < to).GroupBy(c => 1).Select(g => new
        {
            Unacknowledged = g.Count(c => c.AcknowledgedAt == null),
            Seconds = g.Sum(c => (double?)c.DurationSeconds),
            Timed = g.Count(c => c.DurationSeconds != null),
            WorkSeconds = g.Sum(c => c.AcknowledgedAt != null ? (double?)c.InProgressSeconds : null),
            Worked = g.Count(c => c.AcknowledgedAt != null),
        }).SingleOrDefaultAsync(ct);
        static double? Mean(double? sum, int count) => count == 0 ? null : sum / count;

        return new PeriodFigures(
            atEnd.GetValueOrDefault(CaseStatus.Open),
            atEnd.GetValueOrDefault(CaseStatus.InProgress),
            opened,
            closed,
            Mean(ack?.Seconds, ack?.Timed ?? 0),
            ack?.Count ?? 0,
            close?.Unacknowledged ?? 0,
            Mean(close?.Seconds, close?.Timed ?? 0),
            Mean(close?.WorkSeconds, close?.Worked ?? 0),
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
