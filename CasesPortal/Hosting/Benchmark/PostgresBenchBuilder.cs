using CasesPortal.Data;
using System.Diagnostics;
using CasesPortal.Features.Cases.Evidence;
using Npgsql;

namespace CasesPortal.Hosting.Benchmark;

/// <summary>
/// Fills a migrated, empty PostgreSQL database with the same rows as <see cref="SqliteBenchBuilder"/> (the same
/// <see cref="BenchRows"/>): binary <c>COPY</c> into every table at once, with the secondary indexes (the events' GIN
/// word indexes among them) and the foreign keys dropped meanwhile and made again once at the end from the definitions
/// the catalogue gave, the case-to-alert links made by one <c>INSERT … SELECT</c>, then <c>ANALYZE</c>.
/// </summary>
public sealed class PostgresBenchBuilder(string connectionString, BenchSize size, TextWriter log)
{
    private static readonly string[] BulkTables = ["Alerts", "SecurityEvents", "CaseAlerts", "Cases", "CaseUserActions", "CaseComments",
        "CaseStatusPeriods", "CaseTags", "CaseAssignees"];

    /// <summary>Each alert's ordinal in time order, standing for SQLite's rowid when the slices become links.</summary>
    private const string AlertOrderTable = "BenchAlertOrder";

    public BenchFacts Build()
    {
        var started = Stopwatch.GetTimestamp();
        var now = DateTimeOffset.UtcNow;
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var restore = DropIndexesAndForeignKeys(connection);
        // The case copies are set once after the load (CaseMirror.Refresh), not by a trigger call per row.
        foreach (var (name, table) in CaseMirror.Triggers) Execute(connection, $"ALTER TABLE \"{table}\" DISABLE TRIGGER \"{name}\"");
        Execute(connection, $"""
            CREATE UNLOGGED TABLE "{BenchRows.SlicesTable}" ("CaseRow" bigint NOT NULL, "FirstAlert" bigint NOT NULL, "LastAlert" bigint NOT NULL);
            CREATE UNLOGGED TABLE "{AlertOrderTable}" ("Row" bigint PRIMARY KEY, "AlertId" text NOT NULL);
            """);
        var analysts = Copy(sink => BenchRows.Analysts(sink, now));

        Step("alerts", () => Copy(sink => BenchRows.Alerts(sink, size, sink.Into(AlertOrderTable, "Row", "AlertId"))));
        Step("events", () => Copy(sink => BenchRows.Events(sink, size, now)));
        var cases = new BenchCases(size, analysts, now);
        var big = Step("cases", () => Copy(sink => BenchRows.Cases(sink, cases)));
        Step("alert links", () => LinkAlerts(connection));
        Step("alert figures", () => Execute(connection, CaseAlertFacets.CountInSql("""SELECT "CaseId", "AlertId" FROM "CaseAlerts" """)));
        Step("case copies", () => Execute(connection, CaseMirror.Refresh));
        Step("indexes", () =>
        {
            foreach (var sql in restore) Execute(connection, sql);
            foreach (var (name, table) in CaseMirror.Triggers) Execute(connection, $"ALTER TABLE \"{table}\" ENABLE TRIGGER \"{name}\"");
            Execute(connection, "ANALYZE;");
        });
        return new BenchFacts(big, cases.BigCaseNumber, size.BigCaseAlerts, BenchEvents.BusiestHost, now, Stopwatch.GetElapsedTime(started));
    }

    private T Step<T>(string what, Func<T> work) => BenchStep.Run(log, what, work);

    private void Step(string what, Action work) => BenchStep.Run(log, what, work);

    private T Copy<T>(Func<IBenchRowSink, T> rows)
    {
        using var writer = new PostgresCopyWriter(connectionString);
        var result = rows(writer);
        writer.Complete();
        return result;
    }

    private void Copy(Action<IBenchRowSink> rows) => Copy(sink => { rows(sink); return 0; });

    /// <summary>
    /// Drops the foreign keys of the bulk tables, then their indexes that back no primary key or constraint; answers the
    /// SQL that makes them again, indexes first.
    /// </summary>
    private static List<string> DropIndexesAndForeignKeys(NpgsqlConnection connection)
    {
        var foreignKeys = Read(connection, """
            SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname),
                format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
            FROM pg_constraint WHERE contype = 'f' AND conrelid IN (SELECT oid FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relname = ANY(@tables))
            """);
        var indexes = Read(connection, """
            SELECT format('DROP INDEX %I.%I', i.schemaname, i.indexname), i.indexdef
            FROM pg_indexes AS i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables)
                AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.contype IN ('p', 'u', 'x') AND c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
            """);
        foreach (var (drop, _) in foreignKeys.Concat(indexes)) Execute(connection, drop);
        return [.. indexes.Select(i => i.Create), .. foreignKeys.Select(f => f.Create)];
    }

    private static List<(string Drop, string Create)> Read(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("tables", BulkTables);
        using var reader = command.ExecuteReader();
        var found = new List<(string, string)>();
        while (reader.Read()) found.Add((reader.GetString(0), reader.GetString(1)));
        return found;
    }

    /// <summary>Each case's contiguous slice of alerts (by their order in time), attached when the case was created.</summary>
    private static void LinkAlerts(NpgsqlConnection connection) => Execute(connection, $"""
        ANALYZE "{BenchRows.SlicesTable}", "{AlertOrderTable}", "Cases";
        INSERT INTO "CaseAlerts" ("CaseId", "AlertId", "Index", "AttachedAt", "AttachedById")
        SELECT c."Id", o."AlertId", '.internal.alerts-security.alerts-default-000001', c."CreatedAt", c."CreatedById"
        FROM "{BenchRows.SlicesTable}" AS s JOIN "Cases" AS c ON c."Number" = s."CaseRow"
            JOIN "{AlertOrderTable}" AS o ON o."Row" BETWEEN s."FirstAlert" AND s."LastAlert"
        ON CONFLICT DO NOTHING;
        DROP TABLE "{BenchRows.SlicesTable}", "{AlertOrderTable}";
        """);

    public static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }
}
