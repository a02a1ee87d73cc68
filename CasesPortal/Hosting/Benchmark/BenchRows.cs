using System.Text.Json;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Hosting.Benchmark;

/// <summary>Where an engine's builder writes rows: one writer per table, values in the order of the columns named.</summary>
public interface IBenchRowSink
{
    Action<object?[]> Into(string table, params string[] columns);
}

/// <summary>
/// The benchmark's rows, table by table, as every engine stores them (times as UTC ticks, flags as 0/1): the same
/// generators and seeds, so each engine's builder writes identical data in its own fastest way.
/// </summary>
public static class BenchRows
{
    /// <summary>The helper table of each case's contiguous slice of alerts (by alert ordinal), made into links by the builder.</summary>
    public const string SlicesTable = "BenchSlices";

    public static List<string> Analysts(IBenchRowSink sink, DateTimeOffset now)
    {
        var random = new Random(7);
        var ids = new List<string>();
        var add = sink.Into("AspNetUsers", "Id", "DisplayName", "IsDisabled", "TimeZoneId", "DarkMode", "CreatedAt", "UserName", "NormalizedUserName",
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

    /// <summary>The alerts in time order; with <paramref name="ordinals"/>, each one's ordinal (from 1) and id go there too.</summary>
    public static void Alerts(IBenchRowSink sink, BenchSize size, Action<object?[]>? ordinals = null)
    {
        var add = sink.Into("Alerts", "Id", "Timestamp", "RuleName", "RuleUuid", "Severity", "RiskScore", "WorkflowStatus", "Reason", "HostId", "HostName",
            "HostOsName", "HostIp", "UserName", "ProcessName", "EventCategory", "EventAction", "EventOutcome", "Document", "IngestedAt", "UpdatedAt", "Revision");
        var now = DateTimeOffset.UtcNow.UtcTicks;
        long ordinal = 0;
        foreach (var part in new BenchAlerts(size.Alerts).Parts(10_000))
            foreach (var a in part)
            {
                add([a.Id, a.TimestampTicks, a.RuleName, a.RuleUuid, a.Severity, a.RiskScore, "open", a.Reason, a.HostId, a.HostName,
                    a.HostOs, a.HostIp, a.UserName, a.ProcessName, "process", "start", "success", a.Document, now, now, 1]);
                ordinals?.Invoke([++ordinal, a.Id]);
            }
    }

    public static void Events(IBenchRowSink sink, BenchSize size, DateTimeOffset now)
    {
        var add = sink.Into("SecurityEvents", "Id", "Timestamp", "HostId", "HostName", "HostOsName", "UserName", "SourceIp", "DestinationIp", "ProcessName",
            "EventCategory", "EventAction", "EventOutcome", "Message", "Document", "IngestedAt", "UpdatedAt", "Revision");
        foreach (var e in new BenchEvents(size.Events, now).All())
            add([e.Id, e.TimestampTicks, e.HostId, e.HostName, e.HostOs, e.UserName, e.SourceIp, e.DestinationIp, e.ProcessName,
                e.Category, e.Action, e.Outcome, e.Message, e.Document, now.UtcTicks, now.UtcTicks, 1]);
    }

    /// <summary>
    /// Cases with their stays, history, comments, tags and assignees; their alert slices go to <see cref="SlicesTable"/>
    /// (which the builder has made). Answers the big case's id.
    /// </summary>
    public static string Cases(IBenchRowSink sink, BenchCases cases)
    {
        var addCase = sink.Into("Cases", "Id", "Number", "Title", "Description", "Status", "Severity", "Category", "Owner", "SyncAlerts", "CloseReason",
            "CreatedAt", "CreatedById", "UpdatedAt", "UpdatedById", "ClosedAt", "ClosedById", "DurationSeconds", "CommentCount", "Version",
            "AcknowledgedAt", "ExtractObservables", "InProgressSeconds", "TimeToAcknowledgeSeconds");
        var addStay = sink.Into("CaseStatusPeriods", "CaseId", "Status", "StartedAt", "EndedAt");
        var addHistory = sink.Into("CaseUserActions", "Id", "CaseId", "Type", "Action", "OldValue", "Payload", "CommentId", "CreatedAt", "CreatedById");
        var addComment = sink.Into("CaseComments", "Id", "CaseId", "Body", "Owner", "CreatedAt", "CreatedById", "Version");
        var addTag = sink.Into("CaseTags", "CaseId", "NormalizedTag", "Tag");
        var addAssignee = sink.Into("CaseAssignees", "CaseId", "UserId");
        var addSlice = sink.Into(SlicesTable, "CaseRow", "FirstAlert", "LastAlert");
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
}

/// <summary>One timed step of a build, logged as "  what… 1.2 s".</summary>
public static class BenchStep
{
    public static T Run<T>(TextWriter log, string what, Func<T> work)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        log.Write($"  {what}…");
        var result = work();
        log.WriteLine($" {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s");
        return result;
    }

    public static void Run(TextWriter log, string what, Action work) => Run(log, what, () => { work(); return 0; });
}
