using System.Security.Claims;
using System.Text.Json.Serialization;
using CasesPortal.Features.Common;
using Microsoft.AspNetCore.Mvc;

namespace CasesPortal.Features.Accounts.ApiKeys;

/// <summary>
/// <c>/api/security/api_key</c>: every account creates, lists and revokes its own API keys, in the shapes of
/// Elasticsearch's API key API (times as epoch milliseconds). An Admin may revoke anyone's key.
/// </summary>
public static class ApiKeysApi
{
    public sealed record CreateApiKeyRequest(string? Name, string? Expiration);

    public sealed record CreateApiKeyResponse(string Id, string Name, string ApiKey, string Encoded,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Expiration);

    public sealed record ApiKeyInfo(string Id, string Name, long Creation,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Expiration, bool Invalidated, long? LastUsed);

    public sealed record ApiKeyListResponse(IReadOnlyList<ApiKeyInfo> ApiKeys);

    public sealed record InvalidateApiKeysRequest(List<string?>? Ids);

    public sealed record InvalidateErrorDetail(string Type, string Reason);

    public sealed record InvalidateApiKeysResponse(IReadOnlyList<string> InvalidatedApiKeys, IReadOnlyList<string> PreviouslyInvalidatedApiKeys,
        int ErrorCount, IReadOnlyList<InvalidateErrorDetail> ErrorDetails);

    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/security/api_key").RequireAuthorization(AccountPolicies.ApiAny);

        group.MapPost("/", async ([FromBody] CreateApiKeyRequest? body, ClaimsPrincipal caller, ApiKeyService keys, CancellationToken ct) =>
        {
            var result = await keys.CreateAsync(CallerId(caller), body?.Name, body?.Expiration, ct);
            if (!result.Succeeded) return ApiResults.Error(result.Error!);
            var key = result.Value!;
            return Results.Ok(new CreateApiKeyResponse(key.Id, key.Name, key.ApiKey, key.Encoded, key.ExpiresAt?.ToUnixTimeMilliseconds()));
        });

        group.MapGet("/", async (ClaimsPrincipal caller, ApiKeyService keys, CancellationToken ct) =>
        {
            var list = await keys.ListAsync(CallerId(caller), ct);
            return TypedResults.Ok(new ApiKeyListResponse(list.Select(k => new ApiKeyInfo(
                k.Id, k.Name, k.CreatedAt.ToUnixTimeMilliseconds(), k.ExpiresAt?.ToUnixTimeMilliseconds(),
                k.State == ApiKeyState.Revoked, k.LastUsedAt?.ToUnixTimeMilliseconds())).ToList()));
        });

        group.MapDelete("/", async ([FromBody] InvalidateApiKeysRequest? body, ClaimsPrincipal caller, ApiKeyService keys, CancellationToken ct) =>
        {
            var result = await keys.RevokeAsync(CallerId(caller), caller.IsInRole(Roles.Admin), body?.Ids, ct);
            if (!result.Succeeded) return ApiResults.Error(result.Error!);
            var outcome = result.Value!;
            return Results.Ok(new InvalidateApiKeysResponse(outcome.Invalidated, outcome.PreviouslyInvalidated, outcome.Errors.Count,
                outcome.Errors.Select(e => new InvalidateErrorDetail("resource_not_found_exception", e.Reason)).ToList()));
        });

        return group;
    }

    // The policy guarantees an authenticated account, whose principal always carries its id.
    private static string CallerId(ClaimsPrincipal caller) => caller.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
