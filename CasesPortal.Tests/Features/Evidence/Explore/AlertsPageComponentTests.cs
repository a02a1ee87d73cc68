using Bunit;
using CasesPortal.Features.Evidence.Explore;
using CasesPortal.Features.Evidence.Explore.Alerts;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;
using Microsoft.AspNetCore.Components;

namespace CasesPortal.Tests.Features.Evidence.Explore;

[Trait(Layer.Name, Layer.Component)]
public sealed class AlertsPageComponentTests : PortalComponentTest
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private async Task IngestAlertsAsync() =>
        Assert.False((await Portal.Get<EvidenceIngestService>().IngestAsync(EvidenceKind.Alerts, Samples.Bytes(Samples.Alerts), CancellationToken.None)).Value!.Errors);

    [Fact]
    public void An_empty_store_says_how_to_bring_alerts_in()
    {
        Services.AddSingleton(Portal.Get<EvidenceQueries>());

        var cut = RenderWithProviders<AlertsPage>();

        cut.WaitForAssertion(() => Assert.Contains("No Alerts yet", cut.Find("#evidence-empty").TextContent));
        Assert.Contains("/api/alerts/_bulk", cut.Markup);
        Assert.NotNull(cut.Find("#evidence-empty a[href='/evidence/import']"));
    }

    [Fact]
    public async Task The_page_lists_alerts_newest_first()
    {
        await IngestAlertsAsync();
        Services.AddSingleton(Portal.Get<EvidenceQueries>());

        var cut = RenderWithProviders<AlertsPage>();

        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("#alerts-table tbody tr").Count));
        Assert.Contains("2026-11-27 11:05:00", cut.Find("#alerts-table tbody tr").TextContent);
        Assert.Equal("5 alerts", cut.Find("#alerts-count").TextContent.Trim());
    }

    [Fact]
    public async Task Filters_come_from_the_address_and_a_row_opens_the_document()
    {
        await IngestAlertsAsync();
        Services.AddSingleton(Portal.Get<EvidenceQueries>());
        Navigation.NavigateTo("/alerts?host=DC-01&status=open,acknowledged");

        var cut = RenderWithProviders<AlertsPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#alerts-table tbody tr")));
        var row = cut.Find("#alerts-table tbody tr");
        Assert.Contains("Multiple Logon Failures Followed by Success", row.TextContent);
        row.Click();
        cut.WaitForAssertion(() => Assert.Contains("\"svc-backup\"", cut.Find("#evidence-document").TextContent));
        Assert.Contains("Multiple Logon Failures", cut.Find("#evidence-details-title").TextContent);
    }
}
