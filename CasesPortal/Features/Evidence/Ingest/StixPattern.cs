using System.Text.RegularExpressions;

namespace CasesPortal.Features.Evidence.Ingest;

/// <summary>
/// Reads the observable out of a STIX 2.1 indicator pattern such as <c>[ipv4-addr:value = '203.0.113.7']</c> or
/// <c>[file:hashes.'SHA-256' = '...']</c>, as the ECS indicator type and value. A pattern combining several
/// comparisons gives its first one.
/// </summary>
public static partial class StixPattern
{
    public static (string Type, string Value)? Parse(string? pattern)
    {
        if (pattern is null || Comparison().Match(pattern) is not { Success: true } match) return null;
        var objectType = match.Groups["object"].Value.ToLowerInvariant();
        var path = match.Groups["path"].Value;
        var value = Unescape(match.Groups["value"].Value);
        if (value.Length == 0) return null;

        return (objectType, path) switch
        {
            ("file", _) when path.StartsWith("hashes.", StringComparison.OrdinalIgnoreCase) => ("file", value.ToLowerInvariant()),
            ("file", "name") => ("file", value),
            ("domain-name", _) => (objectType, value.ToLowerInvariant()),
            ("ipv4-addr" or "ipv6-addr" or "url" or "email-addr" or "mac-addr" or "autonomous-system"
                or "mutex" or "directory" or "software" or "x509-certificate" or "user-account", _) => (objectType, value),
            ("windows-registry-key", "key") => (objectType, value),
            _ => null,
        };
    }

    private static string Unescape(string value) => value.Replace("\\'", "'").Replace("\\\\", "\\");

    [GeneratedRegex(@"^\s*\[\s*(?<object>[A-Za-z0-9-]+):(?<path>[^\s=!<>]+)\s*=\s*'(?<value>(?:[^'\\]|\\.)*)'", RegexOptions.CultureInvariant)]
    private static partial Regex Comparison();
}
