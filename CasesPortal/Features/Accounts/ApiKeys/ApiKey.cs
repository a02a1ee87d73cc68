namespace CasesPortal.Features.Accounts.ApiKeys;

/// <summary>An API key an analyst created. Only the SHA-256 of the secret is stored; it acts with its owner's roles.</summary>
public sealed class ApiKey
{
    public const int NameMaxLength = 100;

    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
