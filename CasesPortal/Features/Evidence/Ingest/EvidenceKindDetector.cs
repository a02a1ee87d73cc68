using System.Text.Json;
using CasesPortal.Features.Evidence.Model;

namespace CasesPortal.Features.Evidence.Ingest;

/// <summary>Guesses what a file holds from its first document, for the Import page; null when it is not obvious.</summary>
public static class EvidenceKindDetector
{
    public static EvidenceKind? Detect(IEnumerable<BulkDocument> documents, IngestOptions limits)
    {
        var first = documents.FirstOrDefault(d => d.Error is null);
        if (first is null) return null;
        try
        {
            using var document = JsonDocument.Parse(first.Json, BulkBodyReader.Options(limits));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("_source", out var source) && source.ValueKind == JsonValueKind.Object) root = source;
            // A STIX object (or a bundle's first object) has "type" and an id like "indicator--<uuid>".
            if (first.Stix is not null || BulkBodyReader.IsBundle(root)
                || (root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString()!.Contains("--", StringComparison.Ordinal)))
                return EvidenceKind.Indicators;
            if (HasField(root, "threat.indicator")) return EvidenceKind.Indicators;
            if (HasField(root, "kibana.alert")) return EvidenceKind.Alerts;
            if (HasField(root, "event") || HasField(root, "@timestamp")) return EvidenceKind.Events;
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether the field (e.g. kibana.alert) or anything under it is there, nested, dotted or mixed.</summary>
    private static bool HasField(JsonElement element, string field, string? path = null)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = path is null ? property.Name : string.Concat(path, ".", property.Name);
            if (name == field || name.StartsWith(field + ".", StringComparison.Ordinal)) return true;
            if (property.Value.ValueKind == JsonValueKind.Object && field.StartsWith(name + ".", StringComparison.Ordinal)
                && HasField(property.Value, field, name))
                return true;
        }
        return false;
    }
}
