using System.Globalization;
using System.Linq.Expressions;
using CasesPortal.Data;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Evidence.Explore;
using CasesPortal.Features.Evidence.Model;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Cases.Evidence.AddToCase;

/// <summary>
/// Pre-fills a new case from a selection of evidence ("Suspicious PowerShell on WS-042", the highest alert severity,
/// a description summing the selection up). Every figure is an aggregate in SQL, so it costs the same for ten rows or
/// every match of a filter.
/// </summary>
public sealed class CaseDraftService(IDbContextFactory<CasesDbContext> dbFactory)
{
    private const int Listed = 5;

    public async Task<NewCase> DraftAsync(EvidenceSelection selection, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = selection.Filter is { } filter
            ? EvidenceQueries.MatchingIds(db, filter)
            : selection.Kind.Existing(db, selection.Refs.Select(r => r.Id).Distinct().ToList());
        return selection.Kind.Kind switch
        {
            EvidenceKind.Alerts => await AlertsAsync(db.Alerts.Where(a => ids.Contains(a.Id)), ct),
            EvidenceKind.Events => await EventsAsync(db.SecurityEvents.Where(e => ids.Contains(e.Id)), ct),
            _ => await IndicatorsAsync(db.Indicators.Where(i => ids.Contains(i.Id)), ct),
        };
    }

    private static async Task<NewCase> AlertsAsync(IQueryable<Alert> alerts, CancellationToken ct)
    {
        var count = await alerts.CountAsync(ct);
        var rules = await TopAsync(alerts, a => a.RuleName, ct);
        var hosts = await TopAsync(alerts, a => a.HostName, ct);
        var users = await TopAsync(alerts, a => a.UserName, ct);
        var severities = await alerts.Where(a => a.Severity != null).Select(a => a.Severity!).Distinct().ToListAsync(ct);
        var (first, last) = await SpanAsync(alerts.Select(a => a.Timestamp), ct);
        var subject = rules.Distinct == 1 ? rules.Values[0].Value : Count(count, "alert");
        var lines = new List<string> { $"{Count(count, "alert")} added from the Alerts page." , "" };
        lines.AddRange(Listing("Rules", rules));
        lines.AddRange(Listing("Hosts", hosts));
        lines.AddRange(Listing("Users", users));
        lines.AddRange(Span(first, last));
        return new NewCase(Title(subject, hosts), string.Join('\n', lines), rules.Distinct == 1 ? [rules.Values[0].Value] : [],
            Highest(severities));
    }

    private static async Task<NewCase> EventsAsync(IQueryable<SecurityEvent> events, CancellationToken ct)
    {
        var count = await events.CountAsync(ct);
        var hosts = await TopAsync(events, e => e.HostName, ct);
        var users = await TopAsync(events, e => e.UserName, ct);
        var actions = await TopAsync(events, e => e.EventAction, ct);
        var categories = await TopAsync(events, e => e.EventCategory, ct);
        var (first, last) = await SpanAsync(events.Select(e => e.Timestamp), ct);
        var lines = new List<string> { $"{Count(count, "event")} added from the Events page.", "" };
        lines.AddRange(Listing("Hosts", hosts));
        lines.AddRange(Listing("Users", users));
        lines.AddRange(Listing("Actions", actions));
        lines.AddRange(Span(first, last));
        var tags = categories.Values.SelectMany(c => c.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().Take(Listed).ToList();
        return new NewCase(Title(Count(count, "event"), hosts), string.Join('\n', lines), tags, CaseSeverity.Low);
    }

    private static async Task<NewCase> IndicatorsAsync(IQueryable<Indicator> indicators, CancellationToken ct)
    {
        var count = await indicators.CountAsync(ct);
        var values = await indicators.OrderBy(i => i.LastSeen == null).ThenByDescending(i => i.LastSeen).ThenBy(i => i.Id).Take(Listed).Select(i => i.Type + " " + i.Value).ToListAsync(ct);
        var types = await TopAsync(indicators, i => i.Type, ct);
        var providers = await TopAsync(indicators, i => i.Provider, ct);
        var lines = new List<string> { $"{Count(count, "indicator")} added from the Indicators page.", "" };
        lines.AddRange(values.Select(v => $"- `{v}`"));
        if (count > values.Count) lines.Add($"- … and {count - values.Count:N0} more");
        lines.Add("");
        lines.AddRange(Listing("Providers", providers));
        var title = count == 1 && values.Count == 1 ? $"Indicator {values[0]}" : Count(count, "indicator") + (types.Distinct == 1 ? $" ({types.Values[0].Value})" : "");
        return new NewCase(Fit(title), string.Join('\n', lines), types.Values.Select(t => t.Value).ToList(), CaseSeverity.Low);
    }

    private sealed record Top(IReadOnlyList<(string Value, int Count)> Values, int Distinct);

    private static async Task<Top> TopAsync<T>(IQueryable<T> rows, Expression<Func<T, string?>> column, CancellationToken ct)
    {
        var values = rows.Select(column).Where(v => v != null && v != "");
        var top = await values.GroupBy(v => v).Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).ThenBy(g => g.Key)
            .Take(Listed).ToListAsync(ct);
        return new Top(top.Select(t => (t.Key!, t.Count)).ToList(), await values.Distinct().CountAsync(ct));
    }

    private static async Task<(DateTimeOffset? First, DateTimeOffset? Last)> SpanAsync(IQueryable<DateTimeOffset?> times, CancellationToken ct) =>
        (await times.OrderBy(t => t).FirstOrDefaultAsync(t => t != null, ct), await times.OrderByDescending(t => t).FirstOrDefaultAsync(t => t != null, ct));

    private static string Title(string subject, Top hosts) => Fit(hosts.Distinct switch
    {
        0 => subject,
        1 => $"{subject} on {hosts.Values[0].Value}",
        _ => $"{subject} on {hosts.Distinct:N0} hosts",
    });

    private static string Fit(string title) => title.Length <= Case.TitleMaxLength ? title : title[..(Case.TitleMaxLength - 1)] + "…";

    private static IEnumerable<string> Listing(string label, Top top)
    {
        if (top.Values.Count == 0) yield break;
        var more = top.Distinct > top.Values.Count ? $", and {top.Distinct - top.Values.Count:N0} more" : "";
        yield return $"- **{label}:** {string.Join(", ", top.Values.Select(v => $"{v.Value} ({v.Count:N0})"))}{more}";
    }

    private static IEnumerable<string> Span(DateTimeOffset? first, DateTimeOffset? last)
    {
        if (first is null || last is null) yield break;
        yield return $"- **Time:** {first.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} – " +
                     $"{last.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC";
    }

    private static string Count(int n, string unit) => $"{n.ToString("N0", CultureInfo.InvariantCulture)} {unit}{(n == 1 ? "" : "s")}";

    private static CaseSeverity Highest(IReadOnlyList<string> severities) =>
        severities.Select(s => s.ToLowerInvariant() switch
        {
            "critical" => CaseSeverity.Critical,
            "high" => CaseSeverity.High,
            "medium" => CaseSeverity.Medium,
            _ => CaseSeverity.Low,
        }).DefaultIfEmpty(CaseSeverity.Low).Max();
}
