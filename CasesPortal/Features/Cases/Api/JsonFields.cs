using System.Text.Json;

namespace CasesPortal.Features.Cases.Api;

/// <summary>
/// Reads request fields from a JSON object with a clear message for the wrong type. Unknown fields are ignored,
/// as Kibana's clients send fields (connector, customFields, ...) the portal does not use yet.
/// </summary>
public sealed class JsonFields(JsonElement obj, string where)
{
    public string? Problem { get; private set; }

    public bool Has(string name) => obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out _);

    public bool IsNull(string name) => obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Null;

    public string? String(string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        Fail($"{name} must be a string{where}.");
        return null;
    }

    public bool? Bool(string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        Fail($"{name} must be true or false{where}.");
        return null;
    }

    public List<string>? Strings(string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            Fail($"{name} must be an array of strings{where}.");
            return null;
        }
        return value.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>Kibana's assignees: <c>[{"uid":"..."}]</c>.</summary>
    public List<string>? Uids(string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v =>
                v.ValueKind != JsonValueKind.Object || !v.TryGetProperty("uid", out var uid) || uid.ValueKind != JsonValueKind.String))
        {
            Fail($"{name} must be an array of objects like {{\"uid\":\"...\"}}{where}.");
            return null;
        }
        return value.EnumerateArray().Select(v => v.GetProperty("uid").GetString()!).ToList();
    }

    public JsonFields? Object(string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Object) return new JsonFields(value, $" in {name}{where}");
        Fail($"{name} must be an object{where}.");
        return null;
    }

    public T? Enum<T>(string name, TryParse<T> parse, IEnumerable<string> allowed) where T : struct
    {
        var text = String(name);
        if (text is null) return null;
        if (parse(text, out var value)) return value;
        Fail($"{name} must be one of {string.Join(", ", allowed)}{where} (got '{text}').");
        return null;
    }

    public delegate bool TryParse<T>(string? text, out T value);

    public void Fail(string message) => Problem ??= message;
}
