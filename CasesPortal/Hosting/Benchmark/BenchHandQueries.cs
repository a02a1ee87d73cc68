namespace CasesPortal.Hosting.Benchmark;

/// <summary>
/// The physical limit: each measured result computed by the best hand-written SQL on the same database, one method per
/// operation, on one open connection (disposed with it), with no ORM, no mapping beyond reading the rows. The statements
/// are the same on every engine but for joining a list into one value and counting the rows that match a condition,
/// which each engine's class (<see cref="SqliteHandQueries"/>, <see cref="PostgresHandQueries"/>) writes its own way.
/// </summary>
public abstract class BenchHandQueries : IAsyncDisposable
{
    /// <summary>The values of <paramref name="column"/> in one text, separated by the unit separator (char 31).</summary>
    protected abstract string ListOf(string column);

    /// <summary>How many rows of the group meet <paramref name="condition"/>.</summary>
    protected abstract string CountWhere(string condition);

    /// <summary>Runs the statement and reads every value of every row; parameters are named <c>@name</c>.</summary>
    protected abstract Task ReadAllAsync(string sql, params (string Name, object Value)[] parameters);

    public abstract ValueTask DisposeAsync();

    /// <summary>Case list page 1 of 25: open and in-progress high and critical cases, newest change first, with the status counts and mean time to close.</summary>
    public async Task CaseListAsync()
    {
        await ReadAllAsync("""
            SELECT "Status", COUNT(*), SUM("DurationSeconds"), COUNT("DurationSeconds") FROM "Cases"
            WHERE "DeletedAt" IS NULL AND "Severity" IN (2, 3) GROUP BY "Status"
            """);
        await ReadAllAsync($"""
            SELECT c."Id", c."Number", c."Title", c."Status", c."Severity", c."Category", c."CreatedAt", c."UpdatedAt", c."CommentCount", c."Version",
                r."DisplayName",
                (SELECT {ListOf("\"Tag\"")} FROM "CaseTags" WHERE "CaseId" = c."Id"),
                (SELECT {ListOf("u.\"DisplayName\"")} FROM "CaseAssignees" AS a JOIN "AspNetUsers" AS u ON u."Id" = a."UserId" WHERE a."CaseId" = c."Id"),
                (SELECT "Alerts" FROM "CaseAlertFacets" WHERE "CaseId" = c."Id" AND "Kind" = 0)
            FROM "Cases" AS c JOIN "AspNetUsers" AS r ON r."Id" = c."CreatedById"
            WHERE c."DeletedAt" IS NULL AND c."Severity" IN (2, 3) AND c."Status" IN (0, 1)
            ORDER BY COALESCE(c."UpdatedAt", c."CreatedAt") DESC, c."Number" DESC LIMIT 25
            """);
    }

    /// <summary>The overview's team queue: open and in-progress cases, and the unclosed ones nobody is assigned to, in one pass.</summary>
    public Task TeamQueueAsync() => ReadAllAsync($"""
        SELECT {CountWhere("c.\"Status\" = 0")}, {CountWhere("c.\"Status\" = 1")},
            {CountWhere("NOT EXISTS (SELECT 1 FROM \"CaseAssignees\" AS a WHERE a.\"CaseId\" = c.\"Id\")")}
        FROM "Cases" AS c WHERE c."DeletedAt" IS NULL AND c."Status" IN (0, 1)
        """);

    /// <summary>The summary bar of a case: alert count, distinct users and hosts with their top 10, connectors, status stays.</summary>
    public async Task CaseMetricsAsync(string caseId)
    {
        // The alert figures kept per case (CaseAlertFacets): the total, one row per user, one per host and name.
        await ReadAllAsync("""SELECT "Alerts" FROM "CaseAlertFacets" WHERE "CaseId" = @id AND "Kind" = 0""", ("@id", caseId));
        await ReadAllAsync("""SELECT COUNT(*) FROM "CaseAlertFacets" WHERE "CaseId" = @id AND "Kind" = 1""", ("@id", caseId));
        await ReadAllAsync("""SELECT "Key", "Alerts" FROM "CaseAlertFacets" WHERE "CaseId" = @id AND "Kind" = 1 ORDER BY "Alerts" DESC, "Key" LIMIT 10""", ("@id", caseId));
        await ReadAllAsync("""SELECT COUNT(DISTINCT "Key") FROM "CaseAlertFacets" WHERE "CaseId" = @id AND "Kind" = 2""", ("@id", caseId));
        await ReadAllAsync("""
            SELECT f."Key", f."Name", f."NewestAt", t.n FROM (SELECT "Key", SUM("Alerts") AS n FROM "CaseAlertFacets" WHERE "CaseId" = @id AND "Kind" = 2
                GROUP BY "Key" ORDER BY n DESC, "Key" LIMIT 10) AS t JOIN "CaseAlertFacets" AS f ON f."CaseId" = @id AND f."Kind" = 2 AND f."Key" = t."Key"
            """, ("@id", caseId));
        await ReadAllAsync("""
            SELECT COUNT(*) FROM (SELECT "ConnectorId" FROM "ExternalIncidents" WHERE "CaseId" = @id UNION SELECT "ConnectorId" FROM "CaseConnectors" WHERE "CaseId" = @id) AS k
            """, ("@id", caseId));
        await ReadAllAsync("""SELECT "Status", "StartedAt", "EndedAt" FROM "CaseStatusPeriods" WHERE "CaseId" = @id ORDER BY "StartedAt", "Id" """, ("@id", caseId));
    }

    /// <summary>What the case page shows on first load: the case with its tags and assignees, the summary bar, the first 50 lines of activity.</summary>
    public async Task CasePageAsync(string caseId)
    {
        await ReadAllAsync($"""
            SELECT c.*, (SELECT {ListOf("\"Tag\"")} FROM "CaseTags" WHERE "CaseId" = c."Id"),
                (SELECT {ListOf("u.\"DisplayName\"")} FROM "CaseAssignees" AS a JOIN "AspNetUsers" AS u ON u."Id" = a."UserId" WHERE a."CaseId" = c."Id"),
                (SELECT COUNT(*) FROM "CaseEvents" WHERE "CaseId" = c."Id"), (SELECT COUNT(*) FROM "CaseIndicators" WHERE "CaseId" = c."Id")
            FROM "Cases" AS c WHERE c."Id" = @id
            """, ("@id", caseId));
        await CaseMetricsAsync(caseId);
        await ReadAllAsync("""SELECT * FROM "CaseUserActions" WHERE "CaseId" = @id ORDER BY "Sequence" DESC LIMIT 50""", ("@id", caseId));
        await ReadAllAsync("""SELECT * FROM "CaseComments" WHERE "CaseId" = @id AND "DeletedAt" IS NULL ORDER BY "CreatedAt" DESC LIMIT 50""", ("@id", caseId));
    }

    /// <summary>The dashboard's figures for [from, to) and the period before, with every chart and table.</summary>
    public async Task DashboardAsync(DateTimeOffset from, DateTimeOffset to)
    {
        await PeriodAsync(from, to);
        await PeriodAsync(from - (to - from), from);
        (string, object)[] period = [("@from", from.UtcTicks), ("@to", to.UtcTicks), ("@bucket", TimeSpan.FromDays(7).Ticks)];
        await ReadAllAsync("""
            SELECT ("CreatedAt" - @from) / @bucket, COUNT(*) FROM "Cases" WHERE "DeletedAt" IS NULL AND "CreatedAt" >= @from AND "CreatedAt" < @to GROUP BY 1
            """, period);
        await ReadAllAsync("""
            SELECT ("ClosedAt" - @from) / @bucket, COUNT(*), AVG("DurationSeconds") FROM "Cases"
            WHERE "DeletedAt" IS NULL AND "Status" = 2 AND "ClosedAt" >= @from AND "ClosedAt" < @to GROUP BY 1
            """, period);
        await ReadAllAsync("""SELECT "Severity", COUNT(*) FROM "Cases" WHERE "DeletedAt" IS NULL AND "Status" IN (0, 1) GROUP BY "Severity" """);
        await ReadAllAsync("""
            SELECT u."DisplayName", w.n FROM (SELECT a."UserId", COUNT(*) AS n FROM "Cases" AS c JOIN "CaseAssignees" AS a ON a."CaseId" = c."Id"
                WHERE c."DeletedAt" IS NULL AND c."Status" IN (0, 1) GROUP BY a."UserId" ORDER BY n DESC LIMIT 10) AS w JOIN "AspNetUsers" AS u ON u."Id" = w."UserId"
            """);
        await ReadAllAsync("""
            SELECT COUNT(*) FROM "Cases" AS c WHERE c."DeletedAt" IS NULL AND c."Status" IN (0, 1) AND NOT EXISTS (SELECT 1 FROM "CaseAssignees" WHERE "CaseId" = c."Id")
            """);
        // Tags and rules read the copies of their case's figures kept on their rows (CaseMirror), as the service does.
        await ReadAllAsync("""
            SELECT "NormalizedTag", MIN("Tag"), COUNT(*) FROM "CaseTags"
            WHERE "CaseDeletedAt" IS NULL AND "CaseCreatedAt" >= @from AND "CaseCreatedAt" < @to GROUP BY 1 ORDER BY 3 DESC, 2 LIMIT 10
            """, period);
        await ReadAllAsync("""
            SELECT "CloseReason", COUNT(*) FROM "Cases" WHERE "DeletedAt" IS NULL AND "Status" = 2 AND "ClosedAt" >= @from AND "ClosedAt" < @to
                AND "CloseReason" IS NOT NULL GROUP BY 1
            """, period);
        await ReadAllAsync("""
            SELECT "Number", "Title", "Status", "Severity", "CreatedAt" FROM "Cases" WHERE "DeletedAt" IS NULL AND "Status" IN (0, 1) ORDER BY "CreatedAt", "Number" LIMIT 10
            """);
        await ReadAllAsync($"""
            SELECT "Key", COUNT(*) AS n, {CountWhere("\"CaseStatus\" = 2")}, {CountWhere("\"CaseStatus\" = 2 AND \"CaseCloseReason\" = 0")},
                {CountWhere("\"CaseStatus\" = 2 AND \"CaseCloseReason\" = 1")}, {CountWhere("\"CaseStatus\" = 2 AND \"CaseCloseReason\" = 2")}
            FROM "CaseAlertFacets" WHERE "Kind" = 3 AND "CaseDeletedAt" IS NULL AND "CaseCreatedAt" >= @from AND "CaseCreatedAt" < @to
            GROUP BY "Key" ORDER BY n DESC, "Key" LIMIT 10
            """, period);
    }

    private async Task PeriodAsync(DateTimeOffset from, DateTimeOffset to)
    {
        (string, object)[] period = [("@from", from.UtcTicks), ("@to", to.UtcTicks)];
        // The stays standing at the end drive; each one's case is tested, never each case's stays probed.
        // The stays still running and those ended since: two ranges of the index on (status, end, start).
        const string standing = """
            FROM (SELECT "Status", "CaseId" FROM "CaseStatusPeriods" WHERE "Status" IN (0, 1) AND "StartedAt" < @to AND "EndedAt" IS NULL
                UNION ALL SELECT "Status", "CaseId" FROM "CaseStatusPeriods" WHERE "Status" IN (0, 1) AND "StartedAt" < @to AND "EndedAt" >= @to) AS p
            WHERE EXISTS (SELECT 1 FROM "Cases" AS c WHERE c."Id" = p."CaseId" AND c."DeletedAt" IS NULL)
            """;
        await ReadAllAsync($"""SELECT p."Status", COUNT(*) {standing} GROUP BY p."Status" """, period);
        // Opened, acknowledged and closed: each one range of the cases, in the index that holds them in that order.
        await ReadAllAsync("""SELECT COUNT(*) FROM "Cases" WHERE "DeletedAt" IS NULL AND "CreatedAt" >= @from AND "CreatedAt" < @to""", period);
        await ReadAllAsync("""
            SELECT COUNT(*), AVG("TimeToAcknowledgeSeconds") FROM "Cases" WHERE "DeletedAt" IS NULL AND "AcknowledgedAt" >= @from AND "AcknowledgedAt" < @to
            """, period);
        await ReadAllAsync($"""
            SELECT {CountWhere("\"AcknowledgedAt\" IS NULL")}, AVG("DurationSeconds"), AVG(CASE WHEN "AcknowledgedAt" IS NOT NULL THEN "InProgressSeconds" END)
            FROM "Cases" WHERE "DeletedAt" IS NULL AND "Status" = 2 AND "ClosedAt" >= @from AND "ClosedAt" < @to
            """, period);
        // The cases closed in the period: all of them, less those now in the Trash.
        await ReadAllAsync("""
            SELECT (SELECT COUNT(DISTINCT "CaseId") FROM "CaseStatusPeriods" WHERE "Status" = 2 AND "StartedAt" >= @from AND "StartedAt" < @to)
                - (SELECT COUNT(*) FROM "Cases" AS c WHERE c."DeletedAt" IS NOT NULL AND EXISTS (SELECT 1 FROM "CaseStatusPeriods" AS p
                    WHERE p."CaseId" = c."Id" AND p."Status" = 2 AND p."StartedAt" >= @from AND p."StartedAt" < @to))
            """, period);
        await ReadAllAsync($"""SELECT (SELECT c."CreatedAt" FROM "Cases" AS c WHERE c."Id" = p."CaseId") AS created {standing} ORDER BY created""", period);
    }

    /// <summary>The timeline's first page for one host, newest first, and the total counted up to 10,001.</summary>
    public async Task TimelineAsync(string hostName)
    {
        await ReadAllAsync("""
            SELECT "Id", "Timestamp", "Document" FROM "SecurityEvents" WHERE "HostName" = @host ORDER BY "Timestamp" DESC, "Id" LIMIT 25
            """, ("@host", hostName));
        await ReadAllAsync("""SELECT COUNT(*) FROM (SELECT 1 FROM "SecurityEvents" WHERE "HostName" = @host LIMIT 10001) AS t""", ("@host", hostName));
    }
}
