using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace CasesPortal.Features.Evidence.Explore;

/// <summary>
/// The filters and page of an evidence list as they appear in the address bar (<c>/alerts?host=WS-042&amp;severity=high</c>),
/// so a filtered list can be shared and survives a reload. Multi-valued filters are comma-separated.
/// </summary>
public sealed record EvidenceListFilter
{
    public const string Host = "host";
    public const string User = "user";
    public static readonly int[] PageSizes = [25, 50, 100];

    public string Path { get; init; } = "/";
    public string? Search { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;
    public ImmutableDictionary<string, IReadOnlyList<string>> Lists { get; init; } = ImmutableDictionary<string, IReadOnlyList<string>>.Empty;

    public bool HasFilters => !string.IsNullOrWhiteSpace(Search) || From is not null || To is not null || Lists.Values.Any(v => v.Count > 0);

    public IReadOnlyList<string> Get(string key) => Lists.TryGetValue(key, out var values) ? values : [];

    /// <summary>A changed filter starts again on the first page.</summary>
    public EvidenceListFilter With(string key, IReadOnlyList<string> values) => this with { Lists = Lists.SetItem(key, values), Page = 1 };

    public static EvidenceListFilter Parse(string uri, string path, params string[] keys)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? One(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        DateOnly? Date(string key) => DateOnly.TryParseExact(One(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        IEnumerable<string> Values(string key) => query.TryGetValue(key, out var v)
            ? v.SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(Uri.UnescapeDataString)
            : [];
        // host.name and user.name, as the APIs spell them, are taken for host and user too.
        var lists = keys.ToImmutableDictionary(k => k, k => (IReadOnlyList<string>)Values(k).Concat(Values(k + ".name")).Distinct().ToList());
        return new EvidenceListFilter
        {
            Path = path,
            Search = One("q"),
            From = Date("from"),
            To = Date("to"),
            Page = int.TryParse(One("page"), out var page) && page > 0 ? page : 1,
            PageSize = int.TryParse(One("size"), out var size) && PageSizes.Contains(size) ? size : 25,
            Lists = lists,
        };
    }

    public string ToUrl()
    {
        var parts = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value) { if (!string.IsNullOrWhiteSpace(value)) parts.Add(new(key, value)); }
        Add("q", Search);
        foreach (var (key, values) in Lists.OrderBy(l => l.Key, StringComparer.Ordinal)) Add(key, string.Join(',', values.Select(Uri.EscapeDataString)));
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (Page > 1) Add("page", Page.ToString(CultureInfo.InvariantCulture));
        if (PageSize != 25) Add("size", PageSize.ToString(CultureInfo.InvariantCulture));
        return QueryHelpers.AddQueryString(Path, parts);
    }

    /// <summary>The service query; dates are whole days in the viewer's time zone.</summary>
    public EvidenceQuery ToQuery(TimeZoneInfo zone) => new()
    {
        Search = Search,
        From = From is { } from ? ZoneStart(from, zone) : null,
        To = To is { } to ? ZoneStart(to.AddDays(1), zone).AddTicks(-1) : null,
        Hosts = Get(Host),
        Users = Get(User),
        Page = Page,
        PerPage = PageSize,
    };

    private static DateTimeOffset ZoneStart(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
