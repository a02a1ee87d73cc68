using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Api;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using CasesPortal.Features.Connectors.Configure;
using CasesPortal.Features.Connectors.Model;

namespace CasesPortal.Features.Connectors.Api;

/// <summary>Kibana's <c>/api/cases/configure</c>: the default connector and the closure option, and the connectors cases may use.</summary>
public static class CasesConfigureApi
{
    public static IEndpointRouteBuilder MapCasesConfigureApi(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/cases/configure").RequireAuthorization(AccountPolicies.ApiRead);
        var write = endpoints.MapGroup("/api/cases/configure").RequireAuthorization(AccountPolicies.ApiDelete);
        read.MapGet("/", async (CasesConfigurationService configs, CancellationToken ct) =>
            TypedResults.Json(await configs.GetAsync(ct) is { } c ? new JsonArray(Json(c)) : []));
        read.MapGet("/connectors/_find", async (ClaimsPrincipal user, ConnectorService connectors, CancellationToken ct) =>
            await connectors.ListAsync(CaseActor.From(user), ct) is { Succeeded: true } list
                ? TypedResults.Json(list.Value!.Select(FindJson)) : ApiResults.Error(CaseErrors.Forbidden("read connectors")));
        write.MapPost("/", async (JsonElement body, ClaimsPrincipal user, CasesConfigurationService configs, CancellationToken ct) =>
        {
            var (input, problem) = Read(body, null);
            return problem is not null ? ApiResults.Error(StatusCodes.Status400BadRequest, problem)
                : Answer(await configs.CreateAsync(CaseActor.From(user), input!, ct));
        });
        write.MapPatch("/{id}", async (string id, JsonElement body, ClaimsPrincipal user, CasesConfigurationService configs, CancellationToken ct) =>
        {
            var current = await configs.GetAsync(ct);
            if (current is null || current.Id != id) return ApiResults.Error(StatusCodes.Status404NotFound, $"Configuration {id} not found.");
            var (input, problem) = Read(body, current);
            var version = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (version is null) problem ??= "version is required.";
            return problem is not null ? ApiResults.Error(StatusCodes.Status400BadRequest, problem)
                : Answer(await configs.UpdateAsync(CaseActor.From(user), id, version, input!, ct));
        });
        return endpoints;
    }

    private static (CasesConfigurationInput?, string?) Read(JsonElement body, CasesConfigurationView? current)
    {
        if (JsonNode.Parse(body.GetRawText()) is not JsonObject node) return (null, "Send a JSON object.");
        var closure = current?.ClosureType ?? ClosureType.CloseByUser;
        if (node["closure_type"] is { } c)
        {
            var text = c is JsonValue value && value.TryGetValue(out string? s) ? s : null;
            if (text is not ("close-by-user" or "close-by-pushing")) return (null, "closure_type must be close-by-user or close-by-pushing.");
            closure = text == "close-by-pushing" ? ClosureType.CloseByPushing : ClosureType.CloseByUser;
        }
        string? connectorId = current?.Connector?.Id;
        JsonObject? fields = current?.Connector?.Fields;
        if (node["connector"] is JsonObject connector)
        {
            connectorId = connector["id"] is JsonValue id && id.TryGetValue(out string? i) && i != "none" ? i : null;
            fields = connector["fields"]?.DeepClone() as JsonObject;
        }
        else if (node["connector"] is not null) return (null, "connector must be an object {id, name, type, fields}.");
        else if (current is null) return (null, "connector is required.");
        return (new CasesConfigurationInput(connectorId, fields, closure), null);
    }

    private static IResult Answer(ServiceResult<CasesConfigurationView> result) =>
        result.Succeeded ? TypedResults.Json(Json(result.Value!)) : ApiResults.Error(result.Error!);

    public static JsonObject Json(CasesConfigurationView c) => new()
    {
        ["id"] = c.Id,
        ["version"] = CaseVersion.Encode(c.Version),
        ["connector"] = c.Connector is { } k
            ? new JsonObject { ["id"] = k.Id, ["name"] = k.Name, ["type"] = k.TypeId, ["fields"] = k.Fields?.DeepClone() }
            : new JsonObject { ["id"] = "none", ["name"] = "none", ["type"] = ".none", ["fields"] = null },
        ["closure_type"] = c.ClosureType == ClosureType.CloseByPushing ? "close-by-pushing" : "close-by-user",
        ["owner"] = CasesPortal.Features.Cases.Model.Case.DefaultOwner,
        ["mappings"] = new JsonArray(),
        ["customFields"] = new JsonArray(),
        ["templates"] = new JsonArray(),
        ["error"] = null,
        ["created_at"] = c.CreatedAt,
        ["created_by"] = JsonSerializer.SerializeToNode(UserJson.From(c.CreatedBy)),
        ["updated_at"] = c.UpdatedAt,
        ["updated_by"] = c.UpdatedBy is null ? null : JsonSerializer.SerializeToNode(UserJson.From(c.UpdatedBy)),
    };

    private static JsonObject FindJson(ConnectorView c) => new()
    {
        ["id"] = c.Id,
        ["name"] = c.Name,
        ["actionTypeId"] = c.TypeId,
        ["config"] = c.Config.DeepClone(),
        ["isPreconfigured"] = false,
        ["isDeprecated"] = false,
        ["isMissingSecrets"] = false,
    };
}
