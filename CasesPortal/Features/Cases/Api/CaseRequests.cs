using System.Text.Json;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Features.Cases.Api;

/// <summary>Turns Kibana-shaped request bodies into service input, naming the field at fault.</summary>
public static class CaseRequests
{
    public static (NewCase? Case, List<string> Assignees, string? Problem) ReadNew(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, [], "The request body must be a JSON object.");
        var f = new JsonFields(body, "");
        var severity = f.Enum<CaseSeverity>("severity", CaseNames.TryParseSeverity, CaseNames.All<CaseSeverity>(CaseNames.Of));
        var input = new NewCase(
            f.String("title"),
            f.String("description") ?? "",
            f.Strings("tags"),
            severity ?? CaseSeverity.Low,
            f.String("category"),
            null,
            f.Object("settings")?.Bool("syncAlerts") ?? true,
            f.String("owner"),
            f.Object("settings")?.Bool("extractObservables") ?? true);
        var assignees = f.Uids("assignees") ?? [];
        return (f.Problem is null ? input : null, assignees, f.Problem);
    }

    /// <summary>Reads <c>{"cases":[...]}</c>; assignee keys are resolved by the caller.</summary>
    public static (List<(CaseChanges Changes, List<string>? Assignees)> Batch, string? Problem) ReadPatch(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("cases", out var cases) || cases.ValueKind != JsonValueKind.Array)
            return ([], "The request body must be {\"cases\":[{\"id\":\"...\",\"version\":\"...\", ...changes}]}.");
        var batch = new List<(CaseChanges, List<string>?)>();
        var index = 0;
        foreach (var item in cases.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) return ([], $"cases[{index}] must be an object.");
            var f = new JsonFields(item, $" (cases[{index}])");
            var changes = new CaseChanges(f.String("id") ?? "", f.String("version"))
            {
                Title = f.String("title"),
                Description = f.String("description"),
                Status = f.Enum<CaseStatus>("status", CaseNames.TryParseStatus, CaseNames.All<CaseStatus>(CaseNames.Of)),
                Severity = f.Enum<CaseSeverity>("severity", CaseNames.TryParseSeverity, CaseNames.All<CaseSeverity>(CaseNames.Of)),
                Tags = f.Strings("tags"),
                Category = f.Has("category") ? new Given<string?>(f.String("category")) : null,
                SyncAlerts = f.Object("settings")?.Bool("syncAlerts"),
                ExtractObservables = f.Object("settings")?.Bool("extractObservables"),
                CloseReason = f.Enum<CloseReason>("close_reason", CaseNames.TryParseCloseReason, CaseNames.All<CloseReason>(CaseNames.Of)),
                CloseReasonNote = f.String("close_reason_note"),
                DuplicateOfId = f.String("duplicate_of"),
            };
            var assignees = f.Uids("assignees");
            if (f.Problem is not null) return ([], f.Problem);
            if (string.IsNullOrWhiteSpace(changes.Id)) return ([], $"id is required (cases[{index}]).");
            batch.Add((changes, assignees));
            index++;
        }
        return (batch, null);
    }
}
