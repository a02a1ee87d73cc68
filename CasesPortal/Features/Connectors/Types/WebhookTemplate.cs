using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CasesPortal.Features.Connectors.Types;

/// <summary>
/// Kibana's case-management webhook templates: <c>{{{case.title}}}</c> and friends become JSON values in bodies
/// (strings quoted and escaped, tags an array) and URL-encoded text in addresses.
/// </summary>
public static partial class WebhookTemplate
{
    [GeneratedRegex(@"\{\{\{\s*([a-z._]+)\s*\}\}\}")]
    private static partial Regex Variable();

    public static Dictionary<string, object?> Values(PushIncident? incident, ExternalRef? external, string? comment = null) => new()
    {
        ["case.id"] = incident?.CaseId,
        ["case.title"] = incident?.Title,
        ["case.description"] = incident?.Description,
        ["case.tags"] = incident?.Tags,
        ["case.status"] = incident?.Status,
        ["case.severity"] = incident?.Severity,
        ["case.comment"] = comment,
        ["external.system.id"] = external?.Id,
        ["external.system.title"] = external?.Title,
    };

    public static string Body(string template, IReadOnlyDictionary<string, object?> values) =>
        Variable().Replace(template, m => JsonSerializer.Serialize(values.GetValueOrDefault(m.Groups[1].Value)));

    public static string Url(string template, IReadOnlyDictionary<string, object?> values) =>
        Variable().Replace(template, m => Uri.EscapeDataString(values.GetValueOrDefault(m.Groups[1].Value)?.ToString() ?? ""));

    /// <summary>Reads a dotted key (<c>id</c>, <c>data.key</c>, <c>issues.0.id</c>) from a JSON answer.</summary>
    public static string? Read(JsonNode? node, string key)
    {
        foreach (var part in key.Split('.', StringSplitOptions.RemoveEmptyEntries))
            node = node switch
            {
                JsonObject o => o[part],
                JsonArray a when int.TryParse(part, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
        return node is JsonValue v ? v.ToString() : null;
    }
}
