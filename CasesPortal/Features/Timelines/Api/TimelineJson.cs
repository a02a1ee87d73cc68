using System.Text.Json;
using System.Text.Json.Serialization;
using CasesPortal.Features.Cases.Api;
using CasesPortal.Features.Timelines.Model;
using CasesPortal.Features.Timelines.Query;

namespace CasesPortal.Features.Timelines.Api;

public sealed record TimelineFilterJson(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("operator")] string Operator,
    [property: JsonPropertyName("values")] IReadOnlyList<string> Values,
    [property: JsonPropertyName("disabled")] bool Disabled,
    [property: JsonPropertyName("negate")] bool Negate)
{
    public static IReadOnlyList<TimelineFilterJson> From(IEnumerable<TimelineFilter> filters) =>
        filters.Select(f => new TimelineFilterJson(f.Field, f.Operator, f.Values, f.Disabled, f.Negate)).ToList();
}

public sealed record TimelineRangeJson(
    [property: JsonPropertyName("relative"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Relative,
    [property: JsonPropertyName("from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? From,
    [property: JsonPropertyName("to"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? To)
{
    public static TimelineRangeJson Of(TimelineRange range) => new(range.Relative, range.From, range.To);
}

public sealed record TimelineNoteJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("eventId")] string? EventId,
    [property: JsonPropertyName("note")] string Note,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("createdBy")] UserJson CreatedBy)
{
    public static TimelineNoteJson From(TimelineNoteView n) => new(n.Id, n.EventId, n.Text, n.CreatedAt, UserJson.From(n.CreatedBy));
}

/// <summary>A timeline in API responses (camelCase, as Kibana's timeline API writes it).</summary>
public sealed record TimelineJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("filters")] IReadOnlyList<TimelineFilterJson> Filters,
    [property: JsonPropertyName("range")] TimelineRangeJson Range,
    [property: JsonPropertyName("columns")] IReadOnlyList<string> Columns,
    [property: JsonPropertyName("sortField")] string SortField,
    [property: JsonPropertyName("sort")] string Sort,
    [property: JsonPropertyName("pinnedEventIds")] IReadOnlyList<string> PinnedEventIds,
    [property: JsonPropertyName("notes")] IReadOnlyList<TimelineNoteJson> Notes,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("createdBy")] UserJson CreatedBy,
    [property: JsonPropertyName("updatedAt")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("updatedBy")] UserJson UpdatedBy,
    [property: JsonPropertyName("version")] string Version)
{
    public static TimelineJson From(TimelineView t) => new(t.Id, t.Title, t.Description, t.Query, TimelineFilterJson.From(t.Filters),
        TimelineRangeJson.Of(t.Range), t.Columns, t.SortField, t.SortAscending ? "asc" : "desc", t.Pins.Select(p => p.EventId).ToList(),
        t.Notes.Select(TimelineNoteJson.From).ToList(), t.CreatedAt, UserJson.From(t.CreatedBy), t.UpdatedAt, UserJson.From(t.UpdatedBy), t.Version);
}

public sealed record TimelineListItemJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("pinnedEventCount")] int PinnedEventCount,
    [property: JsonPropertyName("updatedAt")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("updatedBy")] UserJson UpdatedBy);

public sealed record TimelineEventJson(
    [property: JsonPropertyName("_id")] string Id,
    [property: JsonPropertyName("@timestamp")] DateTimeOffset? Timestamp,
    [property: JsonPropertyName("document")] JsonElement Document);

public sealed record TimelineQueryJson(
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("perPage")] int PerPage,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("totalIsLowerBound")] bool TotalIsLowerBound,
    [property: JsonPropertyName("events")] IReadOnlyList<TimelineEventJson> Events)
{
    public static TimelineQueryJson From(TimelineEventsPage page) => new(page.Page, page.PerPage, page.Total, page.TotalIsAtLeast,
        page.Events.Select(e => new TimelineEventJson(e.Id, e.Timestamp, JsonDocument.Parse(e.Document).RootElement.Clone())).ToList());
}
