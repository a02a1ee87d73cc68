using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace CasesPortal.Features.Accounts;

/// <summary>
/// Remembers verified HTTP Basic logins for up to a minute, so password hashing does not dominate API latency.
/// Entries are keyed by SHA-256 of "email\0password" (never the password itself) and tied to the account's
/// security stamp, which changes with the password, disabling and other security changes. Failures are never stored.
/// </summary>
public sealed class BasicLoginCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    public const int Capacity = 1024;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public sealed record Entry(string UserId, string? SecurityStamp, DateTimeOffset ExpiresAt);

    public int Count => entries.Count;

    public static string KeyFor(string email, string password) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{email}\0{password}")));

    public Entry? Find(string key)
    {
        if (!entries.TryGetValue(key, out var entry)) return null;
        if (entry.ExpiresAt > clock.GetUtcNow()) return entry;
        entries.TryRemove(KeyValuePair.Create(key, entry));
        return null;
    }

    public void Add(string key, string userId, string? securityStamp)
    {
        var now = clock.GetUtcNow();
        if (entries.Count >= Capacity)
        {
            foreach (var (k, e) in entries)
                if (e.ExpiresAt <= now) entries.TryRemove(KeyValuePair.Create(k, e));
            // Still full of live entries: dropping them all only costs each client one password check.
            if (entries.Count >= Capacity) entries.Clear();
        }
        entries[key] = new Entry(userId, securityStamp, now + Lifetime);
    }

    public void Remove(string key) => entries.TryRemove(key, out _);
}
