using System.Text.Json;
using CasesPortal.Features.Evidence.Ingest;

namespace CasesPortal.Features.Evidence.Explore.Indicators;

/// <summary>
/// What a STIX indicator says about itself beyond the indexed fields, for its details panel: its name, description,
/// labels and kinds, its whole pattern (of which the indexed value is one comparison), and until when it is valid, so an
/// analyst sees at once that an expired one should not be acted on.
/// </summary>
public sealed record IndicatorDescription(string? Name, string? Description, string? Labels, DateTimeOffset? ValidUntil, string? Pattern = null)
{
    public static readonly IndicatorDescription None = new(null, null, null, null);

    public bool IsExpired(DateTimeOffset now) => ValidUntil is { } until && until <= now;

    public static IndicatorDescription Of(string document)
    {
        try
        {
            using var json = JsonDocument.Parse(document);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return None;
            var labels = Strings(root, "labels").Concat(Strings(root, "indicator_types")).Distinct().ToList();
            return new IndicatorDescription(Text(root, "name"), Text(root, "description"), labels.Count == 0 ? null : string.Join(", ", labels),
                root.TryGetProperty("valid_until", out var until) ? EcsFields.ParseDate(until) : null, Text(root, "pattern"));
        }
        catch (JsonException)
        {
            return None;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<string> Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)
            : [];
}
