using Bunit;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Evidence.AddToCase;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Evidence.Explore;
using CasesPortal.Features.Evidence.Explore.Alerts;
using CasesPortal.Features.Evidence.Ingest;

namespace CasesPortal.Tests.Features.Cases.Evidence;

[Trait(Layer.Name, Layer.Component)]
public sealed class AddToCaseComponentTests : PortalComponentTest
{
    private const string OtherAlert = "a9d3e27b41c84c6f8d0e5f1a2b3c4d5e";

    private async Task<(CaseTeam Team, CaseView Target)> CasesAndAlertsAsync()
    {
        var team = await CaseTeam.CreateAsync(Portal);
        var cases = Portal.Get<CaseService>();
        await cases.CreateAsync(team.Analyst, new NewCase("Printer spooler noise", ""));
        var target = (await cases.CreateAsync(team.Analyst, new NewCase("Encoded PowerShell on WS-042", "", SyncAlerts: false))).Value!;
        var trashed = (await cases.CreateAsync(team.Analyst, new NewCase("PowerShell in the trash", ""))).Value!;
        Assert.True((await cases.DeleteAsync(team.Lead, [trashed.Id])).Succeeded);
        await EvidenceSamples.IngestSamplesAsync(Portal.Get<EvidenceIngestService>());
        Services.AddSingleton(Portal.Get<EvidenceQueries>());
        return (team, target);
    }

    [Fact]
    public async Task The_picker_searches_live_cases_and_attaches_to_the_one_chosen()
    {
        var (team, target) = await CasesAndAlertsAsync();
        SignInAs(team.Analyst.UserId, "analyst@soc.example", Roles.Analyst);
        var cut = RenderWithProviders<AddToCaseBar>((nameof(AddToCaseBar.Kind), CaseEvidenceKind.Alerts), (nameof(AddToCaseBar.Filter), new AlertQuery()),
            (nameof(AddToCaseBar.Total), 5), (nameof(AddToCaseBar.PageCount), 5),
            (nameof(AddToCaseBar.SelectedIds), new[] { EvidenceSamples.PowerShellAlert, OtherAlert }));

        cut.WaitForAssertion(() => Assert.Contains("2 selected", cut.Find(".add-to-case-bar").TextContent));
        cut.Find(".add-to-case-menu button").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".add-to-existing-case")));
        cut.Find(".add-to-existing-case").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".case-choice").Count));
        Assert.DoesNotContain(cut.FindAll(".case-choice"), c => c.TextContent.Contains("trash"));

        cut.Find("#case-picker-search").Input("powershell");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".case-choice")), TimeSpan.FromSeconds(5));
        cut.Find("#case-picker-search").Input($"#{target.Number}");
        cut.WaitForAssertion(() => Assert.Contains("Encoded PowerShell on WS-042", cut.Find(".case-choice").TextContent), TimeSpan.FromSeconds(5));
        Assert.True(cut.Find("#case-picker-add").HasAttribute("disabled"));

        cut.Find(".case-choice").Click();
        cut.WaitForAssertion(() => Assert.False(cut.Find("#case-picker-add").HasAttribute("disabled")));
        cut.Find("#case-picker-add").Click();

        cut.WaitForAssertion(() => Assert.Contains($"Added 2 alerts to case #{target.Number}", cut.Find(".added-to-case").TextContent));
        Assert.Equal(2, (await Portal.Get<CaseEvidenceService>().CountAsync(target.Id)).Alerts);
    }

    [Fact]
    public async Task Selecting_the_page_offers_every_match_and_a_new_case_is_drafted_from_it()
    {
        var (team, _) = await CasesAndAlertsAsync();
        SignInAs(team.Analyst.UserId, "analyst@soc.example", Roles.Analyst);
        var filter = new AlertQuery { Rules = ["Suspicious PowerShell Encoded Command"] };
        var cut = RenderWithProviders<AddToCaseBar>((nameof(AddToCaseBar.Kind), CaseEvidenceKind.Alerts), (nameof(AddToCaseBar.Filter), filter),
            (nameof(AddToCaseBar.Total), 30), (nameof(AddToCaseBar.PageCount), 1), (nameof(AddToCaseBar.SelectedIds), new[] { EvidenceSamples.PowerShellAlert }));

        cut.WaitForAssertion(() => Assert.Contains("All 1 on this page are selected.", cut.Find(".select-all-banner").TextContent));
        cut.Find(".select-all-matching").Click();
        Assert.Contains("All 30 alerts matching the filter are selected.", cut.Find(".select-all-banner").TextContent);
        Assert.Contains("30 selected", cut.Find(".add-to-case-bar").TextContent);

        cut.Find(".add-to-case-menu button").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".add-to-new-case")));
        cut.Find(".add-to-new-case").Click();
        cut.WaitForAssertion(() => Assert.Contains("Suspicious PowerShell Encoded Command on WS-042", cut.Find("#new-case-title").GetAttribute("value")));
        cut.Find("#new-case-submit").Click();

        cut.WaitForAssertion(() => Assert.Contains("Added 1 alert to case #", cut.Find(".added-to-case").TextContent), TimeSpan.FromSeconds(5));
        var created = (await Portal.Get<CaseQueries>().FindAsync(new CaseQuery { Search = "Suspicious PowerShell Encoded Command" })).Cases.Single();
        Assert.Equal(1, created.TotalAlerts);
        Assert.Equal(CaseSeverity.High, created.Severity);
        Assert.Contains("1 alert added from the Alerts page.", created.Description);
    }

    [Fact]
    public async Task A_viewer_gets_no_add_to_case_even_with_rows_ticked()
    {
        var (team, _) = await CasesAndAlertsAsync();
        SignInAs(team.Viewer.UserId, "viewer@soc.example", Roles.Viewer);

        var bar = RenderWithProviders<AddToCaseBar>((nameof(AddToCaseBar.Kind), CaseEvidenceKind.Alerts), (nameof(AddToCaseBar.Filter), new AlertQuery()),
            (nameof(AddToCaseBar.Total), 5), (nameof(AddToCaseBar.PageCount), 5), (nameof(AddToCaseBar.SelectedIds), new[] { EvidenceSamples.PowerShellAlert }));

        Assert.Empty(bar.FindAll(".add-to-case-bar"));
    }

    [Fact]
    public async Task A_viewer_sees_no_tick_boxes_on_the_alerts_page()
    {
        var (team, _) = await CasesAndAlertsAsync();
        SignInAs(team.Viewer.UserId, "viewer@soc.example", Roles.Viewer);

        var page = RenderWithProviders<AlertsPage>();

        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("#alerts-table tbody tr").Count));
        Assert.Empty(page.FindAll("#alerts-table .mud-checkbox"));
    }

    [Fact]
    public async Task An_analyst_ticks_alerts_on_the_alerts_page()
    {
        var (team, _) = await CasesAndAlertsAsync();
        SignInAs(team.Analyst.UserId, "analyst@soc.example", Roles.Analyst);

        var page = RenderWithProviders<AlertsPage>();

        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll("#alerts-table .mud-checkbox input").Count));
        page.FindAll("#alerts-table tbody .mud-checkbox input")[0].Change(true);
        page.WaitForAssertion(() => Assert.Contains("1 selected", page.Find("#alerts-bulk-bar").TextContent));
    }
}
