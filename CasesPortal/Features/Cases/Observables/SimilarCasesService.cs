using System.Runtime.CompilerServices;
using CasesPortal.Data;
using CasesPortal.Features.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Cases.Observables;

/// <summary>A case that shares values with another, and which values.</summary>
public sealed record SimilarCase(string Id, long Number, string Title, CaseStatus Status, CaseSeverity Severity, DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt, int SharedCount, IReadOnlyList<SharedObservable> Observables, IReadOnlyList<string> Hosts, IReadOnlyList<string> Users);

public sealed record SharedObservable(string TypeKey, string Value);

public sealed record SimilarCasesPage(IReadOnlyList<SimilarCase> Cases, int Page, int PerPage, int Total);

/// <summary>
/// Other live cases sharing observables (same type and value), hosts or users (<c>host.name</c>, <c>user.name</c>
/// of attached alerts and events) with a case, most shared values first, then newest. Ranking and paging are one
/// SQL query over the (type, value) index, the cases' alert figures (<c>CaseAlertFacets</c>: one row per user and
/// host name, so a case with 100,000 alerts is never read alert by alert) and the events' host/user columns through
/// their links; a second one reads the matched values of the page's cases.
/// </summary>
public sealed class SimilarCasesService(IDbContextFactory<CasesDbContext> dbFactory)
{
    public const int MaxPerPage = 100;
    private const string Host = "host";
    private const string User = "user";
    private const string Observable = "observable";

    // {0} is the case id. Plain SQL (CTEs, UNION, a window count) that SQLite and PostgreSQL both run.
    private const string Shared = """
        WITH mine(Kind, TypeKey, Value) AS (
            SELECT 'observable', o."TypeKey", o."Value" FROM "CaseObservables" o WHERE o."CaseId" = {0}
            UNION SELECT 'host', '', f."Name" FROM "CaseAlertFacets" f WHERE f."CaseId" = {0} AND f."Kind" = 2 AND f."Name" <> ''
            UNION SELECT 'host', '', e."HostName" FROM "CaseEvents" l JOIN "SecurityEvents" e ON e."Id" = l."EventId" WHERE l."CaseId" = {0} AND e."HostName" IS NOT NULL
            UNION SELECT 'user', '', f."Key" FROM "CaseAlertFacets" f WHERE f."CaseId" = {0} AND f."Kind" = 1
            UNION SELECT 'user', '', e."UserName" FROM "CaseEvents" l JOIN "SecurityEvents" e ON e."Id" = l."EventId" WHERE l."CaseId" = {0} AND e."UserName" IS NOT NULL
        ),
        shared(CaseId, Kind, TypeKey, Value) AS (
            SELECT o."CaseId", 'observable', o."TypeKey", o."Value" FROM mine m JOIN "CaseObservables" o ON o."TypeKey" = m.TypeKey AND o."Value" = m.Value
                WHERE m.Kind = 'observable' AND o."CaseId" <> {0}
            UNION SELECT f."CaseId", 'host', '', f."Name" FROM mine m JOIN "CaseAlertFacets" f ON f."Kind" = 2 AND f."Name" = m.Value
                WHERE m.Kind = 'host' AND f."CaseId" <> {0}
            UNION SELECT l."CaseId", 'host', '', e."HostName" FROM mine m JOIN "SecurityEvents" e ON e."HostName" = m.Value JOIN "CaseEvents" l ON l."EventId" = e."Id"
                WHERE m.Kind = 'host' AND l."CaseId" <> {0}
            UNION SELECT f."CaseId", 'user', '', f."Key" FROM mine m JOIN "CaseAlertFacets" f ON f."Kind" = 1 AND f."Key" = m.Value
                WHERE m.Kind = 'user' AND f."CaseId" <> {0}
            UNION SELECT l."CaseId", 'user', '', e."UserName" FROM mine m JOIN "SecurityEvents" e ON e."UserName" = m.Value JOIN "CaseEvents" l ON l."EventId" = e."Id"
                WHERE m.Kind = 'user' AND l."CaseId" <> {0}
        )
        """;

    /// <summary>A page of similar cases; null when the case is unknown or in the Trash.</summary>
    public async Task<SimilarCasesPage?> FindAsync(string caseId, int page = 1, int perPage = 20, CancellationToken ct = default)
    {
        page = Math.Max(page, 1);
        perPage = Math.Clamp(perPage, 1, MaxPerPage);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Cases.AnyAsync(c => c.Id == caseId && c.DeletedAt == null, ct)) return null;

        var ranked = await db.Database.SqlQuery<RankedRow>(Sql(Shared + """
            SELECT s.CaseId AS "CaseId", COUNT(*) AS "SharedCount", COUNT(*) OVER () AS "Total"
            FROM shared s JOIN "Cases" c ON c."Id" = s.CaseId
            WHERE c."DeletedAt" IS NULL
            GROUP BY s.CaseId, c."CreatedAt", c."Number"
            ORDER BY COUNT(*) DESC, c."CreatedAt" DESC, c."Number" DESC
            LIMIT {1} OFFSET {2}
            """, caseId, perPage, (page - 1) * perPage)).ToListAsync(ct);
        if (ranked.Count == 0) return new SimilarCasesPage([], page, perPage, await TotalAsync(db, caseId, ct));

        var ids = ranked.Select(r => r.CaseId).ToList();
        var inList = string.Join(", ", ids.Select((_, i) => $"{{{i + 1}}}"));
        var values = await db.Database.SqlQuery<SharedRow>(Sql(Shared + $"""
            SELECT s.CaseId AS "CaseId", s.Kind AS "Kind", s.TypeKey AS "TypeKey", s.Value AS "Value" FROM shared s
            WHERE s.CaseId IN ({inList}) ORDER BY s.Kind, s.TypeKey, s.Value
            """, [caseId, .. ids])).ToListAsync(ct);
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, c.Title, c.Status, c.Severity, c.CreatedAt, c.UpdatedAt }).ToDictionaryAsync(c => c.Id, ct);

        var byCase = values.ToLookup(v => v.CaseId);
        return new SimilarCasesPage(ranked.Select(r =>
        {
            var c = cases[r.CaseId];
            var matched = byCase[r.CaseId].ToList();
            return new SimilarCase(c.Id, c.Number, c.Title, c.Status, c.Severity, c.CreatedAt, c.UpdatedAt, (int)r.SharedCount,
                matched.Where(m => m.Kind == Observable).Select(m => new SharedObservable(m.TypeKey, m.Value)).ToList(),
                matched.Where(m => m.Kind == Host).Select(m => m.Value).ToList(),
                matched.Where(m => m.Kind == User).Select(m => m.Value).ToList());
        }).ToList(), page, perPage, (int)ranked[0].Total);
    }

    /// <summary>Past the last page the window count has no row to ride on; count the cases on their own.</summary>
    private static async Task<int> TotalAsync(CasesDbContext db, string caseId, CancellationToken ct) =>
        (int)(await db.Database.SqlQuery<long>(Sql(Shared + """
            SELECT COUNT(DISTINCT s.CaseId) AS "Value" FROM shared s JOIN "Cases" c ON c."Id" = s.CaseId WHERE c."DeletedAt" IS NULL
            """, caseId)).ToListAsync(ct)).Single();

    private static FormattableString Sql(string format, params object[] args) => FormattableStringFactory.Create(format, args);

    private sealed class RankedRow
    {
        public string CaseId { get; set; } = "";
        public long SharedCount { get; set; }
        public long Total { get; set; }
    }

    private sealed class SharedRow
    {
        public string CaseId { get; set; } = "";
        public string Kind { get; set; } = "";
        public string TypeKey { get; set; } = "";
        public string Value { get; set; } = "";
    }
}
