using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace CasesPortal.Features.Cases.Observables;

/// <summary>An observable type as pickers and validation see it: Kibana's key, a label, and for custom types the pattern.</summary>
public sealed record ObservableTypeInfo(string Key, string Label, bool BuiltIn, string? Pattern = null);

/// <summary>
/// The built-in observable types (Kibana's keys), and how each value is checked and normalised: trimmed, IPs in
/// canonical form, host names, domains, hashes and emails lower-cased. Every refusal says what was expected.
/// </summary>
public static partial class ObservableRules
{
    public const string Prefix = "observable-type-";
    public const string Ipv4 = Prefix + "ipv4";
    public const string Ipv6 = Prefix + "ipv6";
    public const string Url = Prefix + "url";
    public const string Hostname = Prefix + "hostname";
    public const string Domain = Prefix + "domain";
    public const string FileHash = Prefix + "file-hash";
    public const string FilePath = Prefix + "file-path";
    public const string Email = Prefix + "email";

    public static readonly IReadOnlyList<ObservableTypeInfo> BuiltIn =
    [
        new(Ipv4, "IPv4", true), new(Ipv6, "IPv6", true), new(Url, "URL", true), new(Hostname, "Hostname", true),
        new(Domain, "Domain", true), new(FileHash, "File hash", true), new(FilePath, "File path", true), new(Email, "Email", true),
    ];

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>The value in its stored form, or the reason it is not a valid value of the type.</summary>
    public static (string? Value, string? Problem) Normalize(ObservableTypeInfo type, string? raw)
    {
        var value = raw?.Trim() ?? "";
        if (value.Length == 0) return (null, "Enter a value.");
        if (value.Length > CaseObservable.ValueMaxLength)
            return (null, $"The value must be at most {CaseObservable.ValueMaxLength:N0} characters (got {value.Length:N0}).");
        if (value.Any(char.IsControl)) return (null, "The value must not hold line breaks or control characters.");
        return type.Key switch
        {
            Ipv4 => IsIpv4(value) ? (IPAddress.Parse(value).ToString(), null) : (null, $"“{value}” is not an IPv4 address (four numbers 0–255, e.g. 10.0.0.8)."),
            Ipv6 => IPAddress.TryParse(value, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 && value.Contains(':')
                ? (v6.ToString(), null) : (null, $"“{value}” is not an IPv6 address (e.g. 2001:db8::1)."),
            Url => IsUrl(value) ? (value, null) : (null, $"“{value}” is not an absolute http, https or ftp URL (e.g. https://example.com/path)."),
            Hostname => IsHostname(value, requireDot: false) ? (value.ToLowerInvariant(), null)
                : (null, $"“{value}” is not a host name (letters, digits and hyphens, labels of 1–63 characters separated by dots)."),
            Domain => IsHostname(value.TrimEnd('.'), requireDot: true) ? (value.TrimEnd('.').ToLowerInvariant(), null)
                : (null, $"“{value}” is not a domain name (e.g. example.com: labels of letters, digits and hyphens separated by dots)."),
            FileHash => IsHash(value) ? (value.ToLowerInvariant(), null)
                : (null, $"“{Short(value)}” is not a file hash (hexadecimal MD5, SHA-1, SHA-256 or SHA-512: 32, 40, 64 or 128 characters, got {value.Length})."),
            Email => IsEmail(value) ? (value.ToLowerInvariant(), null) : (null, $"“{value}” is not an email address (e.g. name@example.com)."),
            FilePath => (value, null),
            _ => MatchesCustom(type, value),
        };
    }

    /// <summary>The built-in type a pasted value most likely is, or null when none fits.</summary>
    public static string? Detect(string? raw)
    {
        var value = raw?.Trim() ?? "";
        if (value.Length == 0) return null;
        // Four dotted numbers are meant as an IPv4 address even when out of range, so the check says what is wrong.
        if (IsIpv4(value) || value.Split('.') is { Length: 4 } parts && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit))) return Ipv4;
        if (value.Contains(':') && IPAddress.TryParse(value, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6) return Ipv6;
        if (IsUrl(value)) return Url;
        if (IsHash(value)) return FileHash;
        if (IsEmail(value)) return Email;
        if (value.Contains('/') || value.Contains('\\')) return FilePath;
        if (IsHostname(value.TrimEnd('.'), requireDot: true)) return Domain;
        if (IsHostname(value, requireDot: false)) return Hostname;
        return null;
    }

    /// <summary>Checks a custom type's pattern compiles; null when fine.</summary>
    public static string? ValidatePattern(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) return null;
        if (pattern.Length > ObservableType.PatternMaxLength) return $"The pattern must be at most {ObservableType.PatternMaxLength} characters.";
        try
        {
            _ = new Regex(pattern, RegexOptions.None, PatternTimeout);
            return null;
        }
        catch (ArgumentException ex)
        {
            return $"The pattern is not a valid regular expression: {ex.Message}";
        }
    }

    /// <summary>The key a custom type gets from its label: <c>observable-type-</c> and the label in lower-case words joined by hyphens.</summary>
    public static string KeyFor(string label) => Prefix + string.Join('-', SlugWords().Matches(label.ToLowerInvariant()).Select(m => m.Value));

    private static (string?, string?) MatchesCustom(ObservableTypeInfo type, string value)
    {
        if (string.IsNullOrWhiteSpace(type.Pattern)) return (value, null);
        try
        {
            return Regex.IsMatch(value, $"^(?:{type.Pattern})$", RegexOptions.None, PatternTimeout)
                ? (value, null) : (null, $"“{Short(value)}” does not match the format of {type.Label} ({type.Pattern}).");
        }
        catch (RegexMatchTimeoutException)
        {
            return (null, $"The value could not be checked against the format of {type.Label} in time.");
        }
    }

    private static bool IsIpv4(string value)
    {
        var parts = value.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit)
            && int.Parse(p, CultureInfo.InvariantCulture) <= 255 && (p.Length == 1 || p[0] != '0'));
    }

    private static bool IsUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ftp" && uri.Host.Length > 0
        && value.Contains("://", StringComparison.Ordinal);

    private static bool IsHostname(string value, bool requireDot)
    {
        if (value.Length is 0 or > 253) return false;
        var labels = value.Split('.');
        if (requireDot && (labels.Length < 2 || labels[^1].All(char.IsAsciiDigit))) return false;
        return labels.All(l => l.Length is > 0 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }

    private static bool IsHash(string value) => value.Length is 32 or 40 or 64 or 128 && value.All(char.IsAsciiHexDigit);

    private static bool IsEmail(string value) =>
        EmailShape().IsMatch(value) && IsHostname(value[(value.LastIndexOf('@') + 1)..], requireDot: true);

    private static string Short(string value) => value.Length <= 80 ? value : value[..77] + "...";

    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s]+$")]
    private static partial Regex EmailShape();

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex SlugWords();
}

/// <summary>How TLP levels are written (Kibana and FIRST spell them <c>clear</c>, <c>amber+strict</c>...).</summary>
public static class TlpNames
{
    public static string Of(Tlp tlp) => tlp switch
    {
        Tlp.Clear => "clear",
        Tlp.Green => "green",
        Tlp.Amber => "amber",
        Tlp.AmberStrict => "amber+strict",
        _ => "red",
    };

    public static string Label(Tlp tlp) => "TLP:" + Of(tlp).ToUpperInvariant();

    public static Tlp? Parse(string? text) => Enum.GetValues<Tlp>().Cast<Tlp?>().FirstOrDefault(t => Of(t!.Value) == text?.Trim().ToLowerInvariant());
}
