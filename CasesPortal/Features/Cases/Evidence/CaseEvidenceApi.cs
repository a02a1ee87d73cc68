using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using CasesPortal.Features.Cases.Api;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;

namespace CasesPortal.Features.Cases.Evidence;

public sealed record AlertLinkJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("index")] string Index,
    [property: JsonPropertyName("attached_at")] DateTimeOffset AttachedAt);

public sealed record IndicatorLinkJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("provider")] string? Provider,
    [property: JsonPropertyName("confidence")] string? Confidence,
    [property: JsonPropertyName("last_seen")] DateTimeOffset? LastSeen,
    [property: JsonPropertyName("attached_at")] DateTimeOffset AttachedAt);

public sealed record IndicatorLinksJson(
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("per_page")] int PerPage,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("indicators")] IReadOnlyList<IndicatorLinkJson> Indicators);

public sealed record CaseTotalsJson([property: JsonPropertyName("alerts")] int Alerts, [property: JsonPropertyName("userComments")] int UserComments);

public sealed record CaseOfAlertJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("totals")] CaseTotalsJson Totals);

/// <summary>
/// Alerts and events of cases at Kibana's paths: attached through <c>POST /api/cases/{id}/comments</c> with type
/// <c>alert</c> or <c>event</c>, listed per case and per alert, and removed (a portal extension). Indicators go the same
/// way with type <c>indicator</c> and <c>indicatorId</c> (a portal extension), listed a page at a time.
/// </summary>
public static class CaseEvidenceApi
{
    /// <summary>The alerts index Kibana names when a client leaves <c>index</c> out.</summary>
    public const string DefaultAlertsIndex = ".alerts-security.alerts-default";

    public static void MapCaseEvidenceApi(this IEndpointRouteBuilder endpoints, RouteGroupBuilder read, RouteGroupBuilder write)
    {
        // A literal first segment outranks "{id}", so /api/cases/alerts/x never reaches the case routes.
        read.MapGet("/alerts/{alertId}", async (string alertId, CaseEvidenceService evidence, CancellationToken ct) =>
            TypedResults.Ok((await evidence.CasesOfAlertAsync(alertId, ct)).Select(c => new CaseOfAlertJson(c.Id, c.Title, c.Description,
                CaseNames.Of(c.Status), c.CreatedAt, new CaseTotalsJson(c.TotalAlerts, c.TotalComments)))));
        read.MapGet("/{id}/alerts", async (string id, CaseEvidenceService evidence, CancellationToken ct) =>
            await evidence.AlertLinksAsync(id, ct) is { } links
                ? Results.Ok(links.Select(l => new AlertLinkJson(l.AlertId, l.Index ?? DefaultAlertsIndex, l.AttachedAt)))
                : ApiResults.Error(CaseErrors.NotFound(id)));
        read.MapGet("/{id}/indicators", ListIndicatorsAsync).WithSummary("The case's indicators (portal extension)")
            .WithDescription("Most recently seen first; `page`, `perPage` (≤ 100). Answers `{page, per_page, total, indicators:[{id, type, value, provider, confidence, last_seen, attached_at}]}`.");
        foreach (var kind in CaseEvidenceKind.All)
            write.MapDelete($"/{{id}}/{kind.Plural}/{{evidenceId}}", async (string id, string evidenceId, ClaimsPrincipal user, CaseEvidenceService evidence,
                CancellationToken ct) => Removed(await evidence.DetachAsync(CaseActor.From(user), id, kind, [evidenceId], ct)));
    }

    private static async Task<IResult> ListIndicatorsAsync(string id, HttpRequest request, CaseEvidenceService evidence, CancellationToken ct)
    {
        if (CaseCommentsApi.Paging.Read(request.Query) is { Problem: { } problem }) return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
        var paging = CaseCommentsApi.Paging.Read(request.Query);
        return await evidence.ListIndicatorsAsync(id, paging.Page, paging.PerPage, ct) is { } page
            ? TypedResults.Ok(new IndicatorLinksJson(paging.Page, paging.PerPage, page.Total, page.Items.Select(i =>
                new IndicatorLinkJson(i.Id, i.Type, i.Value, i.Provider, i.Confidence, i.LastSeen, i.AttachedAt)).ToList()))
            : ApiResults.Error(CaseErrors.NotFound(id));
    }

    /// <summary>Attaches what a <c>type: alert</c>, <c>event</c> or <c>indicator</c> comment names; null means the body was not such a comment.</summary>
    public static async Task<ServiceResult<int>?> AttachAsync(string caseId, JsonElement body, ClaimsPrincipal user, CaseEvidenceService evidence,
        CancellationToken ct)
    {
        var type = body.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var kind = CaseEvidenceKind.All.FirstOrDefault(k => k.Singular == type);
        if (kind is null) return null;
        var (refs, problem) = ReadRefs(body, kind.IdField);
        if (problem is not null) return ServiceError.Invalid(problem);
        return await evidence.AttachAsync(CaseActor.From(user), caseId, EvidenceSelection.Of(kind, refs), ct);
    }

    private static (List<EvidenceRef> Refs, string? Problem) ReadRefs(JsonElement body, string idField)
    {
        if (Strings(body, idField) is not { Count: > 0 } ids) return ([], $"{idField} is required: one id or an array of ids.");
        if (ids.Any(string.IsNullOrWhiteSpace)) return ([], $"{idField} must not hold empty ids.");
        var indexes = body.TryGetProperty("index", out _) ? Strings(body, "index") : [];
        if (indexes is null) return ([], "index must be a string or an array of strings.");
        if (indexes.Count > 1 && indexes.Count != ids.Count)
            return ([], $"index must be one index or one per id ({ids.Count}), got {indexes.Count}.");
        return (ids.Select((id, i) => new EvidenceRef(id, indexes.Count == 0 ? null : indexes[indexes.Count == 1 ? 0 : i])).ToList(), null);
    }

    /// <summary>Kibana accepts one string or an array of strings; null for anything else.</summary>
    private static List<string>? Strings(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.String) return [value.GetString()!];
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String)) return null;
        return value.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    private static IResult Removed(ServiceResult<int> result) => result.Succeeded ? TypedResults.NoContent() : ApiResults.Error(result.Error!);
}
