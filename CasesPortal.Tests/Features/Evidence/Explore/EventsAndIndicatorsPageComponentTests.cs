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
    public void An_empty_events_page_points_to_the_import_page()
    {
        Services.AddSingleton(Portal.Get<EvidenceQueries>());

        var events = RenderWithProviders<EventsPage>();
        events.WaitForAssertion(() => Assert.Contains("No Events yet", events.Find("#evidence-empty").TextContent));
        Assert.Contains("/api/events/_bulk", events.Markup);
    }
}
