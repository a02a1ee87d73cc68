using System.Text.Json;

namespace CasesPortal.Features.Evidence.Ingest;

/// <summary>
/// An Elasticsearch <c>_bulk</c> action line (<c>{"index":{"_index":"…","_id":"…"}}</c>). <c>index</c> and <c>create</c>
/// store the document on the next line, under the action's <c>_id</c> when it gives one (both upsert here, so a document
/// sent again is updated rather than refused); <c>update</c> and <c>delete</c> are refused in their item.
/// </summary>
public sealed record BulkAction(string Name, string? Id, string? Problem = null)
{
    private static readonly string[] Names = ["index", "create", "update", "delete"];

    public bool Stores => Problem is null && Name is "index" or "create";

    /// <summary>Whether a document (or an update's body) follows on the next line; it goes with the action, even a refused one.</summary>
    public bool HasBody => Name != "delete";

    public BulkError? Refused => Problem is not null
        ? BulkError.Parse($"The [{Name}] action line is not valid ({Problem}); the document after it is skipped.")
        : Stores
            ? null
            : BulkError.Illegal($"The [{Name}] action is not supported: send each document whole (an [index] action, or one document per line) and it replaces the stored one.");

    /// <summary>
    /// The action when the line is exactly one, an object with a single property named after an action whose value is
    /// an object; null for anything else, which is then read as a document. Most lines are told apart by their first key.
    /// </summary>
    public static BulkAction? Of(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName) return null;
            string? name = null;
            foreach (var candidate in Names)
                if (reader.ValueTextEquals(candidate)) name = candidate;
            if (name is null || !reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            return Parameters(ref reader, name);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The rest of a line that began as an action: past this point a broken line is a broken action, not a document.</summary>
    private static BulkAction? Parameters(ref Utf8JsonReader reader, string name)
    {
        try
        {
            string? id = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("_id");
                reader.Read();
                if (isId && reader.TokenType == JsonTokenType.String) id = reader.GetString();
                else reader.Skip();
            }
            // More keys beside the action ({"index":{..},"event":{..}}) make it a document after all.
            if (reader.TokenType != JsonTokenType.EndObject || !reader.Read() || reader.TokenType != JsonTokenType.EndObject) return null;
            return reader.Read() ? null : new BulkAction(name, id);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return new BulkAction(name, null, JsonProblem.Reason(ex));
        }
    }

    /// <summary>
    /// Whether a line too long to read whole begins as an action: its document line is then skipped with it. Only the
    /// start is read, so a cut-off action counts as one.
    /// </summary>
    public static BulkAction? OfLongLine(ReadOnlySpan<byte> line) => Of(line[..Math.Min(line.Length, 4096)]);
}
