using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace CasesPortal.Tests.Support;

/// <summary>
/// One ServiceNow table behind a <see cref="FakeSystem"/>: the Table API's create, correlation lookup, update, work notes
/// (appended to the journal) and the journal query, each checked for its exact path, query and basic auth, with
/// ServiceNow's answer and error shapes.
/// </summary>
public sealed class FakeServiceNowTable(string table, string user, string password)
{
    private int nextNumber = 10000;

    public ConcurrentDictionary<string, JsonObject> Records { get; } = new();
    public ConcurrentDictionary<string, List<string>> WorkNotes { get; } = new();

    /// <summary>False plays an account without read access to the journal table (ServiceNow answers 403).</summary>
    public bool JournalReadable { get; set; } = true;

    public (int Status, object? Body) Answer(FakeRequest request)
    {
        if (request.Authorization != FakeSystem.Basic(user, password))
            return (401, Error("User Not Authenticated", "Required to provide Auth information"));
        var tablePath = $"/api/now/v2/table/{table}";
        var lookup = $"{tablePath}?sysparm_query=correlation_id=";
        var journalQuery = $"/api/now/v2/table/sys_journal_field?sysparm_query=name%3D{table}%5Eelement_id%3D";
        return (request.Method, request.PathAndQuery) switch
        {
            ("POST", var path) when path == tablePath => Create(request.Body as JsonObject),
            ("GET", var path) when path.StartsWith(lookup, StringComparison.Ordinal) =>
                (200, new { result = Records.Values.Where(r => $"{r["correlation_id"]}" == path[lookup.Length..]).Select(Public).ToArray() }),
            ("PATCH", var path) when path.StartsWith($"{tablePath}/", StringComparison.Ordinal) => Update(path[(tablePath.Length + 1)..], request.Body as JsonObject),
            ("GET", var path) when path.StartsWith(journalQuery, StringComparison.Ordinal) && !JournalReadable =>
                (403, Error("User Not Authorized", "ACL Exception Read Failed due to security constraints")),
            ("GET", var path) when path.StartsWith(journalQuery, StringComparison.Ordinal) && path.EndsWith("%5Eelement%3Dwork_notes&sysparm_fields=value", StringComparison.Ordinal) =>
                (200, new { result = Notes(path[journalQuery.Length..path.IndexOf("%5Eelement%3Dwork_notes", StringComparison.Ordinal)]).Select(value => new { value }).ToArray() }),
            _ => (400, Error("Invalid request", $"{request.Method} {request.PathAndQuery} is not a Table API request this fake knows")),
        };
    }

    private (int, object?) Create(JsonObject? body)
    {
        if (body?["short_description"] is null || body["correlation_id"] is null) return (400, Error("Mandatory fields missing", "short_description, correlation_id"));
        var sysId = Guid.NewGuid().ToString("N");
        var record = (JsonObject)body.DeepClone();
        record.Remove("work_notes");
        (record["sys_id"], record["number"]) = (sysId, $"INC{Interlocked.Increment(ref nextNumber):D7}");
        Records[sysId] = record;
        WorkNotes[sysId] = [];
        AppendNote(sysId, body["work_notes"]);
        return (201, new { result = Public(record) });
    }

    private (int, object?) Update(string sysId, JsonObject? body)
    {
        if (!Records.TryGetValue(sysId, out var record) || body is null)
            return (404, Error("No Record found", "Record doesn't exist or ACL restricts the record retrieval"));
        lock (record)
            foreach (var (name, value) in body)
                if (name != "work_notes") record[name] = value?.DeepClone();
        AppendNote(sysId, body["work_notes"]);
        return (200, new { result = Public(record) });
    }

    private void AppendNote(string sysId, JsonNode? note)
    {
        if (note is null) return;
        var notes = WorkNotes[sysId];
        lock (notes) notes.Add(note.ToString());
    }

    private IReadOnlyList<string> Notes(string sysId)
    {
        if (!WorkNotes.TryGetValue(sysId, out var notes)) return [];
        lock (notes) return [.. notes];
    }

    private static JsonObject Public(JsonObject record)
    {
        lock (record) return (JsonObject)record.DeepClone();
    }

    private static object Error(string message, string detail) => new { error = new { message, detail }, status = "failure" };
}
