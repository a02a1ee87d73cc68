using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CasesPortal.Data;
using CasesPortal.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Accounts.ApiKeys;

/// <summary>
/// API keys that analysts create for scripts and integrations, shared by the profile page and
/// <c>/api/security/api_key</c>. Keys are random, shown once and stored only as SHA-256; a key acts with its owner's roles.
/// </summary>
public sealed partial class ApiKeyService(IDbContextFactory<CasesDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxIdsPerRevoke = 100;
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(730);

    // Writing "last used" on every request would turn each API read into a write.
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private const int IdBytes = 15;      // 20 url-safe characters, as Elasticsearch's ids
    private const int SecretBytes = 32;  // 256 bits: a hash without salt or stretching is enough at this entropy
    private const int MaxEncodedLength = 256;
    private const int MaxIdLength = 32;

    public async Task<ServiceResult<ApiKeyCreated>> CreateAsync(string userId, string? name, string? expiration, CancellationToken ct = default)
    {
        var trimmed = name?.Trim();
        if (ValidateName(trimmed) is { } nameProblem) return ServiceError.Invalid(nameProblem);
        var lifetime = ParseExpiration(expiration);
        if (lifetime.Error is not null) return lifetime.Error;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) return ServiceError.NotFound("Your account no longer exists.");

        var now = clock.GetUtcNow();
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        var key = new ApiKey
        {
            Id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(IdBytes)),
            UserId = userId,
            Name = trimmed!,
            SecretHash = Convert.ToHexStringLower(Hash(secret)),
            CreatedAt = now,
            ExpiresAt = lifetime.Value is { } span ? now + span : null,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);

        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key.Id}:{secret}"));
        return ServiceResult<ApiKeyCreated>.Ok(new(key.Id, key.Name, secret, encoded, key.ExpiresAt));
    }

    /// <summary>The caller's own keys, newest first, including revoked and expired ones.</summary>
    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId)
            .OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return keys.Select(k => new ApiKeySummary(k.Id, k.Name, k.CreatedAt, k.ExpiresAt, k.LastUsedAt, k.RevokedAt, StateOf(k, now))).ToList();
    }

    /// <summary>
    /// Revokes keys by id: the caller's own, or anyone's for an Admin. Another user's key is reported as not found,
    /// so ids cannot be probed.
    /// </summary>
    public async Task<ServiceResult<ApiKeyRevocation>> RevokeAsync(string callerId, bool callerIsAdmin, IReadOnlyList<string?>? ids, CancellationToken ct = default)
    {
        if (ids is null || ids.Count == 0) return ServiceError.Invalid("'ids' is required: give the ids of the API keys to revoke, e.g. {\"ids\":[\"...\"]}.");
        if (ids.Count > MaxIdsPerRevoke) return ServiceError.Invalid($"'ids' lists {ids.Count} keys; at most {MaxIdsPerRevoke} may be revoked at once.");

        var requested = ids.Select(id => id ?? "").Distinct(StringComparer.Ordinal).ToList();
        var lookup = requested.Where(id => id.Length is > 0 and <= MaxIdLength).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.ApiKeys.AsNoTracking()
            .Where(k => lookup.Contains(k.Id) && (callerIsAdmin || k.UserId == callerId))
            .Select(k => new { k.Id, k.RevokedAt })
            .ToDictionaryAsync(k => k.Id, k => k.RevokedAt, StringComparer.Ordinal, ct);

        var toRevoke = found.Where(k => k.Value is null).Select(k => k.Key).ToList();
        if (toRevoke.Count > 0)
        {
            var now = clock.GetUtcNow();
            await db.ApiKeys.Where(k => toRevoke.Contains(k.Id) && k.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedAt, now), ct);
        }

        return ServiceResult<ApiKeyRevocation>.Ok(new(
            requested.Where(toRevoke.Contains).ToList(),
            requested.Where(id => found.TryGetValue(id, out var revokedAt) && revokedAt is not null).ToList(),
            requested.Where(id => !found.ContainsKey(id)).Select(id => new ApiKeyRevokeError(id, $"No API key with id '{id}'.")).ToList()));
    }

    /// <summary>
    /// Checks the value of an <c>Authorization: ApiKey</c> header and notes when the key was last used.
    /// Revoked and expired are only told once the secret has been verified.
    /// </summary>
    public async Task<ApiKeyCheck> AuthenticateAsync(string? encoded, CancellationToken ct = default)
    {
        if (!TryDecode(encoded, out var id, out var secret)) return ApiKeyCheck.Rejected(ApiKeyRejection.Malformed);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.AsNoTracking().Where(k => k.Id == id)
            .Select(k => new { k.UserId, k.SecretHash, k.ExpiresAt, k.RevokedAt, k.LastUsedAt, OwnerDisabled = db.Users.Any(u => u.Id == k.UserId && u.IsDisabled) })
            .SingleOrDefaultAsync(ct);
        if (key is null || !CryptographicOperations.FixedTimeEquals(Hash(secret), Convert.FromHexString(key.SecretHash)))
            return ApiKeyCheck.Rejected(ApiKeyRejection.Unknown);

        var now = clock.GetUtcNow();
        if (key.RevokedAt is not null) return ApiKeyCheck.Rejected(ApiKeyRejection.Revoked);
        if (key.ExpiresAt <= now) return ApiKeyCheck.Rejected(ApiKeyRejection.Expired);
        if (key.OwnerDisabled) return ApiKeyCheck.Rejected(ApiKeyRejection.OwnerDisabled);

        if (key.LastUsedAt is null || now - key.LastUsedAt >= LastUsedResolution)
        {
            var staleBefore = now - LastUsedResolution;
            // The condition makes concurrent requests write once between them.
            await db.ApiKeys.Where(k => k.Id == id && (k.LastUsedAt == null || k.LastUsedAt <= staleBefore))
                .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), ct);
        }
        return ApiKeyCheck.Accepted(key.UserId, id);
    }

    public static string? ValidateName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return $"'name' is required (1 to {ApiKey.NameMaxLength} characters).";
        if (name.Trim().Length > ApiKey.NameMaxLength) return $"'name' must be at most {ApiKey.NameMaxLength} characters (got {name.Trim().Length}).";
        return name.Any(char.IsControl) ? "'name' must not contain control characters." : null;
    }

    private static ApiKeyState StateOf(ApiKey key, DateTimeOffset now) =>
        key.RevokedAt is not null ? ApiKeyState.Revoked
        : key.ExpiresAt <= now ? ApiKeyState.Expired
        : ApiKeyState.Active;

    /// <summary>Elasticsearch's duration form: a whole number and a unit, e.g. <c>30d</c>, <c>12h</c>, <c>90m</c>.</summary>
    private static (TimeSpan? Value, ServiceError? Error) ParseExpiration(string? expiration)
    {
        if (string.IsNullOrWhiteSpace(expiration)) return (null, null);
        var match = Duration().Match(expiration.Trim());
        if (!match.Success || !long.TryParse(match.Groups["amount"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            return (null, ServiceError.Invalid($"'expiration' must be a duration such as 30d, 12h or 90m (units d, h, m, s), at most {MaxLifetime.TotalDays:0}d (2 years); got '{Shorten(expiration)}'."));
        var unit = match.Groups["unit"].Value switch
        {
            "d" => TimeSpan.FromDays(1),
            "h" => TimeSpan.FromHours(1),
            "m" => TimeSpan.FromMinutes(1),
            _ => TimeSpan.FromSeconds(1),
        };
        if (amount == 0) return (null, ServiceError.Invalid("'expiration' must be longer than zero; leave it out for a key that does not expire."));
        if (amount > MaxLifetime.Ticks / unit.Ticks)
            return (null, ServiceError.Invalid($"'expiration' must be at most {MaxLifetime.TotalDays:0}d (2 years); got '{Shorten(expiration)}'."));
        return (unit * amount, null);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static bool TryDecode(string? encoded, out string id, out string secret)
    {
        id = secret = "";
        if (string.IsNullOrWhiteSpace(encoded) || encoded.Length > MaxEncodedLength) return false;
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded.Trim(), buffer, out var written)) return false;
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon > MaxIdLength || colon == text.Length - 1) return false;
        (id, secret) = (text[..colon], text[(colon + 1)..]);
        return true;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    [GeneratedRegex(@"^(?<amount>[0-9]{1,12})(?<unit>[dhms])$", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();
}
