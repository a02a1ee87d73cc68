using System.Text.Json;

namespace CasesPortal.Features.Cases.Evidence;

/// <summary>An event's stored document, indented for reading.</summary>
public static class EventDocument
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Pretty(string document)
    {
        try
        {
            using var parsed = JsonDocument.Parse(document);
            return JsonSerializer.Serialize(parsed.RootElement, Indented);
        }
        catch (JsonException)
        {
            return document;
        }
    }
}
