using Bunit;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Metrics;
using CasesPortal.Tests.Features.Cases;
using CasesPortal.Tests.Features.Cases.Evidence;

namespace CasesPortal.Tests.Features.Metrics;

[Trait(Layer.Name, Layer.Component)]
public sealed class CaseSummaryBarComponentTests : PortalComponentTest
{
    private async Task<CaseView> MoveAsync(CaseTeam team, string id, CaseStatus status, TimeSpan after)
    {
        Portal.Clock.Advance(after);
        var version = (await Portal.Get<CaseQueries>().GetAsync(id))!.Version;
        var result = await Portal.Get<CaseService>().UpdateAsync(team.Analyst, [new CaseChanges(id, version) { Status = status, CloseReason = status == CaseStatus.Closed ? CloseReason.Benign : null }]);
        return result.Value![0];
    }

    [Fact]
    public async Task A_reopened_and_closed_case_shows_its_scope_and_durations()
    {
        var team = await CaseTeam.CreateAsync(Portal);
        await EvidenceSamples.IngestSamplesAsync(Portal.Get<EvidenceIngestService>());
        var item = (await Portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Beaconing", "", []))).Value!;
        await Portal.Get<CaseEvidenceService>().AttachAlertsAsync(team.Analyst, item.Id, [EvidenceSamples.PowerShellAlert, "a9d3e27b41c84c6f8d0e5f1a2b3c4d5e"]);
        await MoveAsync(team, item.Id, CaseStatus.Closed, TimeSpan.FromMinutes(50));
        await MoveAsync(team, item.Id, CaseStatus.Open, TimeSpan.FromHours(4));
        var closed = await MoveAsync(team, item.Id, CaseStatus.Closed, TimeSpan.FromSeconds(75));

        var cut = RenderWithProviders<CaseSummaryBar>((nameof(CaseSummaryBar.Case), closed), (nameof(CaseSummaryBar.Stamp), 1));

        cut.WaitForAssertion(() => Assert.Contains("2", cut.Find("#summary-alerts").TextContent));
        Assert.Contains("1", cut.Find("#summary-hosts").TextContent);
        Assert.Contains("1", cut.Find("#summary-users").TextContent);
        Assert.Contains("0", cut.Find("#summary-connectors").TextContent);
        Assert.Contains("51m 15s", cut.Find("#summary-open").TextContent);
        Assert.Contains("—", cut.Find("#summary-in-progress").TextContent);
        Assert.Contains("4h 51m 15s", cut.Find("#summary-to-close").TextContent);
        Assert.Contains("(reopened)", cut.Find("#summary-to-close").TextContent);
    }

    [Fact]
    public async Task An_open_case_without_alerts_has_no_close_figure_and_no_menus()
    {
        var team = await CaseTeam.CreateAsync(Portal);
        var item = (await Portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Quiet case", "", []))).Value!;

        var cut = RenderWithProviders<CaseSummaryBar>((nameof(CaseSummaryBar.Case), item), (nameof(CaseSummaryBar.Stamp), 1));

        cut.WaitForAssertion(() => Assert.Contains("0", cut.Find("#summary-alerts").TextContent));
        Assert.Empty(cut.FindAll("#summary-hosts button"));
        Assert.Empty(cut.FindAll("#summary-to-close"));
    }
}
