using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using CasesPortal.Features.Cases.Api;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;

namespace CasesPortal.Features.Timelines.Api;

public sealed record CaseTimelineJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("timelineId")] string TimelineId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("filters")] IReadOnlyList<TimelineFilterJson> Filters,
    [property: JsonPropertyName("range")] TimelineRangeJson Range,
    [property: JsonPropertyName("eventCount")] int? EventCount,
    [property: JsonPropertyName("eventCountIsLowerBound")] bool EventCountIsLowerBound,
    [property: JsonPropertyName("pinnedEventIds")] IReadOnlyList<string> PinnedEventIds,
    [property: JsonPropertyName("attachedAt")] DateTimeOffset AttachedAt,
    [property: JsonPropertyName("attachedBy")] UserJson AttachedBy)
{
    public static CaseTimelineJson From(CaseTimelineView v) => new(v.Id, v.Snapshot.TimelineId, v.Snapshot.Title, v.Snapshot.Query,
        TimelineFilterJson.From(v.Snapshot.Filters), TimelineRangeJson.Of(v.Snapshot.Range), v.Snapshot.EventCount, v.Snapshot.EventCountIsAtLeast,
        v.Snapshot.PinnedEventIds, v.AttachedAt, UserJson.From(v.AttachedBy));
}

/// <summary>
/// Timelines of a case: attached through <c>POST /api/cases/{id}/comments</c> with <c>{"type":"timeline","timelineId":"..."}</c>,
/// listed with <c>GET /api/cases/{id}/timelines</c> and removed with <c>DELETE /api/cases/{id}/timelines/{attachmentId}</c>.
/// </summary>
public static class CaseTimelinesApi
{
    public const string CommentType = "timeline";

    public static void MapCaseTimelinesApi(this IEndpointRouteBuilder endpoints, RouteGroupBuilder read, RouteGroupBuilder write)
    {
        read.MapGet("/{id}/timelines", async (string id, CaseQueries cases, CaseTimelineService timelines, CancellationToken ct) =>
            await cases.GetAsync(id, ct) is null
                ? ApiResults.Error(CaseErrors.NotFound(id))
                : Results.Ok((await timelines.ListAsync(id, ct)).Select(CaseTimelineJson.From)))
            .WithSummary("The case's timelines (portal extension)").WithDescription("Snapshots taken when each was attached, newest first.");
        write.MapDelete("/{id}/timelines/{attachmentId}", async (string id, string attachmentId, ClaimsPrincipal user, CaseTimelineService timelines,
            CancellationToken ct) => await timelines.DetachAsync(CaseActor.From(user), id, attachmentId, ct) is { Succeeded: false } failed
                ? ApiResults.Error(failed.Error!) : TypedResults.NoContent());
    }

    /// <summary>Attaches what a <c>type: timeline</c> comment names; null means the body was not such a comment.</summary>
    public static async Task<ServiceResult<CaseTimelineView>?> AttachAsync(string caseId, JsonElement body, ClaimsPrincipal user, CaseTimelineService timelines,
        CancellationToken ct)
    {
        if (!body.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != CommentType) return null;
        var fields = new JsonFields(body, "");
        var timelineId = fields.String("timelineId");
        if (fields.Problem is not null) return ServiceError.Invalid(fields.Problem);
        return await timelines.AttachAsync(CaseActor.From(user), caseId, timelineId, ct);
    }
}
