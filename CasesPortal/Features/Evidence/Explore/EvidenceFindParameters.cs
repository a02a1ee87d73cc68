using System.Globalization;
using CasesPortal.Features.Cases.Api;

namespace CasesPortal.Features.Evidence.Explore;

/// <summary>Reads the <c>_find</c> query string of the evidence APIs; the first bad parameter is named in the problem.</summary>
public sealed class EvidenceFindParameters(IQueryCollection q)
{
    private static readonly string[] Severities = ["low", "medium", "high", "critical"];
    private static readonly string[] Statuses = ["open", "acknowledged", "closed"];
    private readonly List<string> problems = [];

    public string? Problem => problems.FirstOrDefault();

    public EvidenceQuery Common() => new()
    {
        Page = Int("page", 1, 10_000),
        PerPage = Int("perPage", 20, EvidenceQuery.MaxPerPage),
        Search = q["search"].ToString() is { Length: > 0 } search ? search : null,
        From = Date("from"),
        To = Date("to"),
        Descending = SortDescending(),
        Hosts = Values("host.name"),
        Users = Values("user.name"),
    };

    private static readonly string[] CommonNames = ["page", "perPage", "search", "from", "to", "sortOrder"];
    private static readonly string[] EntityNames = ["host.name", "user.name"];

    public AlertQuery Alerts() => new()
    {
        Common = Known(Common(), [.. EntityNames, "status", "severity", "rule"]),
        Statuses = Allowed("status", Statuses),
        Severities = Allowed("severity", Severities),
        Rules = Values("rule"),
    };

    public EventQuery Events() => new() { Common = Known(Common(), [.. EntityNames, "category", "action", "outcome"]), Categories = Values("category"), Actions = Values("action"), Outcomes = Values("outcome") };

    public IndicatorQuery Indicators() => new() { Common = Known(Common(), ["type", "provider"]), Types = Values("type"), Providers = Values("provider") };

    /// <summary>
    /// A parameter this route does not know is refused by name rather than ignored: a filter that silently does nothing
    /// (<c>severity</c> on events, a misspelt <c>hostname</c>) would show a list the caller takes for filtered.
    /// </summary>
    private EvidenceQuery Known(EvidenceQuery common, string[] filters)
    {
        var known = CommonNames.Concat(filters).ToList();
        foreach (var unknown in q.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)))
            problems.Add($"unknown parameter [{unknown}]: this route takes {string.Join(", ", known)}.");
        return common;
    }

    private int Int(string name, int fallback, int max)
    {
        var text = q[name].ToString();
        if (text.Length == 0) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max) return value;
        problems.Add($"{name} must be a whole number from 1 to {max} (got '{text}').");
        return fallback;
    }

    private DateTimeOffset? Date(string name)
    {
        var text = q[name].ToString();
        if (text.Length == 0) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)) return value;
        problems.Add($"{name} must be a date such as 2026-11-01 or 2026-11-01T12:00:00Z (got '{text}').");
        return null;
    }

    private bool SortDescending()
    {
        var text = q["sortOrder"].ToString();
        if (text.Length > 0 && text is not ("asc" or "desc")) problems.Add($"sortOrder must be asc or desc (got '{text}').");
        return text != "asc";
    }

    /// <summary>A closed list of values: also comma-separated (<c>severity=high,critical</c>, as the pages' addresses), in any case.</summary>
    private List<string> Allowed(string name, string[] allowed)
    {
        var values = Values(name).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(v => v.ToLowerInvariant()).Distinct().ToList();
        foreach (var bad in values.Where(v => !allowed.Contains(v)))
            problems.Add($"{name} must be one of {string.Join(", ", allowed)} (got '{bad}').");
        return values;
    }

    /// <summary>Repeated (<c>host.name=a&amp;host.name=b</c>) or a JSON array (<c>host.name=["a","b"]</c>).</summary>
    private List<string> Values(string name)
    {
        var values = CaseFindParameters.ReadIds(q[name]);
        if (values is null && q[name].Any(v => !string.IsNullOrWhiteSpace(v))) problems.Add($"{name} must be a value or a JSON array of values.");
        return values ?? [];
    }
}
