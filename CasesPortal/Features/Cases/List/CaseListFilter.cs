using System.Globalization;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using Microsoft.AspNetCore.WebUtilities;

namespace CasesPortal.Features.Cases.List;

/// <summary>
/// The case list's filters, sort and page as they appear in the address bar, so a filtered list can be shared
/// and survives a reload. "me" stands for the viewer in the assignee filter.
/// </summary>
public sealed record CaseListFilter
{
    public const string Me = "me";
    public static readonly int[] PageSizes = [10, 25, 50, 100];

    public string? Search { get; init; }
    public IReadOnlyList<CaseStatus> Statuses { get; init; } = [];
    public IReadOnlyList<CaseSeverity> Severities { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> Assignees { get; init; } = [];
    public IReadOnlyList<string> Reporters { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<CloseReason> CloseReasons { get; init; } = [];
    public IReadOnlyList<Metrics.Sla.SlaState> Sla { get; init; } = [];
    public DateOnly? CreatedFrom { get; init; }
    public DateOnly? CreatedTo { get; init; }
    public DateOnly? ClosedFrom { get; init; }
    public DateOnly? ClosedTo { get; init; }
    public CaseSortField Sort { get; init; } = CaseSortField.CreatedAt;
    public bool Descending { get; init; } = true;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;

    public bool HasFilters => !string.IsNullOrWhiteSpace(Search) || Statuses.Count + Severities.Count + Tags.Count + Assignees.Count
        + Reporters.Count + Categories.Count + CloseReasons.Count + Sla.Count > 0 || CreatedFrom is not null || CreatedTo is not null
        || ClosedFrom is not null || ClosedTo is not null;

    public static CaseListFilter Parse(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        List<string> List(string key) => query.TryGetValue(key, out var v)
            ? v.SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(Uri.UnescapeDataString).ToList()
            : [];
        string? One(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        DateOnly? Date(string key) => DateOnly.TryParseExact(One(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

        var size = int.TryParse(One("size"), out var s) && PageSizes.Contains(s) ? s : 25;
        return new CaseListFilter
        {
            Search = One("q"),
            Statuses = List("status").Select(x => CaseNames.TryParseStatus(x, out var v) ? (CaseStatus?)v : null).OfType<CaseStatus>().ToList(),
            Severities = List("severity").Select(x => CaseNames.TryParseSeverity(x, out var v) ? (CaseSeverity?)v : null).OfType<CaseSeverity>().ToList(),
            CloseReasons = List("reason").Select(x => CaseNames.TryParseCloseReason(x, out var v) ? (CloseReason?)v : null).OfType<CloseReason>().ToList(),
            Sla = List("sla").Select(x => Metrics.Sla.SlaStates.TryParse(x, out var v) ? (Metrics.Sla.SlaState?)v : null).OfType<Metrics.Sla.SlaState>().ToList(),
            Tags = List("tags"),
            Assignees = List("assignees"),
            Reporters = List("reporters"),
            Categories = List("category"),
            CreatedFrom = Date("from"),
            CreatedTo = Date("to"),
            ClosedFrom = Date("closedFrom"),
            ClosedTo = Date("closedTo"),
            Sort = Enum.TryParse<CaseSortField>(One("sort"), true, out var sort) ? sort : CaseSortField.CreatedAt,
            Descending = One("order") != "asc",
            Page = int.TryParse(One("page"), out var page) && page > 0 ? page : 1,
            PageSize = size,
        };
    }

    public string ToUrl()
    {
        var parts = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value) { if (!string.IsNullOrWhiteSpace(value)) parts.Add(new(key, value)); }
        void AddList(string key, IEnumerable<string> values) => Add(key, string.Join(',', values.Select(Uri.EscapeDataString)));
        Add("q", Search);
        AddList("status", Statuses.Select(CaseNames.Of));
        AddList("severity", Severities.Select(CaseNames.Of));
        AddList("tags", Tags);
        AddList("assignees", Assignees);
        AddList("reporters", Reporters);
        AddList("category", Categories);
        AddList("reason", CloseReasons.Select(CaseNames.Of));
        AddList("sla", Sla.Select(Metrics.Sla.SlaStates.Of));
        Add("from", CreatedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", CreatedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("closedFrom", ClosedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("closedTo", ClosedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (Sort != CaseSortField.CreatedAt) Add("sort", Sort.ToString());
        if (!Descending) Add("order", "asc");
        if (Page > 1) Add("page", Page.ToString(CultureInfo.InvariantCulture));
        if (PageSize != 25) Add("size", PageSize.ToString(CultureInfo.InvariantCulture));
        return QueryHelpers.AddQueryString("/cases", parts);
    }

    /// <summary>The service query; dates are whole days in the viewer's time zone.</summary>
    public CaseQuery ToQuery(string viewerId, TimeZoneInfo zone)
    {
        DateTimeOffset? Start(DateOnly? day) => day is { } d ? ZoneStart(d, zone) : null;
        DateTimeOffset? End(DateOnly? day) => day is { } d ? ZoneStart(d.AddDays(1), zone).AddTicks(-1) : null;
        return new CaseQuery
        {
            Search = Search,
            Statuses = Statuses,
            Severities = Severities,
            Tags = Tags,
            AssigneeIds = Assignees.Select(a => a == Me ? viewerId : a).ToList(),
            ReporterIds = Reporters.Select(r => r == Me ? viewerId : r).ToList(),
            Categories = Categories,
            CloseReasons = CloseReasons,
            SlaStates = Sla,
            CreatedFrom = Start(CreatedFrom),
            CreatedTo = End(CreatedTo),
            ClosedFrom = Start(ClosedFrom),
            ClosedTo = End(ClosedTo),
            Sort = Sort,
            Descending = Descending,
            Page = Page,
            PerPage = PageSize,
        };
    }

    /// <summary>Midnight starting <paramref name="day"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset ZoneStart(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
