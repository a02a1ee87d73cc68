using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;

namespace CasesPortal.Features.Connectors.Api;

/// <summary>Kibana's Actions API for connectors, so existing scripts create them unchanged. Secrets go in, never out.</summary>
public static class ActionsApi
{
    public static IEndpointRouteBuilder MapActionsApi(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/actions").RequireAuthorization(AccountPolicies.ApiRead);
        var admin = endpoints.MapGroup("/api/actions").RequireAuthorization(AccountPolicies.ApiAdmin);
        read.MapGet("/connectors", async (ClaimsPrincipal user, ConnectorService connectors, CancellationToken ct) =>
            Answer(await connectors.ListAsync(CaseActor.From(user), ct), list => list.Select(Json)));
        read.MapGet("/connector/{id}", async (string id, ClaimsPrincipal user, ConnectorService connectors, CancellationToken ct) =>
            Answer(await connectors.GetAsync(CaseActor.From(user), id, ct), Json));
        admin.MapPost("/connector", async (JsonElement body, ClaimsPrincipal user, ConnectorService connectors, CancellationToken ct) =>
            Read(body, requireType: true) is { } input ? Answer(await connectors.CreateAsync(CaseActor.From(user), input, ct), Json) : BadBody());
        admin.MapPut("/connector/{id}", async (string id, JsonElement body, ClaimsPrincipal user, ConnectorService connectors, CancellationToken ct) =>
            Read(body, requireType: false) is { } input ? Answer(await connectors.UpdateAsync(CaseActor.From(user), id, input, ct), Json) : BadBody());
        admin.MapDelete("/connector/{id}", async (string id, ClaimsPrincipal user, ConnectorService connectors, CancellationToken ct) =>
            await connectors.DeleteAsync(CaseActor.From(user), id, ct) is { } error ? ApiResults.Error(error) : TypedResults.NoContent());
        return endpoints;
    }

    /// <summary>A connector in Kibana's shape: <c>config</c> as stored, no secrets.</summary>
    public static JsonObject Json(ConnectorView c) => new()
    {
        ["id"] = c.Id,
        ["name"] = c.Name,
        ["connector_type_id"] = c.TypeId,
        ["config"] = c.Config.DeepClone(),
        ["is_preconfigured"] = false,
        ["is_deprecated"] = false,
        ["is_missing_secrets"] = false,
        ["is_system_action"] = false,
    };

    private static ConnectorInput? Read(JsonElement body, bool requireType)
    {
        if (body.ValueKind != JsonValueKind.Object) return null;
        var node = JsonNode.Parse(body.GetRawText()) as JsonObject;
        string? Text(string key) => node?[key] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
        if (node?["config"] is { } config && config is not JsonObject) return null;
        if (node?["secrets"] is { } secrets && secrets is not JsonObject) return null;
        var secretValues = (node?["secrets"] as JsonObject)?.ToDictionary(s => s.Key, s => s.Value is JsonValue v && v.TryGetValue(out string? t) ? t : s.Value?.ToJsonString());
        return new ConnectorInput(Text("name"), requireType ? Text("connector_type_id") ?? "" : Text("connector_type_id"),
            node?["config"]?.DeepClone() as JsonObject, secretValues);
    }

    private static IResult BadBody() => ApiResults.Error(StatusCodes.Status400BadRequest, "Send a JSON object with name, connector_type_id, config and secrets.");

    private static IResult Answer<T>(ServiceResult<T> result, Func<T, object> shape) =>
        result.Succeeded ? TypedResults.Json(shape(result.Value!)) : ApiResults.Error(result.Error!);
}
