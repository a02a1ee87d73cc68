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

public sealed record BulkResponseItem([property: JsonPropertyName("index")] BulkItemResult Index);

/// <summary><c>{"took":ms,"errors":bool,"items":[{"index":{...}}]}</c>, one item per input document in order.</summary>
public sealed record BulkResponse(
    [property: JsonPropertyName("took")] long Took,
    [property: JsonPropertyName("errors")] bool Errors,
    [property: JsonPropertyName("items")] IReadOnlyList<BulkResponseItem> Items);

/// <summary>
/// One input document: its UTF-8 JSON, or why it could not even be cut out of the body; <c>ActionId</c> is the
/// <c>_id</c> of the Elasticsearch action line before it, if any.
/// </summary>
public sealed record BulkDocument(ReadOnlyMemory<byte> Json, BulkError? Error = null, StixContext? Stix = null, string? ActionId = null);

/// <summary>What the other objects of a STIX bundle tell about an indicator: the names of the identities that made them.</summary>
public sealed record StixContext(IReadOnlyDictionary<string, string> IdentityNames);
