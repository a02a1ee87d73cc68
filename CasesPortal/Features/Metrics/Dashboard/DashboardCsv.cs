using System.Globalization;
using System.Security.Claims;
using System.Text;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Accounts.Profile;
using CasesPortal.Features.Cases.Model;
using Microsoft.AspNetCore.Http.Extensions;

namespace CasesPortal.Features.Metrics.Dashboard;

/// <summary>
/// The numbers of each dashboard section as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read the
/// accents, ISO dates), at <c>/dashboard/export/{section}.csv</c> with the dashboard's own address filters.
/// </summary>
public static class DashboardCsv
{
    public static readonly IReadOnlySet<string> Sections = new HashSet<string> { "cards", "trend", "mttr", "severity", "workload", "tags", "reasons", "oldest", "rules" };

    public static void MapDashboardExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/dashboard/export/{section}.csv", async (string section, HttpContext http, ClaimsPrincipal user, ProfileService profiles,
            DashboardService dashboard, TimeProvider clock, CancellationToken ct) =>
        {
            if (!Sections.Contains(section)) return Results.NotFound();
            var filter = DashboardFilter.Parse(http.Request.GetEncodedUrl());
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
            var zone = TimeDisplay.Zone((await profiles.GetAsync(userId, ct))?.TimeZoneId);
            var figures = await dashboard.GetAsync(filter.ToQuery(clock.GetUtcNow(), zone, userId), ct);
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Write(section, figures))).ToArray();
            return Results.File(bytes, "text/csv; charset=utf-8", $"casesportal-{section}-{clock.GetUtcNow():yyyy-MM-dd}.csv");
        }).RequireAuthorization();

    public static string Write(string section, DashboardFigures f) => section switch
    {
        "cards" => Table(["figure", "period", "previous_period"], Cards(f)),
        "trend" => Table(["bucket_start", "opened", "closed"], f.Trend.Starts.Select((s, i) => Row(Iso(s), f.Trend.Opened[i], f.Trend.Closed[i]))),
        "mttr" => Table(["week_start", "mttr_seconds", "closed"], Weekly(f.Trend).Select(w => Row(Iso(w.Start), Seconds(w.MttrSeconds), w.Closed))),
        "severity" => Table(["severity", "open_cases"], f.OpenBySeverity.Select(p => Row(p.DrillDown, p.Value))),
        "workload" => Table(["assignee", "open_cases"], f.Workload.Select(p => Row(p.Label, p.Value))),
        "tags" => Table(["tag", "cases"], f.TopTags.Select(p => Row(p.Label, p.Value))),
        "reasons" => Table(["close_reason", "cases"], f.CloseReasons.Select(p => Row(p.DrillDown, p.Value))),
        "rules" => Table(["rule", "cases", "closed", "true_positive", "false_positive", "benign", "other", "false_positive_rate"],
            f.Rules.Select(r => Row(r.Rule, r.Cases, r.Closed, r.TruePositive, r.FalsePositive, r.Benign, r.Other, r.FalsePositiveRate))),
        _ => Table(["number", "title", "status", "severity", "created_at"],
            f.OldestOpen.Select(c => Row(c.Number, c.Title, CaseNames.Of(c.Status), CaseNames.Of(c.Severity), Iso(c.CreatedAt)))),
    };

    public sealed record Week(DateTimeOffset Start, string Label, double? MttrSeconds, int Closed);

    /// <summary>The trend's buckets folded into weeks; a week's MTTR weighs each bucket's mean by its closes.</summary>
    public static IReadOnlyList<Week> Weekly(Trend trend)
    {
        var perWeek = Math.Max(1, (int)Math.Round(TimeSpan.FromDays(7) / trend.Bucket));
        return trend.Starts.Chunk(perWeek).Select((starts, w) =>
        {
            var indexes = Enumerable.Range(w * perWeek, starts.Length).ToList();
            var closed = indexes.Sum(i => trend.Closed[i]);
            var total = indexes.Sum(i => (trend.MttrSeconds[i] ?? 0) * trend.Closed[i]);
            return new Week(starts[0], starts[0].ToString("MMM d", CultureInfo.InvariantCulture), closed == 0 ? null : total / closed, closed);
        }).ToList();
    }

    private static IEnumerable<string> Cards(DashboardFigures f)
    {
        var (now, before) = (f.Current, f.Previous);
        yield return Row("open_at_end", now.OpenAtEnd, before.OpenAtEnd);
        yield return Row("in_progress_at_end", now.InProgressAtEnd, before.InProgressAtEnd);
        yield return Row("opened", now.Opened, before.Opened);
        yield return Row("closed", now.Closed, before.Closed);
        yield return Row("mtta_seconds", Seconds(now.MttaSeconds), Seconds(before.MttaSeconds));
        yield return Row("acknowledged", now.Acknowledged, before.Acknowledged);
        yield return Row("closed_without_acknowledging", now.ClosedWithoutAcknowledging, before.ClosedWithoutAcknowledging);
        yield return Row("mttr_seconds", Seconds(now.MttrSeconds), Seconds(before.MttrSeconds));
        yield return Row("mean_in_progress_seconds", Seconds(now.MeanInProgressSeconds), Seconds(before.MeanInProgressSeconds));
        yield return Row("backlog_median_age_seconds", Seconds(now.BacklogMedianAgeSeconds), Seconds(before.BacklogMedianAgeSeconds));
        yield return Row("sla_at_risk_now", f.SlaAtRisk, null);
        yield return Row("sla_breached_now", f.SlaBreached, null);
    }

    private static string Table(string[] header, IEnumerable<string> rows) => string.Join("\r\n", [Row(header), .. rows]) + "\r\n";

    private static string Row(params object?[] values) => string.Join(",", values.Select(Field));

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            double d => d.ToString("0.##", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        // Titles are analysts' text: a leading = + - @ must not become a spreadsheet formula.
        if (value is string && text.Length > 0 && "=+-@".Contains(text[0])) text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static long? Seconds(double? value) => value is { } v ? (long)Math.Round(v) : null;
}
