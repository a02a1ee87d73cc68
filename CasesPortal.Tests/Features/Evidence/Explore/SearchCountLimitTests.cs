using System.Text;
using CasesPortal.Features.Evidence.Explore;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;

namespace CasesPortal.Tests.Features.Evidence.Explore;

/// <summary>A free-text search stops counting at 10,000 matches, as Kibana's does; choosing "all matching" counts them all.</summary>
[Trait(Layer.Name, Layer.Unit)]
public sealed class SearchCountLimitTests : IAsyncLifetime
{
    private const int Beacons = EvidenceQueries.SearchCountLimit + 1;
    private PortalServices portal = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        var lines = new StringBuilder();
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Beacons + 5; i++)
            lines.Append($$"""{"_id":"evt-{{i}}","@timestamp":"{{start.AddSeconds(i):O}}","host":{"name":"ws-{{i % 7}}"},"message":"{{(i < Beacons ? "beacon to c2" : "logon")}}"}""").Append('\n');
        var ingested = await portal.Get<EvidenceIngestService>().IngestAsync(EvidenceKind.Events, Encoding.UTF8.GetBytes(lines.ToString()), default);
        Assert.False(ingested.Value!.Errors);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private static EventQuery Search(string? text) => new() { Common = new EvidenceQuery { Search = text } };

    [Fact]
    public async Task A_search_matching_more_than_ten_thousand_says_so_and_others_count_exactly()
    {
        var queries = portal.Get<EvidenceQueries>();

        var many = await queries.FindEventsAsync(Search("beacon"), default);
        Assert.Equal((10_000, true, "10,000+"), (many.Total, many.TotalIsLowerBound, many.TotalText));
        Assert.Equal($"evt-{Beacons - 1}", many.Items[0].Id);                 // the page is still the newest matches
        Assert.Equal(Beacons, await queries.CountAsync(Search("beacon"), default));   // "select all matching" counts them all

        var few = await queries.FindEventsAsync(Search("logon"), default);
        Assert.Equal((5, false), (few.Total, few.TotalIsLowerBound));
        var all = await queries.FindEventsAsync(Search(null), default);
        Assert.Equal((Beacons + 5, false), (all.Total, all.TotalIsLowerBound));
    }
}
