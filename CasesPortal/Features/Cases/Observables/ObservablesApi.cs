using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CasesPortal.Features.Cases.Api;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;

namespace CasesPortal.Features.Cases.Observables;

public sealed record SimilaritiesJson(
    [property: JsonPropertyName("observables")] IReadOnlyList<SharedObservableJson> Observables,
    [property: JsonPropertyName("hosts")] IReadOnlyList<string> Hosts,
    [property: JsonPropertyName("users")] IReadOnlyList<string> Users);

public sealed record SharedObservableJson([property: JsonPropertyName("typeKey")] string TypeKey, [property: JsonPropertyName("value")] string Value);

public sealed record SimilarCaseJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("incremental_id")] long Number,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset? UpdatedAt,
    [property: JsonPropertyName("similarities")] SimilaritiesJson Similarities)
{
    public static SimilarCaseJson From(SimilarCase c) => new(c.Id, c.Number, c.Title, CaseNames.Of(c.Status), CaseNames.Of(c.Severity), c.CreatedAt,
        c.UpdatedAt, new SimilaritiesJson(c.Observables.Select(o => new SharedObservableJson(o.TypeKey, o.Value)).ToList(), c.Hosts, c.Users));
}

/// <summary>
/// Observables of cases at Kibana's paths (<c>POST/PATCH/DELETE /api/cases/{id}/observables</c>, answering the case),
/// their CSV export, and similar cases (<c>GET /api/cases/{id}/similar</c>).
/// </summary>
public static class ObservablesApi
{
    public static void MapObservablesApi(this IEndpointRouteBuilder endpoints, RouteGroupBuilder read, RouteGroupBuilder write)
    {
        write.MapPost("/{id}/observables", AddAsync);
        write.MapPatch("/{id}/observables/{observableId}", UpdateAsync);
        write.MapDelete("/{id}/observables/{observableId}", async (string id, string observableId, ClaimsPrincipal user, ObservableService observables,
            CancellationToken ct) => await observables.DeleteAsync(CaseActor.From(user), id, [observableId], ct) is { Succeeded: false } failed
                ? ApiResults.Error(failed.Error!) : TypedResults.NoContent());
        read.MapGet("/{id}/observables.csv", CsvAsync);
        read.MapGet("/{id}/observables", async (string id, string? format, ObservableService observables, CaseQueries queries, CancellationToken ct) =>
            string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) ? await CsvAsync(id, observables, queries, ct)
            : await observables.AllAsync(id, ct) is { } all ? TypedResults.Ok(all.Select(o => ObservableJson.From(Summary(o))))
            : ApiResults.Error(CaseErrors.NotFound(id)));
        read.MapGet("/{id}/similar", async (string id, int? page, int? perPage, SimilarCasesService similar, CancellationToken ct) =>
            await similar.FindAsync(id, page ?? 1, perPage ?? 20, ct) is { } found
                ? Results.Ok(new { page = found.Page, per_page = found.PerPage, total = found.Total, cases = found.Cases.Select(SimilarCaseJson.From) })
                : ApiResults.Error(CaseErrors.NotFound(id)));

        // For the case page's Export button: the log-in cookie, reading only.
        endpoints.MapGet("/cases/{id}/observables.csv", CsvAsync).RequireAuthorization();
    }

    private static async Task<IResult> AddAsync(string id, JsonElement body, ClaimsPrincipal user, ObservableService observables, CaseQueries queries,
        CancellationToken ct)
    {
        var (f, problem) = Read(body);
        if (problem is not null) return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
        var input = new NewObservable(f!.String("typeKey"), f.String("value"), f.String("description"), f.Bool("isIoc") ?? false,
            ReadTlp(f) ?? Tlp.Amber);
        if (f.Problem is not null) return ApiResults.Error(StatusCodes.Status400BadRequest, f.Problem);
        var result = await observables.AddAsync(CaseActor.From(user), id, input, ct);
        return result.Succeeded ? TypedResults.Ok(CaseJson.From((await queries.GetAsync(id, ct))!)) : ApiResults.Error(result.Error!);
    }

    private static async Task<IResult> UpdateAsync(string id, string observableId, JsonElement body, ClaimsPrincipal user, ObservableService observables,
        CaseQueries queries, CancellationToken ct)
    {
        var (f, problem) = Read(body);
        if (problem is not null) return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
        var changes = new ObservableChanges
        {
            TypeKey = f!.String("typeKey"), Value = f.String("value"), Description = f.String("description"), IsIoc = f.Bool("isIoc"), Tlp = ReadTlp(f),
        };
        if (f.Problem is not null) return ApiResults.Error(StatusCodes.Status400BadRequest, f.Problem);
        var result = await observables.UpdateAsync(CaseActor.From(user), id, observableId, changes, ct);
        return result.Succeeded ? TypedResults.Ok(CaseJson.From((await queries.GetAsync(id, ct))!)) : ApiResults.Error(result.Error!);
    }

    private static async Task<IResult> CsvAsync(string id, ObservableService observables, CaseQueries queries, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } item || await observables.AllAsync(id, ct) is not { } all) return ApiResults.Error(CaseErrors.NotFound(id));
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ObservableCsv.Write(all))).ToArray(),
            "text/csv; charset=utf-8", ObservableCsv.FileName(item.Number));
    }

    private static (JsonFields? Fields, string? Problem) Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("observable", out var o) || o.ValueKind != JsonValueKind.Object)
            return (null, "The request body must be {\"observable\":{\"typeKey\":\"observable-type-ipv4\",\"value\":\"10.0.0.8\",\"description\":\"...\"}}.");
        return (new JsonFields(o, " (observable)"), null);
    }

    private static Tlp? ReadTlp(JsonFields f)
    {
        if (f.String("tlp") is not { } text) return null;
        if (TlpNames.Parse(text) is { } tlp) return tlp;
        f.Fail($"tlp must be one of {string.Join(", ", Enum.GetValues<Tlp>().Select(TlpNames.Of))} (got '{text}').");
        return null;
    }

    private static ObservableSummary Summary(ObservableView o) => new(o.Id, o.TypeKey, o.Value, o.Description, o.CreatedAt, o.UpdatedAt);
}
