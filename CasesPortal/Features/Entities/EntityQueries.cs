using System.Linq.Expressions;
using CasesPortal.Data;
using CasesPortal.Features.Evidence.Explore;
using CasesPortal.Features.Evidence.Model;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Entities;

/// <summary>
/// The Hosts, Network and Users lists: events and alerts grouped by host, IP or user in SQL (over indexed columns),
/// counted, sorted and paged there; only the page's rows are then completed from their newest document.
/// </summary>
public sealed class EntityQueries(IDbContextFactory<CasesDbContext> factory)
{
    public async Task<EntityPage<HostSummary>> FindHostsAsync(EntityQuery query, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var groups = EntityAggregates.Hosts(db, query);
        var sorted = query.Sort switch
        {
            EntitySort.Name => Order(groups, g => g.Name, query.Descending),
            EntitySort.Events => Order(groups, g => g.Events, query.Descending),
            EntitySort.Alerts => Order(groups, g => g.Alerts, query.Descending),
            _ => Order(groups, g => g.LastSeen, query.Descending),
        };
        var page = await sorted.ThenBy(g => g.Key).Skip((query.Page - 1) * query.PerPage).Take(query.PerPage).ToListAsync(ct);
        var total = page.Count > 0 ? page[0].Total : await groups.CountAsync(ct);
        var items = new List<HostSummary>(page.Count);
        foreach (var g in page)
        {
            var (newest, os, hostId) = await NewestOfHostAsync(db, g.Key, ct);
            items.Add(new HostSummary(g.Key, newest?.HostName ?? g.Name ?? g.Key, hostId, os, newest?.HostIp,
                Time(g.FirstSeen), Time(g.LastSeen), g.Events, g.Alerts));
        }
        return new(items, query.Page, query.PerPage, total);
    }

    /// <summary>The summary of one host by name, over all time (null when no event or alert names it).</summary>
    public async Task<HostSummary?> HostAsync(string hostName, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var events = db.SecurityEvents.AsNoTracking().Where(e => e.HostName == hostName);
        var alerts = db.Alerts.AsNoTracking().Where(a => a.HostName == hostName);
        var eventCount = await events.CountAsync(ct);
        var alertCount = await alerts.CountAsync(ct);
        if (eventCount + alertCount == 0) return null;
        var newest = Newer(await events.OrderByDescending(e => e.Timestamp).FirstOrDefaultAsync(ct),
            await alerts.OrderByDescending(a => a.Timestamp).FirstOrDefaultAsync(ct))!;
        var withOs = newest.HostOsName is not null ? newest
            : Newer(await events.Where(e => e.HostOsName != null).OrderByDescending(e => e.Timestamp).FirstOrDefaultAsync(ct),
                await alerts.Where(a => a.HostOsName != null).OrderByDescending(a => a.Timestamp).FirstOrDefaultAsync(ct));
        var first = Earlier(await events.MinAsync(e => e.Timestamp, ct), await alerts.MinAsync(a => a.Timestamp, ct));
        // Some shippers leave host.id out; another document of the host may still name it.
        var hostId = newest.HostId ?? await events.Where(e => e.HostId != null).Select(e => e.HostId).FirstOrDefaultAsync(ct)
            ?? await alerts.Where(a => a.HostId != null).Select(a => a.HostId).FirstOrDefaultAsync(ct);
        return new HostSummary(hostId ?? hostName, hostName, hostId, OsText(withOs), newest.HostIp, first, newest.Timestamp, eventCount, alertCount);
    }

    public async Task<EntityPage<IpSummary>> FindIpsAsync(EntityQuery query, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var filter = new EntityFilter(query, db.Dialect);
        var range = filter.Range();
        // Each event is a flow seen from both of its ends. The two sides never share a group, so each is grouped on its own,
        // straight off its covering index; COUNT(DISTINCT) and the window total are beyond LINQ, hence SQL.
        var sql = $"""
            SELECT g.*, COUNT(*) OVER () AS "Total" FROM (
              SELECT "SourceIp" AS "Ip", '{FlowDirection.Source}' AS "Direction", COUNT(*) AS "Flows", COUNT(DISTINCT "DestinationIp") AS "Peers",
                     MAX("Timestamp") AS "LastSeen"
              FROM "SecurityEvents" WHERE "SourceIp" IS NOT NULL{range}{filter.LikeOf("\"SourceIp\"")} GROUP BY "SourceIp"
              UNION ALL
              SELECT "DestinationIp", '{FlowDirection.Destination}', COUNT(*), COUNT(DISTINCT "SourceIp"), MAX("Timestamp")
              FROM "SecurityEvents" WHERE "DestinationIp" IS NOT NULL{range}{filter.LikeOf("\"DestinationIp\"")} GROUP BY "DestinationIp") g
            """;
        var groups = db.Database.SqlQueryRaw<IpRow>(sql, filter.Parameters);
        var sorted = query.Sort switch
        {
            EntitySort.Name => Order(groups, g => g.Ip, query.Descending),
            EntitySort.Flows => Order(groups, g => g.Flows, query.Descending),
            EntitySort.Peers => Order(groups, g => g.Peers, query.Descending),
            _ => Order(groups, g => g.LastSeen, query.Descending),
        };
        var rows = await sorted.ThenBy(g => g.Ip).ThenBy(g => g.Direction).Skip((query.Page - 1) * query.PerPage).Take(query.PerPage).ToListAsync(ct);
        var total = rows.Count > 0 ? rows[0].Total : await groups.CountAsync(ct);
        return new(rows.Select(r => new IpSummary(r.Ip, r.Direction, r.Flows, r.Peers, Time(r.LastSeen))).ToList(), query.Page, query.PerPage, total);
    }

    public async Task<EntityPage<UserActivity>> FindUsersAsync(EntityQuery query, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var groups = EntityAggregates.Users(db, query, exactName: null, withHosts: query.Sort == EntitySort.Hosts);
        var sorted = query.Sort switch
        {
            EntitySort.Name => Order(groups, g => g.Name, query.Descending),
            EntitySort.Events => Order(groups, g => g.Events, query.Descending),
            EntitySort.Alerts => Order(groups, g => g.Alerts, query.Descending),
            EntitySort.Hosts => Order(groups, g => g.Hosts, query.Descending),
            _ => Order(groups, g => g.LastSeen, query.Descending),
        };
        var rows = await sorted.ThenBy(g => g.Name).Skip((query.Page - 1) * query.PerPage).Take(query.PerPage).ToListAsync(ct);
        var total = rows.Count > 0 ? rows[0].Total : await groups.CountAsync(ct);
        return new(await WithHostsAsync(db, query, rows, ct), query.Page, query.PerPage, total);
    }

    /// <summary>One user over all time (null when nothing names them).</summary>
    public async Task<UserActivity?> UserAsync(string userName, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var all = new EntityQuery();
        return (await WithHostsAsync(db, all, await EntityAggregates.Users(db, all, userName, withHosts: false).ToListAsync(ct), ct)).FirstOrDefault();
    }

    /// <summary>The page's users, with their distinct hosts counted for them alone unless the whole list was sorted by them.</summary>
    private static async Task<List<UserActivity>> WithHostsAsync(CasesDbContext db, EntityQuery query, List<EntityAggregates.UserGroup> rows, CancellationToken ct)
    {
        var hosts = query.Sort == EntitySort.Hosts ? null : await EntityAggregates.UserHostsAsync(db, query, rows.Select(r => r.Name).ToList(), ct);
        return rows.Select(r => new UserActivity(r.Name, r.Events, r.Alerts, hosts is null ? r.Hosts : hosts.GetValueOrDefault(r.Name),
            Time(r.LastSeen), Time(r.LastLogonSuccess), Time(r.LastLogonFailure))).ToList();
    }

    /// <summary>
    /// The newest event or alert of a host key (by <c>host.name</c> as Elastic's Hosts page, or by id for documents without a name), with the OS
    /// and the id of its newest documents that name them: an event that leaves them out does not make them unknown.
    /// </summary>
    private static async Task<(EcsRecord? Newest, string? Os, string? HostId)> NewestOfHostAsync(CasesDbContext db, string key, CancellationToken ct)
    {
        var newest = Newer(await NewestAsync(db.SecurityEvents, key, r => true, ct), await NewestAsync(db.Alerts, key, r => true, ct));
        var withOs = newest?.HostOsName is not null ? newest
            : Newer(await NewestAsync(db.SecurityEvents, key, r => r.HostOsName != null, ct), await NewestAsync(db.Alerts, key, r => r.HostOsName != null, ct));
        var withId = newest?.HostId is not null ? newest
            : Newer(await NewestAsync(db.SecurityEvents, key, r => r.HostId != null, ct), await NewestAsync(db.Alerts, key, r => r.HostId != null, ct));
        return (newest, OsText(withOs), withId?.HostId);
    }

    private static async Task<EcsRecord?> NewestAsync<T>(IQueryable<T> records, string key, Expression<Func<T, bool>> having, CancellationToken ct) where T : EcsRecord
    {
        records = records.AsNoTracking().Where(having);
        return await records.Where(r => r.HostName == key).OrderByDescending(r => r.Timestamp).FirstOrDefaultAsync(ct)
            ?? await records.Where(r => r.HostName == null && r.HostId == key).OrderByDescending(r => r.Timestamp).FirstOrDefaultAsync(ct);
    }

    private static EcsRecord? Newer(EcsRecord? a, EcsRecord? b) => a is null ? b : b is null ? a : b.Timestamp > a.Timestamp ? b : a;

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static string? OsText(EcsRecord? record) => record?.HostOsName is not { } name ? null
        : record.HostOsVersion is { } version && !name.Contains(version, StringComparison.OrdinalIgnoreCase) ? $"{name} {version}" : name;

    /// <summary>Timestamps are stored as UTC ticks; raw SQL hands them back as such.</summary>
    private static DateTimeOffset? Time(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    private sealed class IpRow
    {
        public string Ip { get; init; } = "";
        public string Direction { get; init; } = "";
        public int Flows { get; init; }
        public int Peers { get; init; }
        public long? LastSeen { get; init; }

        /// <summary>The number of groups, by a window function, so the page and the total are one query.</summary>
        public int Total { get; init; }
    }

    private static IOrderedQueryable<T> Order<T, TKey>(IQueryable<T> source, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? source.OrderByDescending(key) : source.OrderBy(key);

}
