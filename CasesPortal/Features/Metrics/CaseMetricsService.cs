using CasesPortal.Data;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Evidence.Model;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Metrics;

/// <summary>
/// The summary-bar figures of a case and the all-cases figures of the metrics API. Alert figures are SQL aggregates
/// over the case's alert links (never a load of its alerts); durations come from the case's status stays.
/// </summary>
public sealed class CaseMetricsService(IDbContextFactory<CasesDbContext> dbFactory, TimeProvider clock)
{
    public const int TopEntities = 10;

    /// <summary>The features asked for, of a live case; null when the case is unknown or in the Trash.</summary>
    public async Task<CaseMetrics?> ForCaseAsync(string caseId, IReadOnlySet<string> features, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Cases.AsNoTracking().Where(c => c.Id == caseId && c.DeletedAt == null)
            .Select(c => new { c.CreatedAt, c.ClosedAt, c.Status }).SingleOrDefaultAsync(ct);
        if (item is null) return null;

        var alerts = db.CaseAlerts.Where(l => l.CaseId == caseId).Join(db.Alerts, l => l.AlertId, a => a.Id, (_, a) => a);
        return new CaseMetrics(
            features.Contains(CaseMetricFeatures.AlertsCount) ? await db.CaseAlerts.CountAsync(l => l.CaseId == caseId, ct) : null,
            features.Contains(CaseMetricFeatures.AlertsUsers) ? await UsersAsync(alerts, ct) : null,
            features.Contains(CaseMetricFeatures.AlertsHosts) ? await HostsAsync(db, caseId, alerts, ct) : null,
            features.Contains(CaseMetricFeatures.Connectors) ? await ConnectorsAsync(db, caseId, ct) : null,
            features.Contains(CaseMetricFeatures.Lifespan) ? await LifespanAsync(db, caseId, item.CreatedAt, item.Status == CaseStatus.Closed ? item.ClosedAt : null, ct) : null);
    }

    /// <summary>MTTR (mean seconds from creation to close) and status counts over live cases created in [from, to].</summary>
    public async Task<AllCasesMetrics> ForAllCasesAsync(IReadOnlySet<string> features, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = db.Cases.Where(c => c.DeletedAt == null);
        if (from is { } start) cases = cases.Where(c => c.CreatedAt >= start);
        if (to is { } end) cases = cases.Where(c => c.CreatedAt <= end);

        double? mttr = null;
        if (features.Contains(CaseMetricFeatures.Mttr))
            mttr = await cases.Where(c => c.Status == CaseStatus.Closed && c.DurationSeconds != null).AverageAsync(c => (double?)c.DurationSeconds, ct);
        StatusCounts? status = null;
        if (features.Contains(CaseMetricFeatures.Status))
        {
            var counts = await cases.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            status = new StatusCounts(counts.GetValueOrDefault(CaseStatus.Open), counts.GetValueOrDefault(CaseStatus.InProgress), counts.GetValueOrDefault(CaseStatus.Closed));
        }
        return new AllCasesMetrics(mttr, status);
    }

    /// <summary>Distinct connectors pushed to or chosen for the case.</summary>
    private static Task<int> ConnectorsAsync(CasesDbContext db, string caseId, CancellationToken ct) =>
        db.ExternalIncidents.Where(i => i.CaseId == caseId).Select(i => i.ConnectorId)
            .Union(db.CaseConnectors.Where(c => c.CaseId == caseId).Select(c => c.ConnectorId)).CountAsync(ct);

    /// <summary>
    /// One grouped scan of the case's alerts gives both the number of users and their counts; the busiest ten are
    /// picked from the groups, so a case with 100,000 alerts is read once, not once per figure.
    /// </summary>
    private static async Task<EntityFigures> UsersAsync(IQueryable<Alert> alerts, CancellationToken ct)
    {
        var groups = await alerts.Where(a => a.UserName != null && a.UserName != "")
            .GroupBy(a => a.UserName!).Select(g => new { Name = g.Key, Count = g.Count() }).ToListAsync(ct);
        var top = groups.OrderByDescending(g => g.Count).ThenBy(g => g.Name, StringComparer.Ordinal).Take(TopEntities);
        return new EntityFigures(groups.Count, top.Select(u => new EntityCount(u.Name, null, u.Count)).ToList());
    }

    /// <summary>
    /// Hosts by host.id, or by host.name for alerts without an id; each shown by the name on its newest alert. One
    /// grouped scan finds every host with its count and newest alert time; the names of the busiest ten are then read
    /// through the alerts' host index, never by a subquery per host.
    /// </summary>
    private static async Task<EntityFigures> HostsAsync(CasesDbContext db, string caseId, IQueryable<Alert> alerts, CancellationToken ct)
    {
        var groups = await alerts.Where(a => (a.HostId != null && a.HostId != "") || (a.HostName != null && a.HostName != ""))
            .Select(a => new { Key = a.HostId != null && a.HostId != "" ? a.HostId : "name:" + a.HostName, a.HostId, a.HostName, a.Timestamp })
            .GroupBy(a => a.Key)
            .Select(g => new { g.Key, Count = g.Count(), Id = g.Max(a => a.HostId), Newest = g.Max(a => a.HostName != null ? a.Timestamp : null) })
            .ToListAsync(ct);
        var top = groups.OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).Take(TopEntities).ToList();

        var ids = top.Where(h => !h.Key.StartsWith("name:", StringComparison.Ordinal)).Select(h => h.Key).ToList();
        var times = top.Where(h => h.Newest != null).Select(h => h.Newest).Distinct().ToList();
        var named = ids.Count == 0 ? [] : await db.Alerts
            .Where(a => ids.Contains(a.HostId!) && times.Contains(a.Timestamp) && a.HostName != null
                && db.CaseAlerts.Any(l => l.CaseId == caseId && l.AlertId == a.Id))
            .Select(a => new { a.HostId, a.Timestamp, a.HostName }).ToListAsync(ct);
        string? NameOf(string key, DateTimeOffset? newest) => key.StartsWith("name:", StringComparison.Ordinal) ? key["name:".Length..]
            : named.Where(a => a.HostId == key && a.Timestamp == newest).Select(a => a.HostName).Min(StringComparer.Ordinal);
        return new EntityFigures(groups.Count, top.Select(h => new EntityCount(NameOf(h.Key, h.Newest) ?? h.Id ?? h.Key, h.Id, h.Count)).ToList());
    }

    private async Task<CaseLifespan> LifespanAsync(CasesDbContext db, string caseId, DateTimeOffset createdAt, DateTimeOffset? closedAt, CancellationToken ct)
    {
        var stays = await db.CaseStatusPeriods.AsNoTracking().Where(p => p.CaseId == caseId).OrderBy(p => p.StartedAt).ThenBy(p => p.Id).ToListAsync(ct);
        return Lifespan(createdAt, closedAt, stays, clock.GetUtcNow());
    }

    /// <summary>The time line of a case from its status stays, with the current stay running up to <paramref name="now"/>.</summary>
    public static CaseLifespan Lifespan(DateTimeOffset createdAt, DateTimeOffset? closedAt, IReadOnlyList<CaseStatusPeriod> stays, DateTimeOffset now)
    {
        TimeSpan Length(CaseStatusPeriod p) => ((p.EndedAt ?? now) - p.StartedAt) is { Ticks: > 0 } length ? length : TimeSpan.Zero;
        var open = stays.Where(p => p.Status != CaseStatus.Closed).Aggregate(TimeSpan.Zero, (sum, p) => sum + Length(p));
        var inProgress = stays.Where(p => p.Status == CaseStatus.InProgress).Aggregate(TimeSpan.Zero, (sum, p) => sum + Length(p));
        var reopens = stays.Skip(1).Where((p, i) => stays[i].Status == CaseStatus.Closed && p.Status != CaseStatus.Closed).Select(p => p.StartedAt).ToList();
        var current = stays.Count == 0 ? CaseStatus.Open : stays[^1].Status;
        return new CaseLifespan(createdAt, closedAt, open, inProgress, stays.Any(p => p.Status == CaseStatus.InProgress), reopens, current != CaseStatus.Closed);
    }
}
