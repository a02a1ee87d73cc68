using System.Text.Json.Nodes;
using Bunit;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Connectors;
using CasesPortal.Features.Connectors.Model;
using CasesPortal.Features.Connectors.Pages;
using CasesPortal.Features.Connectors.Push;
using CasesPortal.Tests.Features.Cases;

namespace CasesPortal.Tests.Features.Connectors;

/// <summary>The case's external incident panel and line, and the connector dialog, rendered with the portal's real services.</summary>
[Trait(Layer.Name, Layer.Component)]
public sealed class ConnectorComponentTests : PortalComponentTest
{
    private async Task<(CaseTeam Team, string ConnectorId)> JiraAsync(FakeJira jira)
    {
        var team = await CaseTeam.CreateAsync(Portal);
        var id = (await Portal.Get<ConnectorService>().CreateAsync(team.Admin, new ConnectorInput("SOC Jira", ".jira",
            new JsonObject { ["apiUrl"] = jira.BaseUrl, ["projectKey"] = FakeJira.Project },
            new Dictionary<string, string?> { ["email"] = FakeJira.Email, ["apiToken"] = FakeJira.Token }))).Value!.Id;
        return (team, id);
    }

    private async Task<CaseView> PushedCaseAsync(CaseTeam team, string connectorId)
    {
        var item = (await Portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Ransomware on WS-042", "Encrypted files.", []))).Value!;
        var pushed = await Portal.Get<CasePushService>().PushAsync(team.Analyst, item.Id, connectorId, new JsonObject { ["priority"] = "Medium" });
        Assert.Equal(PushState.Succeeded, pushed.Value!.State);
        return (await Portal.Get<CaseQueries>().GetAsync(item.Id))!;
    }

    [Fact]
    public async Task The_panel_shows_the_incident_link_and_last_push_then_needs_update_once_a_comment_is_added()
    {
        await using var jira = await FakeJira.StartAsync();
        var (team, connectorId) = await JiraAsync(jira);
        var item = await PushedCaseAsync(team, connectorId);

        var cut = RenderWithProviders<ExternalIncidentPanel>(("Case", item), ("Actor", team.Analyst));
        cut.WaitForAssertion(() => Assert.Equal($"{jira.BaseUrl}/browse/SOC-1", cut.Find("#external-incident .external-link").GetAttribute("href")));
        Assert.Equal("SOC-1", cut.Find(".external-link").TextContent.Trim());
        Assert.Contains("by Ana Diaz", cut.Find(".external-incident-line").TextContent);
        Assert.Empty(cut.FindAll(".needs-update"));
        cut.WaitForAssertion(() => Assert.Contains("Update SOC Jira incident", cut.Find("#push-case").TextContent));

        Portal.Clock.Advance(TimeSpan.FromMinutes(5));
        await Portal.Get<CommentService>().AddAsync(team.Lead, item.Id, "Escalated to IR.");
        cut.FindComponent<ExternalIncidentPanel>().Render(p => p.Add(c => c.Stamp, 1));   // what a live "case changed" does
        cut.WaitForAssertion(() => Assert.Equal("Needs update", cut.Find(".needs-update").TextContent.Trim()));
    }

    [Fact]
    public async Task Without_a_connector_an_admin_is_led_to_the_connectors_page_and_an_analyst_told_who_adds_them()
    {
        var team = await CaseTeam.CreateAsync(Portal);
        var item = (await Portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Beaconing from WS-007", "", []))).Value!;

        var cut = RenderWithProviders<ExternalIncidentPanel>(("Case", item), ("Actor", team.Admin));
        cut.WaitForAssertion(() => Assert.Equal("/settings/connectors", cut.Find("#no-connector a").GetAttribute("href")));
        Assert.Contains("Administration → Connectors", cut.Find("#no-connector").TextContent);

        cut.FindComponent<ExternalIncidentPanel>().Render(p => p.Add(c => c.Actor, team.Analyst));
        cut.WaitForAssertion(() => Assert.Contains("An Admin adds them under Administration → Connectors.", cut.Find("#no-connector").TextContent));
        Assert.Empty(cut.FindAll("#no-connector a"));
    }

    [Fact]
    public async Task A_viewer_sees_the_incident_but_no_connector_choice_nor_push_button()
    {
        await using var jira = await FakeJira.StartAsync();
        var (team, connectorId) = await JiraAsync(jira);
        var item = await PushedCaseAsync(team, connectorId);

        var cut = RenderWithProviders<ExternalIncidentPanel>(("Case", item), ("Actor", team.Viewer));
        cut.WaitForAssertion(() => cut.Find(".external-link"));
        Assert.Empty(cut.FindAll("#push-case"));
        Assert.Empty(cut.FindAll("#push-connector"));
        Assert.DoesNotContain("Reopen the case", cut.Markup);
    }

    [Fact]
    public async Task An_unknown_outcome_offers_confirm_and_create_again_to_those_who_may_push_only()
    {
        var team = await CaseTeam.CreateAsync(Portal);
        var unknown = new ExternalIncidentStatus("c1", "SOC Resilient", null, null, null, null, null, true, PushState.OutcomeUnknown,
            "IBM Resilient: no answer from soc.example in time.", 1, null);

        var cut = RenderWithProviders<ExternalIncidentLine>(("Incident", unknown), ("Actor", team.Analyst), ("CaseId", "case-1"));
        Assert.Contains("Outcome unknown. IBM Resilient: no answer from soc.example in time.", cut.Find(".push-unknown").TextContent);
        Assert.Empty(cut.FindAll(".needs-update"));
        var buttons = cut.FindAll("button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Contains("Confirm", buttons);
        Assert.Contains("Create again", buttons);

        cut.FindComponent<ExternalIncidentLine>().Render(p => p.Add(c => c.Actor, team.Viewer));
        cut.Find(".push-unknown");
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public async Task Editing_a_connector_never_shows_its_stored_secrets_and_keeps_them_when_left_empty()
    {
        await using var jira = await FakeJira.StartAsync();
        var (_, connectorId) = await JiraAsync(jira);

        var cut = RenderWithProviders<ConnectorsPage>();
        cut.WaitForAssertion(() => cut.Find("#connectors-table button[aria-label=Edit]"));
        cut.Find("#connectors-table button[aria-label=Edit]").Click();
        cut.WaitForAssertion(() => cut.Find("input#connector-secret-apiToken"));

        var token = cut.Find("input#connector-secret-apiToken");
        Assert.True(string.IsNullOrEmpty(token.GetAttribute("value")));
        Assert.Equal("password", token.GetAttribute("type"));
        Assert.Equal("Stored — type to replace", token.GetAttribute("placeholder"));
        Assert.True(string.IsNullOrEmpty(cut.Find("input#connector-secret-email").GetAttribute("value")));
        Assert.Equal(FakeJira.Project, cut.Find("input#connector-config-projectKey").GetAttribute("value"));
        Assert.DoesNotContain(FakeJira.Token, cut.Markup);
        Assert.DoesNotContain(FakeJira.Email, cut.Markup);

        cut.Find("#connector-save").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#connector-save")));
        var settings = await Portal.Get<ConnectorService>().SettingsAsync(connectorId, default);
        Assert.Equal((FakeJira.Email, FakeJira.Token), (settings!.Secret("email"), settings.Secret("apiToken")));
    }
}
