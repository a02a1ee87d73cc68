using System.Linq.Expressions;
using CasesPortal.Data;
using CasesPortal.Features.Evidence.Model;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Evidence.Explore;

/// <summary>
/// Finds stored alerts, events and indicators for the explore pages and the <c>_find</c> APIs alike: every filter,
/// the count and the page run in SQL, newest first unless asked otherwise.
/// </summary>
public sealed class EvidenceQueries(IDbContextFactory<CasesDbContext> factory)
{
    public async Task<EvidencePage<Alert>> FindAlertsAsync(AlertQuery query, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await PageAsync(Matching(db, query), query.Common, ct);
    }

    public async Task<EvidencePage<SecurityEvent>> FindEventsAsync(EventQuery query, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await PageAsync(Matching(db, query), query.Common, ct);
    }

    public async Task<EvidencePage<Indicator>> FindIndicatorsAsync(IndicatorQuery query, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var c = query.Common;
        var indicators = Matching(db, query);
        var (total, atLeast) = await CountAsync(indicators, c, ct);
        // Indicators never seen sort as the oldest on every engine (PostgreSQL would put NULL first when descending).
        var sorted = c.Descending
            ? indicators.OrderBy(i => i.LastSeen == null).ThenByDescending(i => i.LastSeen).ThenBy(i => i.Id)
            : indicators.OrderBy(i => i.LastSeen != null).ThenBy(i => i.LastSeen).ThenBy(i => i.Id);
        var items = await sorted.Skip((c.Page - 1) * c.PerPage).Take(c.PerPage).ToListAsync(ct);
        return new(items, c.Page, c.PerPage, total, atLeast);
    }

    /// <summary>How many records the filter matches (all pages).</summary>
    public async Task<int> CountAsync(IEvidenceFilter filter, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await MatchingIds(db, filter).CountAsync(ct);
    }

    /// <summary>The ids of every record the filter matches, as a query to compose further (never loaded here).</summary>
    public static IQueryable<string> MatchingIds(CasesDbContext db, IEvidenceFilter filter) => filter switch
    {
        AlertQuery q => Matching(db, q).Select(a => a.Id),
        EventQuery q => Matching(db, q).Select(e => e.Id),
        IndicatorQuery q => Matching(db, q).Select(i => i.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.GetType().Name, "Unknown evidence filter."),
    };

    private static IQueryable<Alert> Matching(CasesDbContext db, AlertQuery query) => Common(db.Alerts.AsNoTracking(), query.Common)
        .Where(AnyOf<Alert>(query.Statuses, v => a => a.WorkflowStatus == v))
        .Where(AnyOf<Alert>(query.Severities, v => a => a.Severity == v))
        .Where(AnyOf<Alert>(query.Rules, v => a => a.RuleName == v));

    private static IQueryable<SecurityEvent> Matching(CasesDbContext db, EventQuery query) =>
        Common(Scoped(db.SecurityEvents.AsNoTracking(), query.Scope), query.Common)
            .Where(AnyOf<SecurityEvent>(query.Categories, v => e => ("," + e.EventCategory + ",").Contains("," + v + ",")))
            .Where(AnyOf<SecurityEvent>(query.Actions, v => e => e.EventAction == v))
            .Where(AnyOf<SecurityEvent>(query.Outcomes, v => e => e.EventOutcome == v));

    private static IQueryable<Indicator> Matching(CasesDbContext db, IndicatorQuery query)
    {
        var c = query.Common;
        var indicators = db.Indicators.AsNoTracking()
            .Where(AnyOf<Indicator>(query.Types, v => i => i.Type == v))
            .Where(AnyOf<Indicator>(query.Providers, v => i => i.Provider == v));
        if (c.From is { } from) indicators = indicators.Where(i => i.LastSeen >= from);
        if (c.To is { } to) indicators = indicators.Where(i => i.LastSeen <= to);
        if (DocumentPattern(c.Search) is { } pattern)
        {
            var term = c.Search!.Trim();
            indicators = indicators.Where(i => EF.Functions.Like(i.Document, pattern, Escape) ? DocumentValueSearch.ValuesContain(i.Document, term) : false);
        }
        return indicators;
    }

    /// <summary>Distinct values of one column, for the filter pickers (at most 200, in order).</summary>
    public async Task<IReadOnlyList<string>> AlertValuesAsync(Expression<Func<Alert, string?>> column, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Alerts.Select(column).Where(v => v != null && v != "").Distinct().OrderBy(v => v).Take(200).Select(v => v!).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<string>> EventValuesAsync(Expression<Func<SecurityEvent, string?>> column, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.SecurityEvents.Select(column).Where(v => v != null && v != "").Distinct().OrderBy(v => v).Take(200).Select(v => v!).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<string>> IndicatorValuesAsync(Expression<Func<Indicator, string?>> column, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Indicators.Select(column).Where(v => v != null && v != "").Distinct().OrderBy(v => v).Take(200).Select(v => v!).ToListAsync(ct);
    }

    internal const string Escape = "\\";

    private static IQueryable<T> Common<T>(IQueryable<T> records, EvidenceQuery c) where T : EcsRecord
    {
        records = records.Where(AnyOf<T>(c.Hosts, v => r => r.HostName == v)).Where(AnyOf<T>(c.Users, v => r => r.UserName == v));
        if (c.From is { } from) records = records.Where(r => r.Timestamp >= from);
        if (c.To is { } to) records = records.Where(r => r.Timestamp <= to);
        if (DocumentPattern(c.Search) is { } pattern)
        {
            var term = c.Search!.Trim();
            // The LIKE narrows cheaply on the stored text; the function then reads the values of what it let through.
            records = records.Where(r => EF.Functions.Like(r.Document, pattern, Escape) ? DocumentValueSearch.ValuesContain(r.Document, term) : false);
        }
        return records;
    }

    private static IQueryable<SecurityEvent> Scoped(IQueryable<SecurityEvent> events, EventScope scope)
    {
        if (scope.WithHost) events = events.Where(e => e.HostId != null || e.HostName != null);
        if (scope.WithIp) events = events.Where(e => e.SourceIp != null || e.DestinationIp != null);
        if (scope.WithUser) events = events.Where(e => e.UserName != null);
        if (scope.HostName is { } host) events = events.Where(e => e.HostName == host);
        if (scope.UserName is { } user) events = events.Where(e => e.UserName == user);
        return events;
    }

    private static async Task<EvidencePage<T>> PageAsync<T>(IQueryable<T> records, EvidenceQuery c, CancellationToken ct) where T : EcsRecord
    {
        var (total, atLeast) = await CountAsync(records, c, ct);
        var sorted = c.Descending
            ? records.OrderByDescending(r => r.Timestamp).ThenBy(r => r.Id)
            : records.OrderBy(r => r.Timestamp).ThenBy(r => r.Id);
        var items = await sorted.Skip((c.Page - 1) * c.PerPage).Take(c.PerPage).ToListAsync(ct);
        return new(items, c.Page, c.PerPage, total, atLeast);
    }

    /// <summary>
    /// A free-text search reads every document it cannot rule out by another filter: counting all its matches over
    /// millions of alerts took 4 to 19 s. As Kibana's, its count stops at this many and the list says "10,000+".
    /// </summary>
    public const int SearchCountLimit = 10_000;

    private static async Task<(int Total, bool AtLeast)> CountAsync<T>(IQueryable<T> records, EvidenceQuery c, CancellationToken ct)
    {
        if (DocumentPattern(c.Search) is null) return (await records.CountAsync(ct), false);
        var counted = await records.Take(SearchCountLimit + 1).CountAsync(ct);
        return counted > SearchCountLimit ? (SearchCountLimit, true) : (counted, false);
    }

    /// <summary>
    /// The LIKE pattern that lets through every stored document whose values may hold <paramref name="search"/>, as the
    /// JSON text writes it: a backslash or quote escaped; a letter beyond ASCII (whose other case SQLite's LIKE does not
    /// know, and which a sender may write as <c>\u00fc</c>), a control character or a slash (<c>\/</c>) as a wildcard.
    /// </summary>
    internal static string? DocumentPattern(string? search)
    {
        if (string.IsNullOrWhiteSpace(search)) return null;
        var pattern = new System.Text.StringBuilder("%");
        foreach (var rune in search.Trim().EnumerateRunes())
        {
            var text = rune.Value switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '/' => null,
                _ when !rune.IsAscii || System.Text.Rune.IsControl(rune) => null,
                _ => rune.ToString(),
            };
            if (text is null) { pattern.Append('%'); continue; }
            foreach (var c in text) pattern.Append(c is '\\' or '%' or '_' ? $"\\{c}" : c.ToString());
        }
        return pattern.Append('%').ToString();
    }

    /// <summary>A LIKE pattern for a column's text (a host or user name).</summary>
    internal static string? Pattern(string? search) => string.IsNullOrWhiteSpace(search)
        ? null
        : "%" + search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>OR of one condition per value; no values means no filter.</summary>
    private static Expression<Func<T, bool>> AnyOf<T>(IReadOnlyList<string> values, Func<string, Expression<Func<T, bool>>> condition)
    {
        if (values.Count == 0) return _ => true;
        var parameter = Expression.Parameter(typeof(T), "x");
        Expression? body = null;
        foreach (var value in values.Distinct())
        {
            var one = condition(value);
            var replaced = new Rebind(one.Parameters[0], parameter).Visit(one.Body);
            body = body is null ? replaced : Expression.OrElse(body, replaced);
        }
        return Expression.Lambda<Func<T, bool>>(body!, parameter);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
