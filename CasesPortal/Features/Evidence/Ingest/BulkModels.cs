using System.Text.Json;
using System.Text.Json.Serialization;

namespace CasesPortal.Features.Evidence.Ingest;

/// <summary>Why one document was refused, in Elasticsearch's words (<c>type</c> as its exception names).</summary>
public sealed record BulkError(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("reason")] string Reason)
{
    public static BulkError Parse(string reason) => new("x_content_parse_exception", reason);
    public static BulkError Mapping(string reason) => new("mapper_parsing_exception", reason);
    public static BulkError Illegal(string reason) => new("illegal_argument_exception", reason);
}

/// <summary>The outcome of one input document, as an item of Elasticsearch's <c>_bulk</c> response.</summary>
public sealed record BulkItemResult(
    [property: JsonPropertyName("_id")] string? Id,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("result"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Result,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BulkError? Error)
{
    public const string Created = "created";
    public const string Updated = "updated";

    /// <summary>A STIX object of a type the portal does not store (an identity, a relationship...): accepted, nothing written.</summary>
    public const string Noop = "noop";

    public static BulkItemResult Failed(string? id, BulkError error) => new(id, StatusCodes.Status400BadRequest, null, error);
}

/// <summary>
/// One item of the response, under the name of the action that sent its document, as Elasticsearch answers:
/// <c>{"index":{...}}</c> for a plain document or an <c>index</c> action, <c>{"create":{...}}</c> for a <c>create</c> one.
/// </summary>
[JsonConverter(typeof(BulkResponseItemConverter))]
public sealed record BulkResponseItem(BulkItemResult Index, string Action = BulkResponseItem.IndexAction)
{
    public const string IndexAction = "index";
}

internal sealed class BulkResponseItemConverter : JsonConverter<BulkResponseItem>
{
    public override BulkResponseItem Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
            throw new JsonException("A bulk item is an object with one property, named after its action.");
        var action = reader.GetString()!;
        reader.Read();
        var item = JsonSerializer.Deserialize<BulkItemResult>(ref reader, options) ?? throw new JsonException("A bulk item has no result.");
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject)
            throw new JsonException("A bulk item is an object with one property, named after its action.");
        return new BulkResponseItem(item, action);
    }

    public override void Write(Utf8JsonWriter writer, BulkResponseItem value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(value.Action);
        JsonSerializer.Serialize(writer, value.Index, options);
        writer.WriteEndObject();
    }
}

/// <summary><c>{"took":ms,"errors":bool,"items":[{"index":{...}}]}</c>, one item per input document in order.</summary>
public sealed record BulkResponse(
    [property: JsonPropertyName("took")] long Took,
    [property: JsonPropertyName("errors")] bool Errors,
    [property: JsonPropertyName("items")] IReadOnlyList<BulkResponseItem> Items);

/// <summary>
/// One input document: its UTF-8 JSON, or why it could not even be cut out of the body; <c>Action</c> and <c>ActionId</c>
/// are the name and <c>_id</c> of the Elasticsearch action line before it, if any.
/// </summary>
public sealed record BulkDocument(ReadOnlyMemory<byte> Json, BulkError? Error = null, StixContext? Stix = null, string? ActionId = null,
    string? Action = null);

/// <summary>What the other objects of a STIX bundle tell about an indicator: the names of the identities that made them.</summary>
public sealed record StixContext(IReadOnlyDictionary<string, string> IdentityNames);
