using System.Globalization;
using CasesPortal.Features.Cases.List;
using CasesPortal.Features.Cases.Model;
using Microsoft.AspNetCore.WebUtilities;

namespace CasesPortal.Features.Metrics.Dashboard;

/// <summary>
/// The dashboard's period and filters as they appear in the address bar: the last 7, 30 or 90 days up to now, or
/// whole days in the viewer's time zone; and the case filters, which every drill-down carries to the case list.
/// </summary>
public sealed record DashboardFilter
{
    public static readonly int[] PresetDays = [7, 30, 90];

    public int Days { get; init; } = 30;
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public IReadOnlyList<CaseSeverity> Severities { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> Assignees { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];

    public bool IsCustom => From is not null && To is not null;

    public static DashboardFilter Parse(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        List<string> List(string key) => query.TryGetValue(key, out var v)
            ? v.SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(Uri.UnescapeDataString).ToList()
            : [];
        DateOnly? Date(string key) => query.TryGetValue(key, out var v)
            && DateOnly.TryParseExact(v.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var (from, to) = (Date("from"), Date("to"));
        return new DashboardFilter
        {
            Days = query.TryGetValue("days", out var days) && int.TryParse(days, out var n) && PresetDays.Contains(n) ? n : 30,
            From = from <= to ? from : null,
            To = from <= to ? to : null,
            Severities = List("severity").Select(x => CaseNames.TryParseSeverity(x, out var s) ? (CaseSeverity?)s : null).OfType<CaseSeverity>().ToList(),
            Tags = List("tags"),
            Assignees = List("assignees"),
            Categories = List("category"),
        };
    }

    public string ToUrl(string path = "/dashboard")
    {
        var parts = new List<KeyValuePair<string, string?>>();
        void Add(string key, IEnumerable<string> values) { if (values.Any()) parts.Add(new(key, string.Join(',', values.Select(Uri.EscapeDataString)))); }
        if (IsCustom)
        {
            parts.Add(new("from", From!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            parts.Add(new("to", To!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        else if (Days != 30) parts.Add(new("days", Days.ToString(CultureInfo.InvariantCulture)));
        Add("severity", Severities.Select(CaseNames.Of));
        Add("tags", Tags);
        Add("assignees", Assignees);
        Add("category", Categories);
        return QueryHelpers.AddQueryString(path, parts);
    }

    /// <summary>The service query; <c>me</c> in the assignees stands for the viewer.</summary>
    public DashboardQuery ToQuery(DateTimeOffset now, TimeZoneInfo zone, string viewerId) =>
        new(IsCustom ? CaseListFilter.ZoneStart(From!.Value, zone) : now.AddDays(-Days),
            IsCustom ? CaseListFilter.ZoneStart(To!.Value.AddDays(1), zone) : now)
        {
            Severities = Severities,
            Tags = Tags,
            AssigneeIds = Assignees.Select(a => a == CaseListFilter.Me ? viewerId : a).ToList(),
            Categories = Categories,
        };

    /// <summary>The case list showing the cases behind a figure: these filters plus the figure's own.</summary>
    public CaseListFilter Cases(Func<CaseListFilter, CaseListFilter>? narrow = null)
    {
        var list = new CaseListFilter { Severities = Severities, Tags = Tags, Assignees = Assignees, Categories = Categories };
        return narrow is null ? list : narrow(list);
    }
}
