using System.Text.Json;

namespace CasesPortal.Features.Timelines;

/// <summary>Reads ECS fields out of a stored document, nested (<c>{"host":{"name":..}}</c>), dotted (<c>{"host.name":..}</c>) or mixed.</summary>
public static class EventFields
{
    /// <summary>The chosen fields of one document as display text (arrays joined with ", ").</summary>
    public static Dictionary<string, string> Read(string document, IEnumerable<string> fields)
    {
        using var json = JsonDocument.Parse(document);
        return fields.Distinct().ToDictionary(f => f, f => Find(json.RootElement, f) is { } value ? Text(value) : "");
    }

    private static JsonElement? Find(JsonElement node, string path)
    {
        if (node.ValueKind != JsonValueKind.Object) return null;
        if (node.TryGetProperty(path, out var whole)) return whole;
        // Try every split point: "process.parent.name" may be {"process":{"parent.name":..}} or {"process.parent":{"name":..}}.
        for (var dot = path.IndexOf('.'); dot > 0; dot = path.IndexOf('.', dot + 1))
            if (node.TryGetProperty(path[..dot], out var child) && Find(child, path[(dot + 1)..]) is { } found)
                return found;
        return null;
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Text)),
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };
}
