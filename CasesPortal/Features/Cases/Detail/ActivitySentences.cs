using System.Globalization;
using System.Text.Json;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Features.Cases.Detail;

/// <summary>
/// One history line in words: who, what they did, and optionally the case it points to and a note
/// ("Ana Diaz marked it a duplicate of #12").
/// </summary>
public sealed record ActivitySentence(string Actor, string Text, CaseLink? Link = null, string? Note = null)
{
    public override string ToString() => Link is null ? $"{Actor} {Text}" : $"{Actor} {Text} #{Link.Number}";
}

/// <summary>The people and cases history lines name by id, looked up once per page of history.</summary>
public sealed record ActivityNames(IReadOnlyDictionary<string, PersonRef> People, IReadOnlyDictionary<string, CaseLink> Cases)
{
    public static readonly ActivityNames None = new(new Dictionary<string, PersonRef>(), new Dictionary<string, CaseLink>());

    public string Person(string id) => People.TryGetValue(id, out var person) ? person.DisplayName : "a former account";

    public CaseLink Case(string id) => Cases.TryGetValue(id, out var link) ? link : new CaseLink(id, 0, "a deleted case");
}

/// <summary>
/// Turns Kibana-style history payloads (see CaseChangeApplier, CaseService and CommentService for their shapes)
/// into sentences, and tells which people and cases they mention so their names can be loaded first.
/// </summary>
public static class ActivitySentences
{
    public static ActivitySentence Describe(UserActionView action, ActivityNames names)
    {
        var actor = action.CreatedBy.DisplayName;
        var payload = Parse(action.Payload);
        ActivitySentence Say(string text, CaseLink? link = null, string? note = null) => new(actor, text, link, note);

        return (action.Type, action.Action) switch
        {
            (CaseActions.CreateCase, _) => Say("created the case"),
            (CaseActions.Title, _) => Say($"changed the title from “{OldString(action)}” to “{String(payload, "title")}”"),
            (CaseActions.Description, _) => Say(string.IsNullOrEmpty(String(payload, "description")) ? "cleared the description" : "edited the description"),
            (CaseActions.Status, _) => Say(Status(OldString(action), String(payload, "status"))),
            (CaseActions.Severity, _) => (OldString(action), String(payload, "severity")) switch
            {
                ({ Length: > 0 } from, { Length: > 0 } to) => Say($"changed severity from {from} to {to}"),
                (_, { Length: > 0 } to) => Say($"set severity to {to}"),
                _ => Say("changed severity"),
            },
            (CaseActions.Tags, CaseActions.Delete) => Say(Listed("removed", "tag", Strings(payload, "tags"))),
            (CaseActions.Tags, _) => Say(Listed("added", "tag", Strings(payload, "tags"))),
            (CaseActions.Assignees, CaseActions.Delete) => Say($"unassigned {People(action, payload, names)}"),
            (CaseActions.Assignees, _) => Say($"assigned {People(action, payload, names)}"),
            (CaseActions.Category, _) => String(payload, "category") is { Length: > 0 } category
                ? Say($"set the category to {category}")
                : Say("removed the category"),
            (CaseActions.Settings, _) when Setting(payload, "extractObservables") is { } extract => Say($"turned observable extraction {(extract ? "on" : "off")}"),
            (CaseActions.Settings, _) => Say($"turned alert sync {(SyncAlerts(payload) ? "on" : "off")}"),
            (CaseActions.Observable, _) => Say(Observables(action.Action, payload)),
            (CaseActions.CloseReason, _) => CloseReason(payload, names, Say),
            (CaseActions.Comment, CaseActions.Delete) => Say("deleted a comment"),
            (CaseActions.Comment, CaseActions.Update) => Say("edited a comment"),
            (CaseActions.Comment, _) => Say("commented"),
            (CaseActions.Attachment, _) when Evidence(action.Action, payload) is { } evidence => Say(evidence),
            (CaseActions.Attachment, _) => Say(Attachment(action.Action, Property(payload, "attachment") ?? default)),
            (CaseActions.Pushed, _) => Say(Pushed(payload)),
            (CaseActions.DeleteCase, CaseActions.Delete) => Say("moved the case to the Trash"),
            (CaseActions.DeleteCase, _) => Say("restored the case from the Trash"),
            _ => Say($"changed {action.Type.Replace('_', ' ')}"),
        };
    }

    /// <summary>Account ids the lines name besides their authors (assignees), to resolve before describing.</summary>
    public static IEnumerable<string> MentionedPeople(IEnumerable<UserActionView> actions) =>
        actions.Where(a => a.Type is CaseActions.Assignees).SelectMany(a => AssigneeIds(Parse(a.Payload))).Distinct();

    /// <summary>Case ids the lines point to (the case a duplicate duplicates).</summary>
    public static IEnumerable<string> MentionedCases(IEnumerable<UserActionView> actions) =>
        actions.Where(a => a.Type == CaseActions.CloseReason).Select(a => String(Parse(a.Payload), "duplicate_of"))
            .OfType<string>().Where(id => id.Length > 0).Distinct();

    private static string Pushed(JsonElement payload)
    {
        var service = Property(payload, "externalService");
        string? Text(string name) => service is { } s && Property(s, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
        return $"pushed the case to {Text("connector_name") ?? "an external system"} as {Text("external_title") ?? Text("external_id") ?? "an incident"}";
    }

    private static string Status(string? from, string? to)
    {
        if (to == CaseNames.Of(CaseStatus.Closed)) return "closed the case";
        var reopened = from == CaseNames.Of(CaseStatus.Closed);
        return (reopened, to) switch
        {
            (true, "in-progress") => "reopened the case as in progress",
            (true, _) => "reopened the case",
            (false, "in-progress") => "marked the case as in progress",
            _ => "marked the case as open",
        };
    }

    /// <summary>Alerts, events and indicators are counted, not named: one line may stand for ten thousand of them.</summary>
    private static string? Evidence(string verb, JsonElement payload)
    {
        foreach (var (field, unit) in new[] { ("alerts", "alert"), ("events", "event"), ("indicators", "indicator"), ("timelines", "timeline") })
            if (Property(payload, field) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var count))
                return $"{(verb == CaseActions.Delete ? "removed" : "attached")} {count.ToString("N0", CultureInfo.InvariantCulture)} {unit}{(count == 1 ? "" : "s")}";
        return null;
    }

    private static string Attachment(string verb, JsonElement attachment)
    {
        var names = Property(attachment, "files") is { ValueKind: JsonValueKind.Array } files
            ? files.EnumerateArray().Select(f => String(f, "name")).OfType<string>().ToList()
            : [];
        var count = Property(attachment, "count") is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : names.Count;
        var what = count == 1 && names.Count == 1 ? names[0] : $"{count} file{(count == 1 ? "" : "s")}";
        var malicious = Property(attachment, "malicious")?.ValueKind == JsonValueKind.True;
        return verb switch
        {
            CaseActions.Delete => $"removed {what}",
            CaseActions.Update => malicious ? $"marked {what} as malicious" : $"cleared the malicious flag of {what}",
            _ => malicious ? $"attached {what}, marked as malicious" : $"attached {what}",
        };
    }

    private static ActivitySentence CloseReason(JsonElement payload, ActivityNames names, Func<string, CaseLink?, string?, ActivitySentence> say)
    {
        var note = String(payload, "close_reason_note");
        if (!CaseNames.TryParseCloseReason(String(payload, "close_reason"), out var reason)) return say("closed the case", null, note);
        if (reason == Model.CloseReason.Duplicate && String(payload, "duplicate_of") is { Length: > 0 } target)
            return say("marked it a duplicate of", names.Case(target), note);
        return say($"closed the case as {CaseNames.Label(reason).ToLowerInvariant()}", null, note);
    }

    private static string People(UserActionView action, JsonElement payload, ActivityNames names) =>
        Join(AssigneeIds(payload).Select(id => id == action.CreatedBy.UserId ? "themselves" : names.Person(id)).ToList());

    private static string Listed(string verb, string noun, IReadOnlyList<string> items) =>
        $"{verb} {noun}{(items.Count == 1 ? "" : "s")} {string.Join(", ", items)}";

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "nobody",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
    };

    private static bool? Setting(JsonElement payload, string name) =>
        Property(payload, "settings") is { } settings && Property(settings, name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } flag
            ? flag.ValueKind == JsonValueKind.True : null;

    private static string Observables(string verb, JsonElement payload)
    {
        var count = Property(payload, "observables") is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : 1;
        var what = count == 1 ? "an observable" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} observables";
        return verb switch { CaseActions.Delete => $"removed {what}", CaseActions.Update => $"changed {what}", _ => $"added {what}" };
    }

    private static bool SyncAlerts(JsonElement payload) =>
        Property(payload, "settings") is { } settings && Property(settings, "syncAlerts")?.ValueKind == JsonValueKind.True;

    private static IEnumerable<string> AssigneeIds(JsonElement payload) =>
        Property(payload, "assignees") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(a => Property(a, "uid") is { ValueKind: JsonValueKind.String } uid ? uid.GetString() : null)
                .OfType<string>().ToList()
            : [];

    private static IReadOnlyList<string> Strings(JsonElement payload, string name) =>
        Property(payload, name) is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];

    private static string? String(JsonElement payload, string name) =>
        Property(payload, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string? OldString(UserActionView action) =>
        action.OldValue is not null && Parse(action.OldValue) is { ValueKind: JsonValueKind.String } old ? old.GetString() : null;

    // History written by other tools may hold something other than JSON; such a line still reads as a sentence.
    private static JsonElement Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
