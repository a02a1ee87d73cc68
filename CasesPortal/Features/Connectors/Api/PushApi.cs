using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Api;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using CasesPortal.Features.Connectors.Model;
using CasesPortal.Features.Connectors.Push;

namespace CasesPortal.Features.Connectors.Api;

/// <summary>Kibana's push route: answers the case with its <c>external_service</c>, or the system's own error.</summary>
public static class PushApi
{
    public static IEndpointRouteBuilder MapPushApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/cases").RequireAuthorization(AccountPolicies.ApiWrite)
            .MapPost("/{caseId}/connector/{connectorId}/_push", PushAsync);
        return endpoints;
    }

    private static async Task<IResult> PushAsync(string caseId, string connectorId, HttpRequest request, ClaimsPrincipal user,
        CasePushService pushes, CaseQueries queries, CancellationToken ct)
    {
        // Kibana's clients send no body; the portal also takes {"fields":{...}} to choose the connector's fields.
        JsonObject? fields = null;
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            JsonNode? body;
            try { body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct); }
            catch (JsonException) { return ApiResults.Error(StatusCodes.Status400BadRequest, "The body must be JSON: {} or {\"fields\":{...}}."); }
            if (body is JsonObject o && o["fields"] is { } f)
            {
                if (f is not JsonObject fo) return ApiResults.Error(StatusCodes.Status400BadRequest, "fields must be an object.");
                fields = fo;
            }
        }
        var result = await pushes.PushAsync(CaseActor.From(user), caseId, connectorId, fields?.DeepClone() as JsonObject, ct);
        if (!result.Succeeded) return ApiResults.Error(result.Error!);
        var outcome = result.Value!;
        return outcome.State switch
        {
            PushState.Succeeded => TypedResults.Json(CaseJson.From((await queries.GetAsync(caseId, ct))!)),
            PushState.Pending => ApiResults.Error(StatusCodes.Status503ServiceUnavailable, outcome.Message ?? "The push will be tried again."),
            PushState.OutcomeUnknown => ApiResults.Error(StatusCodes.Status409Conflict, outcome.Message ?? "The outcome of the push is unknown."),
            _ => ApiResults.Error(StatusCodes.Status502BadGateway, outcome.Message ?? "The push failed."),
        };
    }
}
