using Bunit;
using CasesPortal.Features.Evidence.Explore;
using CasesPortal.Features.Evidence.Explore.Events;
using CasesPortal.Features.Evidence.Explore.Indicators;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;
using Microsoft.AspNetCore.Components;

namespace CasesPortal.Tests.Features.Evidence.Explore;

[Trait(Layer.Name, Layer.Component)]
public sealed class EventsAndIndicatorsPageComponentTests : PortalComponentTest
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private async Task IngestAsync(EvidenceKind kind, string file) =>
        Assert.False((await Portal.Get<EvidenceIngestService>().IngestAsync(kind, Samples.Bytes(file), CancellationToken.None)).Value!.Errors);

    [Fact]
    public async Task Events_filter_by_host_and_outcome_from_the_address()
    {
        await IngestAsync(EvidenceKind.Events, Samples.Events);
        Services.AddSingleton(Portal.Get<EvidenceQueries>());
        Navigation.NavigateTo("/events?host=web-03&outcome=failure");

        var cut = RenderWithProviders<EventsPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#events-table tbody tr")));
        Assert.Contains("ssh_login", cut.Find("#events-table tbody tr").TextContent);
        Assert.Contains("192.0.2.201", cut.Find("#events-table tbody tr").TextContent);
    }

    [Fact]
    public async Task Indicators_list_filters_by_provider_and_open_their_document()
    {
        await IngestAsync(EvidenceKind.Indicators, Samples.EcsIndicators);
        Services.AddSingleton(Portal.Get<EvidenceQueries>());
        Navigation.NavigateTo("/indicators?provider=ACME%20CERT");

        var cut = RenderWithProviders<IndicatorsPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#indicators-table tbody tr")));
        cut.Find("#indicators-table tbody tr").Click();
        cut.WaitForAssertion(() => Assert.Contains("ACME CERT", cut.Find("#evidence-document").TextContent));
    }

    [Fact]
    public async Task A_stix_indicator_shows_its_name_labels_and_validity_and_an_expired_one_says_so()
    {
        await IngestAsync(EvidenceKind.Indicators, Samples.StixBundle);
        Services.AddSingleton(Portal.Get<EvidenceQueries>());
        Navigation.NavigateTo("/indicators?type=ipv4-addr");

        var cut = RenderWithProviders<IndicatorsPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#indicators-table tbody tr")));
        cut.Find("#indicators-table tbody tr").Click();
        cut.WaitForAssertion(() => Assert.Contains("Name", cut.Find(".evidence-fields").TextContent));
        var fields = cut.FindAll(".evidence-fields dt").Select(dt => (dt.TextContent, dt.NextElementSibling!.TextContent)).ToDictionary();
        Assert.Equal(("Cobalt Strike team server", "c2, malicious-activity"), (fields["Name"], fields["Labels"]));
        Assert.Equal("[ipv4-addr:value = '203.0.113.7']", fields["Pattern"]);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), IndicatorDescription.Of("""{"valid_until":"2026-12-01T00:00:00Z"}""").ValidUntil);
        Assert.True(IndicatorDescription.Of("""{"valid_until":"2026-12-01T00:00:00Z"}""").IsExpired(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero)));
        Assert.False(IndicatorDescription.Of("""{"valid_until":"2026-12-01T00:00:00Z"}""").IsExpired(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(IndicatorDescription.None, IndicatorDescription.Of("not json"));
    }

    [Fact]
    public void An_empty_events_page_points_to_the_import_page()
    {
        Services.AddSingleton(Portal.Get<EvidenceQueries>());

        var events = RenderWithProviders<EventsPage>();
        events.WaitForAssertion(() => Assert.Contains("No Events yet", events.Find("#evidence-empty").TextContent));
        Assert.Contains("/api/events/_bulk", events.Markup);
    }
}
