using System.Text.Json;

namespace CasesPortal.Features.Evidence.Ingest;

/// <summary>
/// Cuts a request body (or an imported file) into documents: NDJSON, one per line (or Elasticsearch's own <c>_bulk</c>
/// body, an action line before each document, as Logstash, Beats and other Elasticsearch clients send it); a JSON array,
/// one per element; a single JSON object (e.g. a pretty-printed STIX bundle, whose objects each become a document).
/// </summary>
public static class BulkBodyReader
{
    /// <summary>The documents of the body, or why the body as a whole is not NDJSON or JSON.</summary>
    public static (IEnumerable<BulkDocument>? Documents, string? Problem) Read(ReadOnlyMemory<byte> body, IngestOptions limits)
    {
        var start = SkipWhitespace(body.Span);
        if (start == body.Length)
            return (null, "The body is empty: send NDJSON (one JSON document per line) or a JSON array of documents.");
        var first = body.Span[start];
        if (first is not (byte)'{' and not (byte)'[')
            return (null, "The body is not JSON: send NDJSON (one JSON document per line) or a JSON array of documents.");

        var (whole, error) = WholeDocument(body[start..], limits);
        var where = error is null ? "" : Describe(error, body.Span[..start].Count((byte)'\n'));
        if (first == (byte)'[')
            return whole is null
                ? (null, $"The body starts as a JSON array but is not valid JSON: {where}. Send a valid array, or NDJSON to have bad lines reported one by one.")
                : (Elements(whole, limits), null);
        if (whole is not null) return (Single(whole, limits), null);
        return IsSpreadOverLines(body.Span[start..])
            ? (null, $"The body is one JSON object written over several lines, and it is not valid JSON: {where}. Mend it, or send NDJSON (one document per line) to have bad lines reported one by one.")
            : (Lines(body, limits), null);
    }

    private static (JsonDocument? Document, JsonException? Error) WholeDocument(ReadOnlyMemory<byte> json, IngestOptions limits)
    {
        try
        {
            // NDJSON fails here at the start of its second line, so guessing costs one line's parse.
            return (JsonDocument.Parse(json, Options(limits)), null);
        }
        catch (JsonException ex)
        {
            return (null, ex);
        }
    }

    /// <summary>The parser's complaint and where it is in the body, counting the blank lines before the JSON.</summary>
    private static string Describe(JsonException error, int linesBefore) =>
        $"{JsonProblem.Reason(error).TrimEnd('.')} ({JsonProblem.Position(error, linesBefore)})";

    /// <summary>
    /// Whether a body that is not valid JSON is one object written over several lines (pretty-printed), rather than
    /// NDJSON: its first line only opens a value, and its second does not start a document. Read as NDJSON, each of its
    /// lines would be refused on its own, which says nothing about where the object breaks. NDJSON whose first line is
    /// cut short still has a document on its second, and keeps its good lines.
    /// </summary>
    private static bool IsSpreadOverLines(ReadOnlySpan<byte> json)
    {
        var end = json.IndexOf((byte)'\n');
        if (end < 0 || !OnlyOpensAValue(json[..end])) return false;
        var rest = json[(end + 1)..];
        var next = SkipWhitespace(rest);
        return next == rest.Length || rest[next] != (byte)'{';
    }

    /// <summary>Whether the line is the valid start of a JSON value that goes on past it.</summary>
    private static bool OnlyOpensAValue(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
                if (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) return false;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    internal static JsonDocumentOptions Options(IngestOptions limits) => new() { MaxDepth = 64 };

    private static IEnumerable<BulkDocument> Elements(JsonDocument array, IngestOptions limits)
    {
        using (array)
        {
            foreach (var element in array.RootElement.EnumerateArray())
                yield return Raw(element, limits, null);
        }
    }

    private static IEnumerable<BulkDocument> Single(JsonDocument document, IngestOptions limits)
    {
        using (document)
        {
            var root = document.RootElement;
            if (IsBundle(root) && root.TryGetProperty("objects", out var objects) && objects.ValueKind == JsonValueKind.Array)
            {
                var context = new StixContext(IdentityNames(objects));
                foreach (var element in objects.EnumerateArray())
                    yield return Raw(element, limits, context);
            }
            else
            {
                yield return Raw(root, limits, null);
            }
        }
    }

    private static BulkDocument Raw(JsonElement element, IngestOptions limits, StixContext? stix)
    {
        var bytes = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element);
        return bytes.Length > limits.MaxLineBytes
            ? new BulkDocument(ReadOnlyMemory<byte>.Empty, TooLarge(bytes.Length, limits))
            : new BulkDocument(bytes.ToArray(), null, stix);
    }

    private static IEnumerable<BulkDocument> Lines(ReadOnlyMemory<byte> body, IngestOptions limits)
    {
        BulkAction? pending = null;
        var position = 0;
        while (position < body.Length)
        {
            var rest = body[position..];
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            position += end < 0 ? rest.Length : end + 1;

            if (line.Span.StartsWith("\uFEFF"u8)) line = line[3..];
            if (SkipWhitespace(line.Span) == line.Length) continue;
            if (line.Length > limits.MaxLineBytes)
            {
                BulkAction? itemOf;
                if (pending is { } owner)
                {
                    // The document of an action; a refused action (an update's body) has had its item already.
                    pending = null;
                    if (!owner.Stores) continue;
                    itemOf = owner;
                }
                else
                {
                    // An action line too long to read takes its own document line with it.
                    itemOf = BulkAction.OfLongLine(line.Span);
                    pending = itemOf is { HasBody: true } action ? action with { Problem = "too long" } : null;
                }
                yield return new BulkDocument(ReadOnlyMemory<byte>.Empty, TooLarge(line.Length, limits), ActionId: itemOf?.Id, Action: itemOf?.Name);
            }
            else if (pending is { } action)
            {
                // The line after an action is its document (or, for an update, the update's body, already refused).
                pending = null;
                if (action.Stores) yield return new BulkDocument(line, ActionId: action.Id, Action: action.Name);
            }
            else if (BulkAction.Of(line.Span) is { } next)
            {
                if (next.Refused is { } refused) yield return new BulkDocument(ReadOnlyMemory<byte>.Empty, refused, ActionId: next.Id, Action: next.Name);
                if (next.HasBody) pending = next;
            }
            else
            {
                yield return new BulkDocument(line);
            }
        }
        if (pending is { Stores: true } last)
            yield return new BulkDocument(ReadOnlyMemory<byte>.Empty, BulkError.Parse($"The [{last.Name}] action line is the last line: its document line is missing."),
                ActionId: last.Id, Action: last.Name);
    }

    internal static bool IsBundle(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type)
        && type.ValueKind == JsonValueKind.String && type.ValueEquals("bundle");

    private static Dictionary<string, string> IdentityNames(JsonElement objects)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in objects.EnumerateArray())
        {
            if (o.ValueKind == JsonValueKind.Object && o.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.ValueEquals("identity")
                && o.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && o.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                names[id.GetString()!] = name.GetString()!;
        }
        return names;
    }

    private static BulkError TooLarge(int bytes, IngestOptions limits) =>
        BulkError.Illegal($"The document is {bytes:N0} bytes; the limit is {limits.MaxLineBytes:N0} bytes per document (setting Ingest:MaxLineBytes).");

    private static int SkipWhitespace(ReadOnlySpan<byte> span)
    {
        var i = 0;
        // A UTF-8 byte order mark, as some editors write it, counts as whitespace.
        if (span.StartsWith("\uFEFF"u8)) i = 3;
        while (i < span.Length && span[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return i;
    }
}
