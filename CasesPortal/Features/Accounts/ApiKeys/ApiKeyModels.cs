namespace CasesPortal.Features.Accounts.ApiKeys;

public enum ApiKeyState { Active, Expired, Revoked }

/// <summary>An API key as its owner sees it later: never the secret nor its hash.</summary>
public sealed record ApiKeySummary(
    string Id,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt,
    ApiKeyState State);

/// <summary>A new key: the only moment the secret exists outside the caller's hands.</summary>
/// <param name="Encoded">Base64 of <c>id:api_key</c>, the value for <c>Authorization: ApiKey ...</c>.</param>
public sealed record ApiKeyCreated(string Id, string Name, string ApiKey, string Encoded, DateTimeOffset? ExpiresAt);

/// <summary>Why a requested id could not be revoked.</summary>
public sealed record ApiKeyRevokeError(string Id, string Reason);

/// <summary>The outcome of revoking keys, in the shape of Elasticsearch's invalidate API.</summary>
public sealed record ApiKeyRevocation(
    IReadOnlyList<string> Invalidated,
    IReadOnlyList<string> PreviouslyInvalidated,
    IReadOnlyList<ApiKeyRevokeError> Errors);

public enum ApiKeyRejection { Malformed, Unknown, Revoked, Expired, OwnerDisabled }

/// <summary>The result of checking a presented key: the owner's user id, or why it was refused.</summary>
public sealed record ApiKeyCheck(string? UserId, string? KeyId, ApiKeyRejection? Rejection)
{
    public bool Succeeded => Rejection is null;

    public static ApiKeyCheck Accepted(string userId, string keyId) => new(userId, keyId, null);
    public static ApiKeyCheck Rejected(ApiKeyRejection reason) => new(null, null, reason);

    public string Message => Rejection switch
    {
        null => "",
        ApiKeyRejection.Malformed => "The Authorization header is not a valid API key: send 'ApiKey ' followed by the 'encoded' value returned when the key was created.",
        ApiKeyRejection.Revoked => "This API key has been revoked.",
        ApiKeyRejection.Expired => "This API key has expired.",
        ApiKeyRejection.OwnerDisabled => "The account that owns this API key is disabled.",
        _ => "The API key is not valid.",
    };
}
