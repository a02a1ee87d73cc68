using CasesPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CasesPortal.Features.Cases.Evidence;

/// <summary>
/// Keeps <see cref="CaseAlertFacet"/> rows in step with the case–alert links: counted in when links are made, counted
/// out before links are removed, and out then in again around an upsert that may change a linked alert's user, host or
/// rule. Each change is one grouped SQL statement over the links concerned (plain SQL both engines run), inside the
/// caller's transaction, so the figures can never disagree with the links.
/// </summary>
public static class CaseAlertFacets
{
    /// <summary>
    /// The facet rows of the alerts the <paramref name="links"/> query names (columns <c>CaseId</c>, <c>AlertId</c>),
    /// grouped, as the common table <c>g</c>. The alerts are read once (<c>x</c>), whatever the number of kinds.
    /// </summary>
    private static string Grouped(string links) => $"""
        WITH "x" AS MATERIALIZED (
            SELECT "l"."CaseId", "a"."UserName", "a"."HostId", "a"."HostName", "a"."RuleName", "a"."Timestamp"
            FROM ({links}) AS "l" JOIN "Alerts" AS "a" ON "a"."Id" = "l"."AlertId"),
        "f" AS (
            SELECT "CaseId", {(int)AlertFacetKind.All} AS "Kind", '' AS "Key", '' AS "Name", "Timestamp" AS "At" FROM "x"
            UNION ALL SELECT "CaseId", {(int)AlertFacetKind.User}, "UserName", '', "Timestamp" FROM "x" WHERE "UserName" <> ''
            UNION ALL SELECT "CaseId", {(int)AlertFacetKind.Host}, CASE WHEN "HostId" <> '' THEN "HostId" ELSE 'name:' || "HostName" END,
                COALESCE("HostName", ''), "Timestamp" FROM "x" WHERE "HostId" <> '' OR "HostName" <> ''
            UNION ALL SELECT "CaseId", {(int)AlertFacetKind.Rule}, "RuleName", '', "Timestamp" FROM "x" WHERE "RuleName" IS NOT NULL),
        "g" AS (
            SELECT "CaseId", "Kind", "Key", "Name", COUNT(*) AS "Alerts", MAX("At") AS "NewestAt" FROM "f" GROUP BY "CaseId", "Kind", "Key", "Name")
        """;

    /// <summary>Counts the linked alerts in: new rows, or more alerts (and maybe a newer time) on existing ones.</summary>
    public static string CountInSql(string links) => $"""
        {Grouped(links)}
        INSERT INTO "CaseAlertFacets" ("CaseId", "Kind", "Key", "Name", "Alerts", "NewestAt")
        SELECT "CaseId", "Kind", "Key", "Name", "Alerts", "NewestAt" FROM "g" WHERE true
        ON CONFLICT ("CaseId", "Kind", "Key", "Name") DO UPDATE SET "Alerts" = "CaseAlertFacets"."Alerts" + excluded."Alerts",
            "NewestAt" = CASE WHEN "CaseAlertFacets"."NewestAt" IS NULL OR excluded."NewestAt" > "CaseAlertFacets"."NewestAt"
                THEN excluded."NewestAt" ELSE "CaseAlertFacets"."NewestAt" END
        """;

    /// <summary>
    /// Counts the linked alerts out, then drops the rows left at zero (run while the links still exist). A host's newest
    /// time is not lowered: it only picks which of a host's names is shown.
    /// </summary>
    public static IReadOnlyList<string> CountOutSql(string links) =>
    [
        $"""
        {Grouped(links)}
        UPDATE "CaseAlertFacets" SET "Alerts" = "CaseAlertFacets"."Alerts" - "g"."Alerts" FROM "g"
        WHERE "CaseAlertFacets"."CaseId" = "g"."CaseId" AND "CaseAlertFacets"."Kind" = "g"."Kind"
            AND "CaseAlertFacets"."Key" = "g"."Key" AND "CaseAlertFacets"."Name" = "g"."Name"
        """,
        $"""DELETE FROM "CaseAlertFacets" WHERE "Alerts" <= 0 AND "CaseId" IN (SELECT "CaseId" FROM ({links}) AS "l")""",
    ];

    /// <summary>Counts in alerts about to be linked to the case (none of them linked to it yet).</summary>
    internal static Task CountInAsync(CasesDbContext db, string caseId, IQueryable<string> alertIds, CancellationToken ct) =>
        RunAsync(db, caseId, alertIds, links => [CountInSql(links)], ct);

    /// <summary>Counts out alerts about to be unlinked from the case (all of them linked to it).</summary>
    internal static Task CountOutAsync(CasesDbContext db, string caseId, IQueryable<string> alertIds, CancellationToken ct) =>
        RunAsync(db, caseId, alertIds, CountOutSql, ct);

    /// <summary>Runs each statement built around the links' SQL, with the query's own parameters, in the current transaction.</summary>
    private static async Task RunAsync(CasesDbContext db, string caseId, IQueryable<string> alertIds, Func<string, IReadOnlyList<string>> statements,
        CancellationToken ct)
    {
        var links = alertIds.Select(id => new { CaseId = caseId, AlertId = id });
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        string linksSql;
        await using (var probe = links.CreateDbCommand()) linksSql = probe.CommandText;
        foreach (var statement in statements(linksSql))
        {
            await using var command = links.CreateDbCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
