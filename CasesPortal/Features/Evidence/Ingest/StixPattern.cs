using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace CasesPortal.Features.Evidence.Ingest;

/// <summary>
/// Reads the observable out of a STIX 2.1 indicator pattern such as <c>[ipv4-addr:value = '203.0.113.7']</c> or
/// <c>[file:hashes.'SHA-256' = '...']</c>, as the ECS indicator type and value. A pattern combining several equality
/// comparisons (<c>AND</c>, <c>OR</c>, several observation expressions) gives its most telling one: a file hash before
/// an address, an address before a file name, the strongest hash first; among equals, the first.
/// </summary>
public static partial class StixPattern
{
    public static (string Type, string Value)? Parse(string? pattern)
    {
        if (pattern is null) return null;
        (string Type, string Value, int Rank)? best = null;
        foreach (Match match in Comparison().Matches(pattern))
        {
            if (match.Groups["object"].Success && Observable(match.Groups["object"].Value.ToLowerInvariant(), match.Groups["path"].Value, Unescape(match.Groups["value"].Value))
                is { } found && (best is null || found.Rank < best.Value.Rank))
                best = found;
        }
        return best is { } b ? (b.Type, b.Value) : null;
    }

    /// <summary>The ECS type, value and rank (lower is more telling) of one comparison, or null when it names no observable.</summary>
    private static (string Type, string Value, int Rank)? Observable(string objectType, string path, string value)
    {
        if (value.Length == 0) return null;
        return (objectType, path) switch
        {
            ("file", _) when path.StartsWith("hashes.", StringComparison.OrdinalIgnoreCase) => ("file", value.ToLowerInvariant(), HashRank(path)),
            ("file", "name") => ("file", value, 30),
            ("domain-name", _) => (objectType, value.ToLowerInvariant(), 20),
            ("network-traffic", "dst_ref.value" or "src_ref.value") => Address(value),
            ("ipv4-addr" or "ipv6-addr" or "url" or "email-addr" or "mac-addr" or "autonomous-system", _) => (objectType, value, 20),
            ("mutex" or "directory" or "software" or "x509-certificate" or "user-account", _) => (objectType, value, 25),
            ("windows-registry-key", "key") => (objectType, value, 25),
            _ => null,
        };
    }

    private static int HashRank(string path) => path[7..].Trim('\'').ToUpperInvariant() switch
    {
        "SHA-256" or "SHA256" => 10,
        "SHA-512" or "SHA512" or "SHA3-256" or "SHA3-512" => 11,
        "SHA-1" or "SHA1" => 12,
        "MD5" => 13,
        _ => 14,
    };

    /// <summary>The far end of a network flow (<c>network-traffic:dst_ref.value</c>): an IP address, or else a domain name.</summary>
    private static (string, string, int) Address(string value) => IPAddress.TryParse(value, out var ip)
        ? (ip.AddressFamily == AddressFamily.InterNetworkV6 ? "ipv6-addr" : "ipv4-addr", value, 20)
        : ("domain-name", value.ToLowerInvariant(), 20);

    private static string Unescape(string value) => value.Replace("\\'", "'").Replace("\\\\", "\\");

    /// <summary>An equality comparison, or any other quoted string, read whole so no comparison is found inside a value.</summary>
    [GeneratedRegex(@"(?<object>[A-Za-z0-9-]+):(?<path>[^\s=!<>\[\]()]+)\s*=\s*'(?<value>(?:[^'\\]|\\.)*)'|'(?:[^'\\]|\\.)*'",
        RegexOptions.CultureInvariant)]
    private static partial Regex Comparison();
}
