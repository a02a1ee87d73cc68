using CasesPortal.Data;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Model;
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

        var facets = db.CaseAlertFacets.Where(f => f.CaseId == caseId);
        return new CaseMetrics(
            features.Contains(CaseMetricFeatures.AlertsCount) ? await facets.Where(f => f.Kind == AlertFacetKind.All).SumAsync(f => f.Alerts, ct) : null,
            features.Contains(CaseMetricFeatures.AlertsUsers) ? await UsersAsync(facets, ct) : null,
            features.Contains(CaseMetricFeatures.AlertsHosts) ? await HostsAsync(facets, ct) : null,
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

    /// <summary>The number of users and the busiest ten, from the case's user facets (one row per user), counted and ranked in SQL.</summary>
    private static async Task<EntityFigures> UsersAsync(IQueryable<CaseAlertFacet> facets, CancellationToken ct)
    {
        var users = facets.Where(f => f.Kind == AlertFacetKind.User);
        var top = await users.OrderByDescending(f => f.Alerts).ThenBy(f => f.Key).Take(TopEntities).Select(f => new EntityCount(f.Key, null, f.Alerts)).ToListAsync(ct);
        return new EntityFigures(top.Count < TopEntities ? top.Count : await users.CountAsync(ct), top);
    }

    /// <summary>
    /// Hosts by host.id, or by host.name for alerts without an id; each shown by the name on its newest alert. The
    /// case's host facets hold one row per host and name: hosts are counted and ranked in SQL, then the names of the
    /// busiest ten are read.
    /// </summary>
    private static async Task<EntityFigures> HostsAsync(IQueryable<CaseAlertFacet> facets, CancellationToken ct)
    {
        var hosts = facets.Where(f => f.Kind == AlertFacetKind.Host);
        var top = await hosts.GroupBy(f => f.Key).Select(g => new { g.Key, Count = g.Sum(f => f.Alerts) })
            .OrderByDescending(h => h.Count).ThenBy(h => h.Key).Take(TopEntities).ToListAsync(ct);
        var total = top.Count < TopEntities ? top.Count : await hosts.Select(f => f.Key).Distinct().CountAsync(ct);
        var keys = top.Select(h => h.Key).ToList();
        var names = await hosts.Where(f => keys.Contains(f.Key) && f.Name != "").Select(f => new { f.Key, f.Name, f.NewestAt }).ToListAsync(ct);
        return new EntityFigures(total, top.Select(h =>
        {
            var id = h.Key.StartsWith(NameKeyPrefix, StringComparison.Ordinal) ? null : h.Key;
            var name = names.Where(n => n.Key == h.Key).OrderByDescending(n => n.NewestAt).ThenBy(n => n.Name, StringComparer.Ordinal).Select(n => n.Name).FirstOrDefault();
            return new EntityCount(name ?? id ?? h.Key, id, h.Count);
        }).ToList());
    }

    /// <summary>How the host facets key a host that has no host.id.</summary>
    private const string NameKeyPrefix = "name:";

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
