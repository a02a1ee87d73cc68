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

    public const int MaxNameLength = 200;

    public static bool IsValidName(string name) => name.Length <= MaxNameLength && NamePattern().IsMatch(name);

    /// <summary>
    /// The paths (as their keys) a field may have in a stored document, which is kept as it was sent: nested objects
    /// (<c>["process", "name"]</c>) or one dotted key (<c>["process.name"]</c>).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> JsonPaths(string field)
    {
        var nested = field.Split('.');
        return nested.Length == 1 ? [nested] : [nested, [field]];
    }

    [GeneratedRegex(@"^[A-Za-z0-9_@][A-Za-z0-9_@.\-]*$")]
    private static partial Regex NamePattern();
}
