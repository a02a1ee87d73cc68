using System.Security.Claims;
using System.Text.Json;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using CasesPortal.Features.Timelines;
using CasesPortal.Features.Timelines.Api;

namespace CasesPortal.Features.Cases.Api;

/// <summary>Comments and history of a case, at Kibana's paths.</summary>
public static class CaseCommentsApi
{
    public static void MapCaseCommentsApi(this IEndpointRouteBuilder endpoints, RouteGroupBuilder read, RouteGroupBuilder write)
    {
        write.MapPost("/{id}/comments", AddAsync).WithSummary("Add a comment, or attach alerts, events or indicators")
            .WithDescription("Kibana's body: `{\"type\":\"user\",\"comment\":\"...\"}`, `{\"type\":\"alert\",\"alertId\":\"...\"|[...],\"index\":...,\"rule\":{...}}` " +
                "or `{\"type\":\"event\",\"eventId\":...}`. Portal extension: `{\"type\":\"indicator\",\"indicatorId\":\"...\"|[...],\"owner\":\"...\"}` " +
                "attaches threat indicators; `{\"type\":\"timeline\",\"timelineId\":\"...\"}` attaches a timeline (a snapshot of it). At most 10,000 ids at once, one transaction and one history line; answers the case.");
        write.MapPatch("/{id}/comments", UpdateAsync);
        write.MapDelete("/{id}/comments", (string id, ClaimsPrincipal user, CommentService comments, CancellationToken ct) =>
            DeleteAsync(id, null, user, comments, ct));
        write.MapDelete("/{id}/comments/{commentId}", (string id, string commentId, ClaimsPrincipal user, CommentService comments, CancellationToken ct) =>
            DeleteAsync(id, commentId, user, comments, ct));
        read.MapGet("/{id}/comments/_find", FindAsync);
        read.MapGet("/{id}/comments/{commentId}", async (string id, string commentId, CommentService comments, CancellationToken ct) =>
            await comments.GetAsync(id, commentId, ct) is { } comment
                ? Results.Ok(CommentJson.From(comment))
                : ApiResults.Error(StatusCodes.Status404NotFound, $"Comment {commentId} not found in case {id}."));
        read.MapGet("/{id}/user_actions/_find", FindUserActionsAsync);
    }

    private static async Task<IResult> AddAsync(string id, JsonElement body, ClaimsPrincipal user, CommentService comments, CaseQueries queries,
        CaseEvidenceService evidence, CaseTimelineService timelines, CancellationToken ct)
    {
        if (body.ValueKind == JsonValueKind.Object && await CaseEvidenceApi.AttachAsync(id, body, user, evidence, ct) is { } attached)
            return attached.Succeeded ? await CaseWithCommentsAsync(id, queries, comments, ct) : ApiResults.Error(attached.Error!);
        if (body.ValueKind == JsonValueKind.Object && await CaseTimelinesApi.AttachAsync(id, body, user, timelines, ct) is { } timeline)
            return timeline.Succeeded ? await CaseWithCommentsAsync(id, queries, comments, ct) : ApiResults.Error(timeline.Error!);
        if (ReadComment(body) is { Problem: { } problem }) return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
        var fields = new JsonFields(body, "");
        var result = await comments.AddAsync(CaseActor.From(user), id, fields.String("comment"), fields.String("owner"), ct);
        return result.Succeeded ? await CaseWithCommentsAsync(id, queries, comments, ct) : ApiResults.Error(result.Error!);
    }

    private static async Task<IResult> UpdateAsync(string id, JsonElement body, ClaimsPrincipal user, CommentService comments, CaseQueries queries, CancellationToken ct)
    {
        if (ReadComment(body) is { Problem: { } problem }) return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
        var fields = new JsonFields(body, "");
        var commentId = fields.String("id");
        if (string.IsNullOrWhiteSpace(commentId)) return ApiResults.Error(StatusCodes.Status400BadRequest, "id is required (the comment to update).");
        var result = await comments.UpdateAsync(CaseActor.From(user), id, commentId, fields.String("version"), fields.String("comment"), ct);
        return result.Succeeded ? await CaseWithCommentsAsync(id, queries, comments, ct) : ApiResults.Error(result.Error!);
    }

    private static async Task<IResult> DeleteAsync(string id, string? commentId, ClaimsPrincipal user, CommentService comments, CancellationToken ct)
    {
        var result = await comments.DeleteAsync(CaseActor.From(user), id, commentId, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Error(result.Error!);
    }

    private static async Task<IResult> FindAsync(string id, HttpRequest request, CommentService comments, ActivityQueries activity, CancellationToken ct)
    {
        if (!await activity.CaseExistsAsync(id, ct)) return ApiResults.Error(CaseErrors.NotFound(id));
        if (Paging.Read(request.Query) is { Problem: { } problem }) return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
        var paging = Paging.Read(request.Query);
        var (list, total) = await comments.FindAsync(id, paging.Page, paging.PerPage, paging.NewestFirst, ct);
        return TypedResults.Ok(new { page = paging.Page, per_page = paging.PerPage, total, comments = list.Select(CommentJson.From) });
    }

    private static async Task<IResult> FindUserActionsAsync(string id, HttpRequest request, ActivityQueries activity, CancellationToken ct)
    {
        if (!await activity.CaseExistsAsync(id, ct)) return ApiResults.Error(CaseErrors.NotFound(id));
        var paging = Paging.Read(request.Query);
        if (paging.Problem is not null) return ApiResults.Error(StatusCodes.Status400BadRequest, paging.Problem);
        var types = CaseFindParameters.ReadIds(request.Query["types"]) ?? [];
        // Kibana calls comments "user" in this filter.
        types = types.Select(t => t == "user" ? CaseActions.Comment : t).ToList();
        if (types.FirstOrDefault(t => !CaseActions.AllTypes.Contains(t)) is { } unknown)
            return ApiResults.Error(StatusCodes.Status400BadRequest, $"types must be among {string.Join(", ", CaseActions.AllTypes)} (got '{unknown}').");
        var (actions, total) = await activity.FindAsync(id, types, paging.NewestFirst, paging.Page, paging.PerPage, ct);
        return TypedResults.Ok(new Dictionary<string, object>
        {
            ["page"] = paging.Page, ["perPage"] = paging.PerPage, ["total"] = total,
            ["userActions"] = actions.Select(UserActionJson.From),
        });
    }

    private static async Task<IResult> CaseWithCommentsAsync(string id, CaseQueries queries, CommentService comments, CancellationToken ct)
    {
        var item = await queries.GetAsync(id, ct);
        var (list, _) = await comments.FindAsync(id, 1, 100, newestFirst: false, ct);
        return TypedResults.Ok(CaseJson.From(item!, list.Select(CommentJson.From).ToList()));
    }

    private static JsonFields ReadComment(JsonElement body)
    {
        var fields = new JsonFields(body, "");
        if (body.ValueKind != JsonValueKind.Object) fields.Fail("The request body must be a JSON object.");
        else if (fields.String("type") is { } type && type != "user")
            fields.Fail($"type '{type}' is not supported here; comments have type \"user\".");
        return fields;
    }

    internal sealed record Paging(int Page, int PerPage, bool NewestFirst, string? Problem)
    {
        public static Paging Read(IQueryCollection q)
        {
            var page = q["page"].ToString() is { Length: > 0 } p ? (int.TryParse(p, out var v) && v >= 1 ? v : -1) : 1;
            var perPage = q["perPage"].ToString() is { Length: > 0 } pp ? (int.TryParse(pp, out var w) && w is >= 1 and <= 100 ? w : -1) : 20;
            var order = q["sortOrder"].ToString();
            var problem = page < 1 ? "page must be a whole number from 1." : perPage < 1 ? "perPage must be a whole number from 1 to 100."
                : order is "" or "asc" or "desc" ? null : $"sortOrder must be asc or desc (got '{order}').";
            return new Paging(Math.Max(page, 1), Math.Max(perPage, 1), order == "desc", problem);
        }
    }
}
