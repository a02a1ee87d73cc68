using CasesPortal.Data;
using CasesPortal.Features.Evidence.Explore;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Tests.Features.Evidence.Explore;

[Trait(Layer.Name, Layer.Unit)]
public sealed class EvidenceQueriesTests : IAsyncLifetime
{
    private PortalServices portal = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        var ingest = portal.Get<EvidenceIngestService>();
        foreach (var (kind, file) in new[] { (EvidenceKind.Alerts, Samples.Alerts), (EvidenceKind.Events, Samples.Events),
                     (EvidenceKind.Indicators, Samples.StixBundle), (EvidenceKind.Indicators, Samples.EcsIndicators) })
            Assert.False((await ingest.IngestAsync(kind, Samples.Bytes(file), CancellationToken.None)).Value!.Errors);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private EvidenceQueries Queries => portal.Get<EvidenceQueries>();

    private static AlertQuery Alerts(EvidenceQuery common) => new() { Common = common };

    [Fact]
    public async Task Alerts_come_newest_first_with_an_exact_total_and_pages()
    {
        var first = await Queries.FindAlertsAsync(Alerts(new() { PerPage = 2 }), default);
        var third = await Queries.FindAlertsAsync(Alerts(new() { PerPage = 2, Page = 3 }), default);
        var oldest = await Queries.FindAlertsAsync(Alerts(new() { Descending = false }), default);

        Assert.Equal((5, 2, 1), (first.Total, first.Items.Count, third.Items.Count));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 11, 5, 0, TimeSpan.Zero), first.Items[0].Timestamp);
        Assert.True(first.Items[0].Timestamp > first.Items[1].Timestamp);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 14, 22, 481, TimeSpan.Zero), oldest.Items[0].Timestamp);
        Assert.Equal(third.Items[0].Id, oldest.Items[0].Id);
    }

    [Fact]
    public async Task Alert_filters_combine_and_repeated_values_mean_any_of_them()
    {
        var onWs = await Queries.FindAlertsAsync(Alerts(new() { Hosts = ["WS-042"] }), default);
        var critical = await Queries.FindAlertsAsync(new AlertQuery { Severities = ["critical"] }, default);
        var openOrAck = await Queries.FindAlertsAsync(new AlertQuery { Statuses = ["open", "acknowledged"], Common = new() { Hosts = ["WS-042", "DC-01"] } }, default);
        var rule = await Queries.FindAlertsAsync(new AlertQuery { Rules = ["Connection to Known C2 Server"] }, default);
        var byUser = await Queries.FindAlertsAsync(Alerts(new() { Users = ["svc-backup"] }), default);

        Assert.Equal(3, onWs.Total);
        Assert.All(onWs.Items, a => Assert.Equal("WS-042", a.HostName));
        Assert.Equal(["a9d3e27b41c84c6f8d0e5f1a2b3c4d5e"], critical.Items.Select(a => a.Id));
        Assert.All(openOrAck.Items, a => Assert.Contains(a.WorkflowStatus, new[] { "open", "acknowledged" }));
        Assert.Equal(4, openOrAck.Total);
        Assert.Equal("a9d3e27b41c84c6f8d0e5f1a2b3c4d5e", Assert.Single(rule.Items).Id);
        Assert.Equal("DC-01", Assert.Single(byUser.Items).HostName);
    }

    [Fact]
    public async Task Search_matches_any_field_of_the_document_and_the_time_range_is_inclusive()
    {
        var mitre = await Queries.FindAlertsAsync(Alerts(new() { Search = "t1059.001" }), default);
        var none = await Queries.FindAlertsAsync(Alerts(new() { Search = "100%_sure" }), default);
        var morning = await Queries.FindAlertsAsync(Alerts(new()
        {
            From = new DateTimeOffset(2026, 11, 27, 8, 21, 5, 2, TimeSpan.Zero), To = new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero),
        }), default);

        Assert.Equal("5f1c0a5e8e0b4bb7a1f1b0f3e6c2a901", Assert.Single(mitre.Items).Id);
        Assert.Equal(0, none.Total);
        Assert.Equal(2, morning.Total);
    }

    [Theory]
    [InlineData("workflow_status")]
    [InlineData("\"")]
    [InlineData("{")]
    [InlineData("risk_score")]
    public async Task Search_matches_values_never_field_names_or_json_punctuation(string search)
    {
        var alerts = await Queries.FindAlertsAsync(Alerts(new() { Search = search }), default);
        var indicators = await Queries.FindIndicatorsAsync(new IndicatorQuery { Common = new() { Search = search } }, default);

        Assert.Equal((0, 0), (alerts.Total, indicators.Total));
    }

    [Fact]
    public async Task Search_finds_text_in_any_case_and_numbers_and_counts_the_same_for_select_all()
    {
        var text = await Queries.FindAlertsAsync(Alerts(new() { Search = "POWERSHELL ENCODED" }), default);
        var number = await Queries.FindAlertsAsync(Alerts(new() { Search = "73" }), default);
        var counted = await Queries.CountAsync(Alerts(new() { Search = "POWERSHELL ENCODED" }), default);
        var indicator = await Queries.FindIndicatorsAsync(new IndicatorQuery { Common = new() { Search = "203.0.113.7" } }, default);

        Assert.NotEqual(0, text.Total);
        Assert.Equal(text.Total, counted);
        Assert.Contains(number.Items, a => a.RiskScore == 73);
        Assert.NotEqual(0, indicator.Total);
    }

    [Fact]
    public async Task An_indicator_of_several_addresses_is_filed_under_the_first_and_found_by_any_of_them()
    {
        var stix = Samples.Utf8("""
            {"type":"indicator","spec_version":"2.1","id":"indicator--0b7e1c52-9d1f-4a61-b8b4-3f4e5a6b7c8d","created":"2026-11-20T08:00:00Z","modified":"2026-11-20T08:00:00Z","pattern_type":"stix","pattern":"[ipv4-addr:value = '198.51.100.61' OR ipv4-addr:value = '198.51.100.62']","valid_from":"2026-11-20T08:00:00Z"}
            """);
        Assert.False((await portal.Get<EvidenceIngestService>().IngestAsync(EvidenceKind.Indicators, stix, CancellationToken.None)).Value!.Errors);

        var second = await Queries.FindIndicatorsAsync(new IndicatorQuery { Common = new() { Search = "198.51.100.62" } }, default);

        Assert.Equal(("ipv4-addr", "198.51.100.61"), (Assert.Single(second.Items).Type, second.Items[0].Value));
    }

    [Fact]
    public async Task Events_filter_on_one_of_several_categories_and_on_outcome()
    {
        var auth = await Queries.FindEventsAsync(new EventQuery { Categories = ["authentication"] }, default);
        var failed = await Queries.FindEventsAsync(new EventQuery { Outcomes = ["failure"], Common = new() { Hosts = ["web-03"] } }, default);
        var all = await Queries.FindEventsAsync(new EventQuery(), default);
        var search = await Queries.FindEventsAsync(new EventQuery { Common = new() { Search = "malicious.example.net" } }, default);

        Assert.Equal(3, auth.Total);
        Assert.All(auth.Items, e => Assert.Contains("authentication", e.EventCategory));
        Assert.Equal("root", Assert.Single(failed.Items).UserName);
        Assert.Equal(6, all.Total);
        Assert.Equal("web-03", Assert.Single(search.Items).HostName);
    }

    [Fact]
    public async Task Indicators_filter_on_type_and_provider_newest_last_seen_first()
    {
        await using var db = await portal.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync();
        var stored = await db.Indicators.ToListAsync();
        var type = stored.GroupBy(i => i.Type).OrderByDescending(g => g.Count()).First().Key;

        var byType = await Queries.FindIndicatorsAsync(new IndicatorQuery { Types = [type] }, default);
        var acme = await Queries.FindIndicatorsAsync(new IndicatorQuery { Providers = ["ACME CERT"] }, default);
        var all = await Queries.FindIndicatorsAsync(new IndicatorQuery { Common = new() { PerPage = 100 } }, default);

        Assert.Equal(stored.Count(i => i.Type == type), byType.Total);
        Assert.All(byType.Items, i => Assert.Equal(type, i.Type));
        Assert.Equal(stored.Count(i => i.Provider == "ACME CERT"), acme.Total);
        Assert.True(acme.Total > 0);
        Assert.Equal(stored.Count, all.Total);
        Assert.Equal(stored.Select(i => i.LastSeen).Max(), all.Items[0].LastSeen);
    }
}
