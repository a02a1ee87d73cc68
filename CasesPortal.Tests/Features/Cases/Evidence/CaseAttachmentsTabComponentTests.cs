using Bunit;
using CasesPortal.Features.Cases.Detail;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Evidence.Ingest;

namespace CasesPortal.Tests.Features.Cases.Evidence;

[Trait(Layer.Name, Layer.Component)]
public sealed class CaseAttachmentsTabComponentTests : PortalComponentTest
{
    private async Task<(CaseTeam Team, CaseView Case)> CaseWithEvidenceAsync()
    {
        var team = await CaseTeam.CreateAsync(Portal);
        var item = (await Portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Macro dropper", "", []))).Value!;
        await EvidenceSamples.IngestSamplesAsync(Portal.Get<EvidenceIngestService>());
        var evidence = Portal.Get<CaseEvidenceService>();
        Assert.True((await evidence.AttachAlertsAsync(team.Analyst, item.Id, [EvidenceSamples.PowerShellAlert, "a9d3e27b41c84c6f8d0e5f1a2b3c4d5e"])).Succeeded);
        Assert.True((await evidence.AttachEventsAsync(team.Analyst, item.Id, [EvidenceSamples.ProcessEvent])).Succeeded);
        return (team, item);
    }

    [Fact]
    public async Task The_tab_lists_alerts_newest_first_and_removes_one_after_confirmation()
    {
        var (team, item) = await CaseWithEvidenceAsync();

        var cut = RenderWithProviders<CaseAttachmentsTab>((nameof(CaseAttachmentsTab.Case), item), (nameof(CaseAttachmentsTab.Actor), team.Analyst),
            (nameof(CaseAttachmentsTab.Stamp), 1));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("#attached-alerts tr.attached-alert").Count));
        var rows = cut.FindAll("#attached-alerts tr.attached-alert");
        Assert.Contains("WS-042", rows[1].TextContent);
        Assert.Contains("Suspicious PowerShell Encoded Command", rows[1].TextContent);
        Assert.Single(cut.FindAll("#attachments-events tr.attached-event"));
        Assert.Single(cut.FindAll("#attached-alerts .mud-table-pagination-toolbar"));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#indicators-empty")));
        Assert.Empty(cut.FindAll("#attached-indicators .mud-table-pagination-toolbar"));   // no "0–0 of 0" under an empty list

        cut.FindAll("#attached-alerts .remove-alert")[1].Click();
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".mud-dialog button"), b => b.TextContent.Contains("Remove")));
        cut.FindAll(".mud-dialog button").First(b => b.TextContent.Contains("Remove")).Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#attached-alerts tr.attached-alert")));
        Assert.DoesNotContain("Suspicious PowerShell Encoded Command", cut.Find("#attached-alerts tr.attached-alert").TextContent);
        Assert.Equal(new EvidenceCounts(1, 1, 0), await Portal.Get<CaseEvidenceService>().CountAsync(item.Id));
    }

    [Fact]
    public async Task The_case_page_counts_attachments_and_events_on_their_tabs()
    {
        var (_, item) = await CaseWithEvidenceAsync();
        var cut = RenderWithProviders<CaseDetailPage>((nameof(CaseDetailPage.Number), item.Number));
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".mud-tab"), t => t.TextContent.Contains("Attachments") && t.TextContent.Contains('3')));
        Assert.Contains(cut.FindAll(".mud-tab"), t => t.TextContent.Contains("Events") && t.TextContent.Contains('1'));
    }
}
