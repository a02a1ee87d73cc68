using System.Net.Http.Json;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Home;
using CasesPortal.Features.Metrics;
using CasesPortal.Features.Metrics.Dashboard;
using CasesPortal.Features.Timelines.Query;

namespace CasesPortal.Hosting.Benchmark;

/// <summary>
/// The read operations of the scale targets, each through the service (or HTTP route) the UI and API use, warm, beside
/// the same result by the engine's hand-written SQL (<see cref="BenchHandQueries"/>).
/// </summary>
public sealed class QueryBenchmark(BenchPortal portal, IBenchEngine engine, BenchFacts facts, int iterations, TextWriter log)
{
    public static readonly IReadOnlySet<string> SummaryBarFeatures = new HashSet<string>
    {
        CaseMetricFeatures.AlertsCount, CaseMetricFeatures.AlertsUsers, CaseMetricFeatures.AlertsHosts, CaseMetricFeatures.Connectors, CaseMetricFeatures.Lifespan,
    };

    public static readonly CaseQuery CaseListQuery = new()
    {
        Statuses = [CaseStatus.Open, CaseStatus.InProgress], Severities = [CaseSeverity.High, CaseSeverity.Critical],
        Sort = CaseSortField.UpdatedAt, Descending = true, Page = 1, PerPage = 25,
    };

    public async Task<List<BenchRow>> RunAsync()
    {
        await using var hand = await engine.OpenHandQueriesAsync();
        var services = portal.Services;
        var rows = new List<BenchRow>();

        var cases = services.GetRequiredService<CaseQueries>();
        rows.Add(await TimeAsync("case list: page 1 of 25, filtered by status and severity, sorted by last change, with status counts", 50, 2,
            async () => Check((await cases.FindAsync(CaseListQuery)) is { CountOpen: > 0 } or { CountClosed: > 0 }, "the case list counted no case"), hand.CaseListAsync));

        var queue = services.GetRequiredService<TeamQueueQueries>();
        rows.Add(await TimeAsync("overview team queue: open, in progress, unassigned (and SLA at risk and breached, once targets are set)", 50, 2,
            async () => Check((await queue.GetAsync()) is { Open: > 0 } or { InProgress: > 0 }, "the team queue counted no case"), hand.TeamQueueAsync));

        var metrics = services.GetRequiredService<CaseMetricsService>();
        rows.Add(await TimeAsync($"case metrics (summary bar) of a case with {facts.BigCaseAlerts:N0} alerts", 50, null,
            async () => Check((await metrics.ForCaseAsync(facts.BigCaseId, SummaryBarFeatures))?.AlertCount == facts.BigCaseAlerts, "the big case has the wrong alert count"),
            () => hand.CaseMetricsAsync(facts.BigCaseId)));

        using var browser = await portal.LoggedInClientAsync();
        rows.Add(await TimeAsync($"case page, HTTP GET of the prerendered page (the case with {facts.BigCaseAlerts:N0} alerts)", 200, null, async () =>
        {
            using var response = await browser.GetAsync($"/cases/{facts.BigCaseNumber}");
            var html = await response.Content.ReadAsStringAsync();
            Check(response.IsSuccessStatusCode && html.Contains("Campaign:", StringComparison.Ordinal), $"the case page answered {(int)response.StatusCode}");
        }, () => hand.CasePageAsync(facts.BigCaseId)));

        var dashboard = services.GetRequiredService<DashboardService>();
        var year = new DashboardQuery(facts.Now.AddDays(-365), facts.Now);
        rows.Add(await TimeAsync("dashboard, one year", 300, null, async () => Check((await dashboard.GetAsync(year)).Current.Opened > 0, "the dashboard counted no case"),
            () => hand.DashboardAsync(year.From, year.To)));

        var timeline = services.GetRequiredService<TimelineEventSearch>();
        var search = new TimelineSearch { Query = $"host.name:{facts.BusiestHost}", PerPage = 25 };
        rows.Add(await TimeAsync($"timeline query `host.name:{facts.BusiestHost}` (indexed), first page of 25", 200, null,
            async () => Check((await timeline.FindAsync(search)).Value?.Events.Count == 25, "the timeline query found fewer than 25 events"),
            () => hand.TimelineAsync(facts.BusiestHost)));

        using var api = portal.Client();
        rows.Add(await TimeAsync("the same over HTTP, `POST /api/timelines/_query`", 200, null, async () =>
        {
            using var response = await api.PostAsJsonAsync("/api/timelines/_query", new { query = search.Query, page = 1, perPage = 25 });
            Check(response.IsSuccessStatusCode, $"_query answered {(int)response.StatusCode}");
            await response.Content.ReadAsByteArrayAsync();
        }, () => hand.TimelineAsync(facts.BusiestHost)));
        return rows;
    }

    private async Task<BenchRow> TimeAsync(string operation, double limitMs, double? maxRatio, Func<Task> portalSide, Func<Task> handSide)
    {
        log.Write($"  {operation}…");
        var measured = await Timings.MeasureAsync(iterations, portalSide);
        var hand = await Timings.MeasureAsync(iterations, handSide);
        var row = BenchRow.Timed(operation, measured, hand, limitMs, maxRatio);
        log.WriteLine($" {row.Portal}");
        return row;
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition) throw new InvalidOperationException($"Benchmark check failed: {problem}.");
    }
}
