using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace CasesPortal.Tests.Support;

/// <summary>
/// One IBM Resilient organisation behind a <see cref="FakeSystem"/>: incidents created, read and patched with
/// <c>changes</c>, and their comments added and listed, each checked for its exact path, query and basic auth.
/// </summary>
public sealed class FakeResilientOrg(string orgId, string keyId, string keySecret)
{
    private int nextId = 3000;

    public ConcurrentDictionary<string, JsonObject> Incidents { get; } = new();
    public ConcurrentDictionary<string, List<string>> Comments { get; } = new();

    public (int Status, object? Body) Answer(FakeRequest request)
    {
        if (request.Authorization != FakeSystem.Basic(keyId, keySecret)) return (401, Error("Unauthorized"));
        var incidents = $"/rest/orgs/{orgId}/incidents";
        var path = request.PathAndQuery;
        var id = path.StartsWith($"{incidents}/", StringComparison.Ordinal) ? path[(incidents.Length + 1)..].Split('/', '?')[0] : "";
        return (request.Method, path) switch
        {
            ("POST", _) when path == $"{incidents}?text_content_output_format=objects_convert" => Create(request.Body as JsonObject),
            ("GET", _) when path == $"{incidents}/{id}?text_content_output_format=objects_convert" && Incidents.TryGetValue(id, out var incident) => (200, incident.DeepClone()),
            ("PATCH", _) when path == $"{incidents}/{id}" && Incidents.ContainsKey(id) => Patch(id, request.Body?["changes"] as JsonArray),
            ("POST", _) when path == $"{incidents}/{id}/comments" && Comments.TryGetValue(id, out var list) => AddComment(list, request.Body),
            ("GET", _) when path == $"{incidents}/{id}/comments?text_content_output_format=always_text" && Comments.TryGetValue(id, out var list) => (200, Listed(list)),
            _ => (404, Error($"{request.Method} {path}: not found")),
        };
    }

    private (int, object?) Create(JsonObject? body)
    {
        if (body?["name"] is null || body["description"]?["format"]?.ToString() != "html" || body["discovered_date"] is null)
            return (400, Error("Validation failed: name, description{format:html}, discovered_date are required"));
        var id = $"{Interlocked.Increment(ref nextId)}";
        var incident = (JsonObject)body.DeepClone();
        incident["id"] = long.Parse(id);
        Incidents[id] = incident;
        Comments[id] = [];
        return (200, incident.DeepClone());
    }

    private (int, object?) Patch(string id, JsonArray? changes)
    {
        if (changes is null || changes.Any(c => c?["field"]?["name"] is null || c["new_value"] is null)) return (400, Error("changes are malformed"));
        var incident = Incidents[id];
        lock (incident)
            foreach (var change in changes)
                incident[change!["field"]!["name"]!.ToString()] = (change["new_value"] as JsonObject)?.FirstOrDefault().Value?.DeepClone();
        return (200, new { success = true, title = (string?)null, message = (string?)null, hints = Array.Empty<string>() });
    }

    private static (int, object?) AddComment(List<string> list, JsonNode? body)
    {
        if (body?["text"]?["format"]?.ToString() != "text" || body["text"]?["content"] is not { } content) return (400, Error("text{format,content} is required"));
        lock (list) list.Add(content.ToString());
        return (200, new { id = list.Count, text = new { format = "html", content = $"<div>{content}</div>" } });
    }

    private static object Listed(List<string> list)
    {
        lock (list) return list.Select((text, i) => new { id = i + 1, text }).ToArray();
    }

    private static object Error(string message) => new { success = false, title = (string?)null, message, hints = Array.Empty<string>() };
}
