using System.Globalization;
using System.Text.Json;

namespace CasesPortal.Features.Evidence.Ingest;

/// <summary>
/// The fields of one ECS document by their dotted names, whether the sender nested them (<c>{"host":{"name":..}}</c>),
/// dotted them (<c>{"host.name":..}</c>) or mixed both, as Elasticsearch treats them alike.
/// Only the fields the portal indexes are kept; all are counted against the field limit.
/// </summary>
public sealed class EcsFields
{
    private readonly Dictionary<string, JsonElement> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> wanted;
    private readonly HashSet<string> wantedPrefixes;

    private EcsFields(HashSet<string> wanted, HashSet<string> wantedPrefixes) => (this.wanted, this.wantedPrefixes) = (wanted, wantedPrefixes);

    public int FieldCount { get; private set; }

    /// <summary>The set of dotted names to keep, and every prefix of them (to skip sub-objects that hold none).</summary>
    public static (HashSet<string> Wanted, HashSet<string> Prefixes) Schema(IEnumerable<string> names)
    {
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in wanted)
            for (var dot = name.IndexOf('.'); dot > 0; dot = name.IndexOf('.', dot + 1))
                prefixes.Add(name[..dot]);
        return (wanted, prefixes);
    }

    public static EcsFields Read(JsonElement root, (HashSet<string> Wanted, HashSet<string> Prefixes) schema)
    {
        var fields = new EcsFields(schema.Wanted, schema.Prefixes);
        fields.Walk(root, null);
        return fields;
    }

    private void Walk(JsonElement element, string? path)
    {
        foreach (var property in element.EnumerateObject())
        {
            FieldCount++;
            var name = path is null ? property.Name : string.Concat(path, ".", property.Name);
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Object)
            {
                // A wanted object (a rule's threat written as one object) is kept as well as counted.
                if (wanted.Contains(name)) values.TryAdd(name, value);
                if (wantedPrefixes.Contains(name)) Walk(value, name);
                else FieldCount += CountFields(value);
            }
            else if (wanted.Contains(name))
            {
                // The first spelling wins when a sender gives both forms of one field.
                values.TryAdd(name, value);
            }
            else if (value.ValueKind == JsonValueKind.Array)
            {
                FieldCount += CountFields(value);
            }
        }
    }

    private static int CountFields(JsonElement element)
    {
        var count = 0;
        if (element.ValueKind == JsonValueKind.Object)
            foreach (var property in element.EnumerateObject()) count += 1 + CountFields(property.Value);
        else if (element.ValueKind == JsonValueKind.Array)
            foreach (var item in element.EnumerateArray()) count += CountFields(item);
        return count;
    }

    /// <summary>Adds a field found outside the document (the <c>_id</c> of a search hit), unless the document has it.</summary>
    public void Add(string name, JsonElement value) => values.TryAdd(name, value);

    /// <summary>Sets a field given outside the document (the <c>_id</c> of an Elasticsearch action line), over the document's own.</summary>
    public void Set(string name, JsonElement value) => values[name] = value;

    public bool Has(string name) => values.ContainsKey(name);

    /// <summary>The field as text; for an array (as <c>host.ip</c> often is), its first value.</summary>
    public string? Text(string name, int maxLength = Model.EcsRecord.KeywordMaxLength) =>
        values.TryGetValue(name, out var value) ? Limit(Scalar(value.ValueKind == JsonValueKind.Array ? First(value) : value), maxLength) : null;

    /// <summary>The field as text, an array's values joined with commas (<c>event.category</c>).</summary>
    public string? Joined(string name, int maxLength = Model.EcsRecord.KeywordMaxLength)
    {
        if (!values.TryGetValue(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Array) return Limit(Scalar(value), maxLength);
        var parts = value.EnumerateArray().Select(Scalar).Where(p => p is not null).ToList();
        return parts.Count == 0 ? null : Limit(string.Join(",", parts), maxLength);
    }

    /// <summary>The field's raw JSON when it is of the given kind (an array of objects, say); null otherwise.</summary>
    public string? Json(string name, JsonValueKind kind) =>
        values.TryGetValue(name, out var value) && value.ValueKind == kind ? value.GetRawText() : null;

    /// <summary>A number, or <c>(null, error)</c> when the field holds something else.</summary>
    public (double? Value, BulkError? Error) Number(string name)
    {
        if (!values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null) return (null, null);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)) return (number, null);
        // NaN and the infinities parse as doubles but are not numbers a store or a filter can hold.
        if (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            && double.IsFinite(parsed))
            return (parsed, null);
        return (null, BulkError.Mapping($"failed to parse field [{name}] of type [float]: {value.GetRawText()}"));
    }

    /// <summary>A date as ECS writes it (ISO 8601, or epoch milliseconds), or an error naming the field.</summary>
    public (DateTimeOffset? Value, BulkError? Error) Date(string name)
    {
        if (!values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null) return (null, null);
        return ParseDate(value) is { } date
            ? (date, null)
            : (null, BulkError.Mapping($"failed to parse field [{name}] of type [date]: {value.GetRawText()}"));
    }

    internal static DateTimeOffset? ParseDate(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var millis) && millis is > -62135596800000 and < 253402300800000)
            return DateTimeOffset.FromUnixTimeMilliseconds(millis);
        if (value.ValueKind != JsonValueKind.String) return null;
        var text = value.GetString();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return parsed;
        // Elasticsearch's default date format also takes epoch milliseconds written as a string.
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out millis) && millis is > -62135596800000 and < 253402300800000
            ? DateTimeOffset.FromUnixTimeMilliseconds(millis)
            : null;
    }

    private static JsonElement First(JsonElement array)
    {
        foreach (var item in array.EnumerateArray()) return item;
        return default;
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static string? Limit(string? text, int maxLength) => text is null || text.Length <= maxLength ? text : text[..maxLength];
}
