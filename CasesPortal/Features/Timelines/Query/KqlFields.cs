using System.Text.RegularExpressions;

namespace CasesPortal.Features.Timelines.Query;

/// <summary>How an ECS field is stored on an event row: an indexed column, or only inside the original document.</summary>
public enum KqlColumnKind { Keyword, List, Timestamp, Text }

public sealed record KqlColumn(string Column, KqlColumnKind Kind);

/// <summary>The ECS fields copied into indexed columns of the events table at ingest; every other field is read from the document.</summary>
public static partial class KqlFields
{
    public const string Timestamp = "@timestamp";

    public static readonly IReadOnlyDictionary<string, KqlColumn> Indexed = new Dictionary<string, KqlColumn>(StringComparer.Ordinal)
    {
        [Timestamp] = new("Timestamp", KqlColumnKind.Timestamp),
        ["_id"] = new("Id", KqlColumnKind.Keyword),
        ["host.id"] = new("HostId", KqlColumnKind.Keyword),
        ["host.name"] = new("HostName", KqlColumnKind.Keyword),
        ["host.os.name"] = new("HostOsName", KqlColumnKind.Keyword),
        ["host.os.version"] = new("HostOsVersion", KqlColumnKind.Keyword),
        ["host.ip"] = new("HostIp", KqlColumnKind.List),
        ["user.name"] = new("UserName", KqlColumnKind.Keyword),
        ["source.ip"] = new("SourceIp", KqlColumnKind.Keyword),
        ["destination.ip"] = new("DestinationIp", KqlColumnKind.Keyword),
        ["process.name"] = new("ProcessName", KqlColumnKind.Keyword),
        ["event.category"] = new("EventCategory", KqlColumnKind.List),
        ["event.action"] = new("EventAction", KqlColumnKind.Keyword),
        ["event.outcome"] = new("EventOutcome", KqlColumnKind.Keyword),
        ["message"] = new("Message", KqlColumnKind.Text),
    };

    /// <summary>
    /// The fields results can be sorted on: those whose column leads an index of the events table, so a sort never
    /// reads every row's document. Other fields are shown but not offered for sorting.
    /// </summary>
    public static readonly IReadOnlySet<string> Sortable = new HashSet<string>(StringComparer.Ordinal)
    {
        Timestamp, "_id", "host.id", "host.name", "user.name", "source.ip", "destination.ip", "event.category", "event.action",
    };

    public const int MaxNameLength = 200;

    public static bool IsValidName(string name) => name.Length <= MaxNameLength && NamePattern().IsMatch(name);

    /// <summary>Fields this deep or less are looked up in every nested/dotted mix; deeper ones only fully nested or fully dotted.</summary>
    public const int MaxMixedSegments = 6;

    /// <summary>
    /// The paths (as their keys) a field may have in a stored document, which is kept as it was sent. Elasticsearch reads
    /// <c>host.os.name</c> from nested objects (<c>$."host"."os"."name"</c>), one dotted key (<c>$."host.os.name"</c>) or
    /// any mix (<c>$."host"."os.name"</c>, <c>$."host.os"."name"</c>), and ECS documents come in all of them: so every
    /// way of grouping the name's parts is a path, nested first (2^(n-1) paths for n parts, 32 at most).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> JsonPaths(string field)
    {
        var parts = field.Split('.');
        if (parts.Length > MaxMixedSegments) return [parts, [field]];
        var paths = new List<IReadOnlyList<string>>();
        // Bit i of the mask set: parts i and i+1 are joined by a dot inside one key rather than nested.
        var joins = 1 << (parts.Length - 1);
        for (var mask = 0; mask < joins; mask++)
        {
            var keys = new List<string> { parts[0] };
            for (var i = 1; i < parts.Length; i++)
                if ((mask & (1 << (i - 1))) != 0) keys[^1] += "." + parts[i];
                else keys.Add(parts[i]);
            paths.Add(keys);
        }
        // Fully dotted second, as the two common forms are tried first.
        if (paths.Count > 1) (paths[1], paths[^1]) = (paths[^1], paths[1]);
        return paths;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_@][A-Za-z0-9_@.\-]*$")]
    private static partial Regex NamePattern();
}
