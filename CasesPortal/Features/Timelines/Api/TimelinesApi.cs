using System.Security.Claims;
using System.Text.Json;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Api;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using CasesPortal.Features.Timelines.Query;

namespace CasesPortal.Features.Timelines.Api;

/// <summary><c>/api/timelines</c>: saved timelines and their query over the stored events. Viewers read; Analysts, Leads and Admins write.</summary>
public static class TimelinesApi
{
    public static IEndpointRouteBuilder MapTimelinesApi(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/timelines").RequireAuthorization(AccountPolicies.ApiRead).WithTags("Timelines");
        var write = endpoints.MapGroup("/api/timelines").RequireAuthorization(AccountPolicies.ApiWrite).WithTags("Timelines");

        read.MapGet("/_find", FindAsync).WithSummary("Saved timelines, most recently changed first")
            .WithDescription("`search` (in titles), `page`, `perPage` (≤ 100). Answers `{page, perPage, total, timelines:[{id, title, description, query, pinnedEventCount, updatedAt, updatedBy}]}`.");
        read.MapPost("/_query", QueryAsync).WithSummary("Run a query over the stored events")
            .WithDescription("Body `{query, filters:[{field, operator: is|is_not|is_one_of|exists, values, disabled, negate}], from, to, page, perPage}`. " +
                "Answers `{page, perPage, total, totalIsLowerBound, events:[{_id, @timestamp, document}]}`, newest first; the total is exact up to 10,000. " +
                "A syntax error is a 400 with its `position` (0-based); a query past the time budget is stopped and answered with a 400 saying so.");
        write.MapPost("/", CreateAsync).WithSummary("Save a timeline")
            .WithDescription("Body `{title, description, query, filters, range:{relative:\"24h\"}|{from,to}, columns, sortField, sort: desc|asc}`; `sortField` is `@timestamp` (the default) or an indexed field.");
        read.MapGet("/{id}", async (string id, TimelineService timelines, CancellationToken ct) =>
            await timelines.GetAsync(id, ct) is { } timeline ? Results.Ok(TimelineJson.From(timeline)) : ApiResults.Error(StatusCodes.Status404NotFound, $"Timeline {id} not found."));
        write.MapPatch("/{id}", UpdateAsync).WithSummary("Change a timeline").WithDescription("Any fields of the create body plus the `version` you read; a stale version is a 409.");
        write.MapDelete("/{id}", async (string id, ClaimsPrincipal user, TimelineService timelines, CancellationToken ct) =>
            await timelines.DeleteAsync(CaseActor.From(user), id, ct) is { Succeeded: false } failed ? ApiResults.Error(failed.Error!) : TypedResults.NoContent());
        write.MapPost("/{id}/pinned_events", PinAsync).WithSummary("Pin or unpin an event").WithDescription("Body `{eventId, pinned: true|false}`; answers the timeline.");
        write.MapPost("/{id}/notes", AddNoteAsync).WithSummary("Add a note").WithDescription("Body `{note, eventId?}` (Markdown); answers the timeline.");
        write.MapDelete("/{id}/notes/{noteId}", async (string id, string noteId, ClaimsPrincipal user, TimelineService timelines, CancellationToken ct) =>
                await timelines.DeleteNoteAsync(CaseActor.From(user), id, noteId, ct) is { Succeeded: false } failed ? ApiResults.Error(failed.Error!) : TypedResults.NoContent())
            .WithSummary("Delete a note").WithDescription("Its author may; Leads and Admins may delete anyone's. Answers 204.");
        return endpoints;
    }

    private static async Task<IResult> FindAsync(HttpRequest request, TimelineService timelines, CancellationToken ct)
    {
        var paging = CaseCommentsApi.Paging.Read(request.Query);
        if (paging.Problem is not null) return ApiResults.Error(StatusCodes.Status400BadRequest, paging.Problem);
        var (items, total) = await timelines.FindAsync(request.Query["search"].ToString(), paging.Page, paging.PerPage, ct);
        return TypedResults.Ok(new Dictionary<string, object>
        {
            ["page"] = paging.Page, ["perPage"] = paging.PerPage, ["total"] = total,
            ["timelines"] = items.Select(t => new TimelineListItemJson(t.Id, t.Title, t.Description, t.Query, t.PinnedEvents, t.UpdatedAt, UserJson.From(t.UpdatedBy))),
        });
    }

    private static async Task<IResult> QueryAsync(JsonElement body, TimelineEventSearch search, CancellationToken ct)
    {
        var (request, problem) = TimelineRequests.ReadSearch(body);
        if (problem is not null) return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
        var result = await search.FindAsync(request!, ct);
        if (result.Error is { } error)
            return TypedResults.Json(new Dictionary<string, object>
            {
                ["statusCode"] = 400, ["error"] = "Bad Request", ["message"] = $"Invalid query: {error}", ["position"] = error.Position,
            }, statusCode: StatusCodes.Status400BadRequest);
        return result.Succeeded ? TypedResults.Ok(TimelineQueryJson.From(result.Value!)) : ApiResults.Error(StatusCodes.Status400BadRequest, result.Problem!);
    }

    private static async Task<IResult> CreateAsync(JsonElement body, ClaimsPrincipal user, TimelineService timelines, CancellationToken ct)
    {
        var (input, _, problem) = TimelineRequests.ReadTimeline(body);
        if (problem is not null) return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
        return Answer(await timelines.CreateAsync(CaseActor.From(user), input!, ct));
    }

    private static async Task<IResult> UpdateAsync(string id, JsonElement body, ClaimsPrincipal user, TimelineService timelines, CancellationToken ct)
    {
        var (input, version, problem) = TimelineRequests.ReadTimeline(body);
        if (problem is not null) return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
        return Answer(await timelines.UpdateAsync(CaseActor.From(user), id, version, input!, ct));
    }

    private static async Task<IResult> PinAsync(string id, JsonElement body, ClaimsPrincipal user, TimelineService timelines, CancellationToken ct)
    {
        var fields = new JsonFields(body, "");
        var eventId = body.ValueKind == JsonValueKind.Object ? fields.String("eventId") : null;
        if (fields.Problem is not null || string.IsNullOrWhiteSpace(eventId)) return ApiResults.Error(StatusCodes.Status400BadRequest, fields.Problem ?? "eventId is required.");
        var result = await timelines.PinAsync(CaseActor.From(user), id, eventId, fields.Bool("pinned") ?? true, ct);
        return result.Succeeded ? Results.Ok(TimelineJson.From((await timelines.GetAsync(id, ct))!)) : ApiResults.Error(result.Error!);
    }

    private static async Task<IResult> AddNoteAsync(string id, JsonElement body, ClaimsPrincipal user, TimelineService timelines, CancellationToken ct)
    {
        if (body.ValueKind != JsonValueKind.Object) return ApiResults.Error(StatusCodes.Status400BadRequest, "The request body must be a JSON object.");
        var fields = new JsonFields(body, "");
        var (note, eventId) = (fields.String("note"), fields.String("eventId"));
        if (fields.Problem is not null) return ApiResults.Error(StatusCodes.Status400BadRequest, fields.Problem);
        var result = await timelines.AddNoteAsync(CaseActor.From(user), id, eventId, note, ct);
        return result.Succeeded ? Results.Ok(TimelineJson.From((await timelines.GetAsync(id, ct))!)) : ApiResults.Error(result.Error!);
    }

    private static IResult Answer(ServiceResult<TimelineView> result) =>
        result.Succeeded ? TypedResults.Ok(TimelineJson.From(result.Value!)) : ApiResults.Error(result.Error!);
}
