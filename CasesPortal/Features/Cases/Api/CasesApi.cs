using System.Security.Claims;
using System.Text.Json;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Files;
using CasesPortal.Features.Cases.Observables;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using CasesPortal.Features.Timelines.Api;

namespace CasesPortal.Features.Cases.Api;

/// <summary><c>/api/cases</c>: Kibana's Cases API (same paths, fields and status codes) over the portal's case services.</summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/cases").RequireAuthorization(AccountPolicies.ApiRead);
        var write = endpoints.MapGroup("/api/cases").RequireAuthorization(AccountPolicies.ApiWrite);
        var delete = endpoints.MapGroup("/api/cases").RequireAuthorization(AccountPolicies.ApiDelete);

        write.MapPost("/", CreateAsync);
        write.MapPatch("/", UpdateAsync);
        delete.MapDelete("/", DeleteAsync);
        read.MapGet("/_find", FindAsync);
        read.MapGet("/tags", async (CaseQueries q, CancellationToken ct) => TypedResults.Ok(await q.TagsAsync(ct)));
        read.MapGet("/categories", async (CaseQueries q, CancellationToken ct) => TypedResults.Ok(await q.CategoriesAsync(ct)));
        read.MapGet("/reporters", async (CaseQueries q, CancellationToken ct) =>
            TypedResults.Ok((await q.ReportersAsync(ct)).Select(UserJson.From)));
        read.MapGet("/{id}", GetAsync);
        endpoints.MapCaseEvidenceApi(read, write);
        endpoints.MapCaseCommentsApi(read, write);
        endpoints.MapCaseFilesApi(read, write);
        endpoints.MapObservablesApi(read, write);
        endpoints.MapCaseTimelinesApi(read, write);
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(JsonElement body, ClaimsPrincipal user, CaseService cases, CaseQueries queries, CancellationToken ct)
    {
        var (input, assigneeKeys, problem) = CaseRequests.ReadNew(body);
        if (problem is not null) return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
        var assignees = await queries.ResolveAccountsAsync(assigneeKeys, ct);
        var result = await cases.CreateAsync(CaseActor.From(user), input! with { AssigneeIds = assignees }, ct);
        return result.Succeeded ? TypedResults.Ok(CaseJson.From(result.Value!)) : ApiResults.Error(result.Error!);
    }

    private static async Task<IResult> GetAsync(string id, CaseQueries queries, CommentService comments, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } item) return ApiResults.Error(CaseErrors.NotFound(id));
        var (list, _) = await comments.FindAsync(id, 1, 100, newestFirst: false, ct);
        return TypedResults.Ok(CaseJson.From(item, list.Select(CommentJson.From).ToList()));
    }

    private static async Task<IResult> UpdateAsync(JsonElement body, ClaimsPrincipal user, CaseService cases, CaseQueries queries, CancellationToken ct)
    {
        var (batch, problem) = CaseRequests.ReadPatch(body);
        if (problem is not null) return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
        var changes = new List<CaseChanges>();
        foreach (var (change, assigneeKeys) in batch)
            changes.Add(assigneeKeys is null ? change : change with { AssigneeIds = await queries.ResolveAccountsAsync(assigneeKeys, ct) });
        var result = await cases.UpdateAsync(CaseActor.From(user), changes, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!.Select(c => CaseJson.From(c))) : ApiResults.Error(result.Error!);
    }

    private static async Task<IResult> DeleteAsync(HttpRequest request, ClaimsPrincipal user, CaseService cases, CancellationToken ct)
    {
        if (CaseFindParameters.ReadIds(request.Query["ids"]) is not { } ids)
            return ApiResults.Error(StatusCodes.Status400BadRequest, "ids must be a JSON array of case ids, e.g. ids=[\"id1\",\"id2\"].");
        var result = await cases.DeleteAsync(CaseActor.From(user), ids, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Error(result.Error!);
    }

    private static async Task<IResult> FindAsync(HttpRequest request, ClaimsPrincipal user, CaseQueries queries, CancellationToken ct)
    {
        var (query, problem) = await CaseFindParameters.ReadAsync(request.Query, CaseActor.From(user), queries, ct);
        if (problem is not null) return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
        var found = await queries.FindAsync(query!, ct);
        return TypedResults.Ok(new Dictionary<string, object>
        {
            ["cases"] = found.Cases.Select(c => CaseJson.From(c)),
            ["page"] = found.Page,
            ["per_page"] = found.PerPage,
            ["total"] = found.Total,
            ["count_open_cases"] = found.CountOpen,
            ["count_in_progress_cases"] = found.CountInProgress,
            ["count_closed_cases"] = found.CountClosed,
        });
    }
}
