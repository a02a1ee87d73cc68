using System.Diagnostics;
using CasesPortal.Data;
using CasesPortal.Features.Cases.Evidence;
using Microsoft.Data.Sqlite;

namespace CasesPortal.Hosting.Benchmark;

/// <summary>What the measurements need to know about the built database.</summary>
public sealed record BenchFacts(string BigCaseId, long BigCaseNumber, int BigCaseAlerts, string BusiestHost, DateTimeOffset Now, TimeSpan BuildTime);

/// <summary>
/// Fills a migrated, empty SQLite database with the benchmark's data by hand-written bulk SQL: prepared inserts in
/// big transactions with the secondary indexes and the full-text trigger dropped meanwhile and rebuilt once at the
/// end, and the case-to-alert links made by one <c>INSERT … SELECT</c>. No HTTP, no EF: minutes for millions of rows.
/// Another engine gets a builder of its own beside this one.
/// </summary>
public sealed class SqliteBenchBuilder(string databaseFile, BenchSize size, TextWriter log)
{
    private static readonly string[] BulkTables = ["Alerts", "SecurityEvents", "CaseAlerts", "Cases", "CaseUserActions", "CaseComments",
        "CaseStatusPeriods", "CaseTags", "CaseAssignees"];

    public BenchFacts Build()
    {
        var started = Stopwatch.GetTimestamp();
        var now = DateTimeOffset.UtcNow;
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=false");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
        var indexes = DropIndexes(connection);
        var analysts = Write(connection, sink => BenchRows.Analysts(sink, now));

        Step("alerts", () => Write(connection, sink => BenchRows.Alerts(sink, size)));
        Step("events", () => Write(connection, sink => BenchRows.Events(sink, size, now)));
        var cases = new BenchCases(size, analysts, now);
        var big = Step("cases", () =>
        {
            Execute(connection, $"CREATE TEMP TABLE \"{BenchRows.SlicesTable}\" (\"CaseRow\" INTEGER NOT NULL, \"FirstAlert\" INTEGER NOT NULL, \"LastAlert\" INTEGER NOT NULL);");
            return Write(connection, sink => BenchRows.Cases(sink, cases));
        });
        Step("alert links", () => LinkAlerts(connection));
        Step("alert figures", () => Execute(connection, $"BEGIN; {CaseAlertFacets.CountInSql("""SELECT "CaseId", "AlertId" FROM "CaseAlerts" """)}; COMMIT;"));
        Step("case copies", () => Execute(connection, $"BEGIN; {CaseMirror.Refresh} COMMIT;"));
        Step("indexes", () =>
        {
            foreach (var sql in indexes) Execute(connection, sql);
            Execute(connection, EventTextIndex.Rebuild);
        });
        Execute(connection, "PRAGMA journal_mode = WAL;");
        return new BenchFacts(big, cases.BigCaseNumber, size.BigCaseAlerts, BenchEvents.BusiestHost, now, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The facts and the size of a database an earlier run built: the case with the most alerts is the big case.</summary>
    public static (BenchFacts Facts, BenchSize Size) Read(string databaseFile, BenchSize size)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c."Id", c."Number", f."Alerts", (SELECT COUNT(*) FROM "Cases"), (SELECT COUNT(*) FROM "Alerts"), (SELECT COUNT(*) FROM "SecurityEvents")
            FROM "CaseAlertFacets" AS f JOIN "Cases" AS c ON c."Id" = f."CaseId" WHERE f."Kind" = 0 ORDER BY f."Alerts" DESC LIMIT 1
            """;
        using var reader = command.ExecuteReader();
        if (!reader.Read()) throw new InvalidOperationException($"{databaseFile} holds no case with alerts: it was not built by the benchmark.");
        var facts = new BenchFacts(reader.GetString(0), reader.GetInt64(1), reader.GetInt32(2), BenchEvents.BusiestHost, DateTimeOffset.UtcNow, TimeSpan.Zero);
        return (facts, size with { Cases = reader.GetInt32(3), Alerts = reader.GetInt32(4), Events = reader.GetInt32(5) });
    }

    private T Step<T>(string what, Func<T> work) => BenchStep.Run(log, what, work);

    private void Step(string what, Action work) => BenchStep.Run(log, what, work);

    /// <summary>Rows of <see cref="BenchRows"/> by prepared inserts in big transactions, committed when <paramref name="rows"/> returns.</summary>
    private static T Write<T>(SqliteConnection connection, Func<IBenchRowSink, T> rows)
    {
        using var writer = new BulkWriter(connection);
        return rows(writer);
    }

    private static void Write(SqliteConnection connection, Action<IBenchRowSink> rows) => Write(connection, sink => { rows(sink); return 0; });

    /// <summary>
    /// Drops the secondary indexes, the full-text insert trigger and the case-copy triggers (the copies are set once after
    /// the load) of the bulk tables; answers the SQL that restores them.
    /// </summary>
    private static List<string> DropIndexes(SqliteConnection connection)
    {
        var found = new List<(string Type, string Name, string Sql)>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ((type = 'index' AND tbl_name IN (" +
                string.Join(", ", BulkTables.Select(t => $"'{t}'")) + ")) OR (type = 'trigger' AND name IN (" +
                string.Join(", ", CaseMirror.Triggers.Select(t => t.Name).Append("SecurityEvents_text_insert").Select(n => $"'{n}'")) + ")))";
            using var reader = read.ExecuteReader();
            while (reader.Read()) found.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (type, name, _) in found) Execute(connection, $"DROP {type.ToUpperInvariant()} \"{name}\";");
        return found.Select(f => f.Sql + ";").ToList();
    }

    /// <summary>Each case's contiguous slice of alerts (the alerts are stored in time order), attached when the case was created.</summary>
    private static void LinkAlerts(SqliteConnection connection) => Execute(connection, """
        BEGIN;
        INSERT OR IGNORE INTO "CaseAlerts" ("CaseId", "AlertId", "Index", "AttachedAt", "AttachedById")
        SELECT c."Id", a."Id", '.internal.alerts-security.alerts-default-000001', c."CreatedAt", c."CreatedById"
        FROM "BenchSlices" AS s JOIN "Cases" AS c ON c.rowid = s."CaseRow" JOIN "Alerts" AS a ON a.rowid BETWEEN s."FirstAlert" AND s."LastAlert";
        COMMIT;
        DROP TABLE "BenchSlices";
        """);

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}
