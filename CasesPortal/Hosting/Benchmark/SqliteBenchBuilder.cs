using System.Diagnostics;
using System.Text.Json;
using CasesPortal.Data;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
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
        var analysts = InsertAnalysts(connection, now);

        Step("alerts", () => InsertAlerts(connection));
        Step("events", () => InsertEvents(connection, now));
        var cases = new BenchCases(size, analysts, now);
        var big = Step("cases", () => InsertCases(connection, cases));
        Step("alert links", () => LinkAlerts(connection));
        Step("alert figures", () => Execute(connection, $"BEGIN; {CaseAlertFacets.CountInSql("""SELECT "CaseId", "AlertId" FROM "CaseAlerts" """)}; COMMIT;"));
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

    private T Step<T>(string what, Func<T> work)
    {
        var started = Stopwatch.GetTimestamp();
        log.Write($"  {what}…");
        var result = work();
        log.WriteLine($" {Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s");
        return result;
    }

    private void Step(string what, Action work) => Step(what, () => { work(); return 0; });

    /// <summary>Drops the secondary indexes and the full-text insert trigger of the bulk tables; answers the SQL that restores them.</summary>
    private static List<string> DropIndexes(SqliteConnection connection)
    {
        var found = new List<(string Type, string Name, string Sql)>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ((type = 'index' AND tbl_name IN (" +
                string.Join(", ", BulkTables.Select(t => $"'{t}'")) + ")) OR (type = 'trigger' AND name = 'SecurityEvents_text_insert'))";
            using var reader = read.ExecuteReader();
            while (reader.Read()) found.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (type, name, _) in found) Execute(connection, $"DROP {type.ToUpperInvariant()} \"{name}\";");
        return found.Select(f => f.Sql + ";").ToList();
    }

    private static List<string> InsertAnalysts(SqliteConnection connection, DateTimeOffset now)
    {
        var random = new Random(7);
        var ids = new List<string>();
        using var writer = new BulkWriter(connection);
        var add = writer.Into("AspNetUsers", "Id", "DisplayName", "IsDisabled", "TimeZoneId", "DarkMode", "CreatedAt", "UserName", "NormalizedUserName",
            "Email", "NormalizedEmail", "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount");
        for (var i = 1; i <= 40; i++)
        {
            var id = BenchCases.DeterministicId(random);
            var email = $"analyst{i:D2}@soc.example";
            add([id, $"Analyst {i:D2}", 0, "UTC", 0, now.UtcTicks, email, email.ToUpperInvariant(), email, email.ToUpperInvariant(), 1,
                Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString(), 0, 0, 1, 0]);
            ids.Add(id);
        }
        return ids;
    }

    private void InsertAlerts(SqliteConnection connection)
    {
        using var writer = new BulkWriter(connection);
        var add = writer.Into("Alerts", "Id", "Timestamp", "RuleName", "RuleUuid", "Severity", "RiskScore", "WorkflowStatus", "Reason", "HostId", "HostName",
            "HostOsName", "HostIp", "UserName", "ProcessName", "EventCategory", "EventAction", "EventOutcome", "Document", "IngestedAt", "UpdatedAt", "Revision");
        var now = DateTimeOffset.UtcNow.UtcTicks;
        foreach (var part in new BenchAlerts(size.Alerts).Parts(10_000))
            foreach (var a in part)
                add([a.Id, a.TimestampTicks, a.RuleName, a.RuleUuid, a.Severity, a.RiskScore, "open", a.Reason, a.HostId, a.HostName,
                    a.HostOs, a.HostIp, a.UserName, a.ProcessName, "process", "start", "success", a.Document, now, now, 1]);
    }

    private void InsertEvents(SqliteConnection connection, DateTimeOffset now)
    {
        using var writer = new BulkWriter(connection);
        var add = writer.Into("SecurityEvents", "Id", "Timestamp", "HostId", "HostName", "HostOsName", "UserName", "SourceIp", "DestinationIp", "ProcessName",
            "EventCategory", "EventAction", "EventOutcome", "Message", "Document", "IngestedAt", "UpdatedAt", "Revision");
        foreach (var e in new BenchEvents(size.Events, now).All())
            add([e.Id, e.TimestampTicks, e.HostId, e.HostName, e.HostOs, e.UserName, e.SourceIp, e.DestinationIp, e.ProcessName,
                e.Category, e.Action, e.Outcome, e.Message, e.Document, now.UtcTicks, now.UtcTicks, 1]);
    }

    /// <summary>Cases with their stays, history, comments, tags and assignees; their alert slices go to a temporary table. Answers the big case's id.</summary>
    private static string InsertCases(SqliteConnection connection, BenchCases cases)
    {
        Execute(connection, "CREATE TEMP TABLE \"BenchSlices\" (\"CaseRow\" INTEGER NOT NULL, \"FirstAlert\" INTEGER NOT NULL, \"LastAlert\" INTEGER NOT NULL);");
        using var writer = new BulkWriter(connection);
        var addCase = writer.Into("Cases", "Id", "Number", "Title", "Description", "Status", "Severity", "Category", "Owner", "SyncAlerts", "CloseReason",
            "CreatedAt", "CreatedById", "UpdatedAt", "UpdatedById", "ClosedAt", "ClosedById", "DurationSeconds", "CommentCount", "Version",
            "AcknowledgedAt", "ExtractObservables", "InProgressSeconds", "TimeToAcknowledgeSeconds");
        var addStay = writer.Into("CaseStatusPeriods", "CaseId", "Status", "StartedAt", "EndedAt");
        var addHistory = writer.Into("CaseUserActions", "Id", "CaseId", "Type", "Action", "OldValue", "Payload", "CommentId", "CreatedAt", "CreatedById");
        var addComment = writer.Into("CaseComments", "Id", "CaseId", "Body", "Owner", "CreatedAt", "CreatedById", "Version");
        var addTag = writer.Into("CaseTags", "CaseId", "NormalizedTag", "Tag");
        var addAssignee = writer.Into("CaseAssignees", "CaseId", "UserId");
        var addSlice = writer.Into("BenchSlices", "CaseRow", "FirstAlert", "LastAlert");
        var big = "";
        foreach (var c in cases.All())
        {
            if (c.Number == cases.BigCaseNumber) big = c.Id;
            var closed = c.Status == CaseStatus.Closed;
            var last = c.Stays[^1];
            addCase([c.Id, c.Number, c.Title, c.Description, (int)c.Status, (int)c.Severity, c.Category, Case.DefaultOwner, 1, (int?)c.CloseReason,
                c.CreatedAt.UtcTicks, c.CreatedById, c.UpdatedAt.UtcTicks, last.ById, c.ClosedAt?.UtcTicks, closed ? last.ById : null,
                closed ? (long)(c.ClosedAt!.Value - c.CreatedAt).TotalSeconds : null, c.Comments.Count, c.Stays.Count + c.Comments.Count,
                c.AcknowledgedAt?.UtcTicks, 1, c.InProgressSeconds, c.AcknowledgedAt is { } ack ? (long)(ack - c.CreatedAt).TotalSeconds : null]);
            foreach (var tag in c.Tags) addTag([c.Id, CaseRules.NormalizeTag(tag), tag]);
            foreach (var user in c.Assignees) addAssignee([c.Id, user]);
            History(addHistory, c.Id, CaseActions.CreateCase, CaseActions.Create, c.CreatedAt, c.CreatedById, new
            {
                title = c.Title, description = c.Description, tags = c.Tags, severity = CaseNames.Of(c.Severity), status = "open",
                assignees = c.Assignees.Select(uid => new { uid }), category = c.Category,
                settings = new { syncAlerts = true, extractObservables = true }, owner = Case.DefaultOwner,
            });
            History(addHistory, c.Id, CaseActions.Attachment, CaseActions.Create, c.CreatedAt, c.CreatedById, new Dictionary<string, int> { ["alerts"] = c.AlertCount });
            for (var i = 0; i < c.Stays.Count; i++)
            {
                var stay = c.Stays[i];
                addStay([c.Id, (int)stay.Status, stay.Start.UtcTicks, stay.End?.UtcTicks]);
                if (i > 0) History(addHistory, c.Id, CaseActions.Status, CaseActions.Update, stay.Start, stay.ById, new { status = CaseNames.Of(stay.Status) }, CaseNames.Of(c.Stays[i - 1].Status));
            }
            foreach (var comment in c.Comments)
            {
                addComment([comment.Id, c.Id, comment.Body, Case.DefaultOwner, comment.At.UtcTicks, comment.ById, 1]);
                History(addHistory, c.Id, CaseActions.Comment, CaseActions.Create, comment.At, comment.ById,
                    new { comment = new { comment = comment.Body, type = "user", owner = Case.DefaultOwner } }, commentId: comment.Id);
            }
            addSlice([c.Number, c.FirstAlert, c.FirstAlert + c.AlertCount - 1]);
        }
        return big;
    }

    private static void History(Action<object?[]> add, string caseId, string type, string action, DateTimeOffset at, string by, object payload,
        string? oldValue = null, string? commentId = null) =>
        add([Guid.NewGuid().ToString(), caseId, type, action, oldValue is null ? null : JsonSerializer.Serialize(oldValue), JsonSerializer.Serialize(payload), commentId, at.UtcTicks, by]);

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
