using Bunit;
using CasesPortal.Features.Cases.List;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Home;
using CasesPortal.Features.Metrics.Sla;
using CasesPortal.Tests.Features.Cases;

namespace CasesPortal.Tests.Features.Home;

/// <summary>Cases in every state the team queue counts, with an SLA target on critical cases.</summary>
internal static class TeamQueueCases
{
    public static async Task CreateAsync(PortalServices portal, CaseTeam team, bool withSla)
    {
        var cases = portal.Get<CaseService>();
        async Task<string> NewAsync(string title, CaseSeverity severity, params string[] assignees) =>
            (await cases.CreateAsync(team.Analyst, new NewCase(title, "", [], severity, AssigneeIds: assignees))).Value!.Id;
        async Task SetAsync(string id, CaseStatus status) =>
            Assert.True((await cases.UpdateAsync(team.Analyst, [new CaseChanges(id, (await portal.Get<CaseQueries>().GetAsync(id))!.Version) { Status = status }])).Succeeded);

        if (withSla)
            Assert.True((await portal.Get<SlaService>().SaveAsync(team.Lead, [new SlaTarget { Severity = CaseSeverity.Critical, AcknowledgeMinutes = 60 }])).Succeeded);
        await NewAsync("Ransomware note on FS01", CaseSeverity.Critical);                          // open, nobody on it, past 60 min below
        portal.Clock.Advance(TimeSpan.FromMinutes(40));
        await NewAsync("LSASS access on WS-042", CaseSeverity.Critical, team.Analyst.UserId);    // open, 20 of 60 min: on track
        await SetAsync(await NewAsync("Beaconing from WS-007", CaseSeverity.High), CaseStatus.InProgress);
        await SetAsync(await NewAsync("Phishing report", CaseSeverity.Low), CaseStatus.Closed);
        portal.Clock.Advance(TimeSpan.FromMinutes(25));                                          // the first: 65 min; the second: 25 min
    }
}

[Trait(Layer.Name, Layer.Unit)]
public sealed class TeamQueueQueriesTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private CaseTeam team = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        team = await CaseTeam.CreateAsync(portal);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task Each_figure_counts_what_the_case_list_it_links_to_shows()
    {
        await TeamQueueCases.CreateAsync(portal, team, withSla: true);

        var queue = await portal.Get<TeamQueueQueries>().GetAsync();

        Assert.Equal(new TeamQueue(Open: 2, InProgress: 1, Unassigned: 2, HasSlaTargets: true, SlaAtRisk: 0, SlaBreached: 1), queue);
        var list = portal.Get<CaseQueries>();
        async Task<int> ListedAsync(CaseQuery query) => (await list.FindAsync(query)).Total;
        Assert.Equal(await ListedAsync(new CaseQuery { AssigneeIds = [CaseQuery.Unassigned], Statuses = TeamQueueQueries.Unclosed }), queue.Unassigned);
        Assert.Equal(await ListedAsync(new CaseQuery { SlaStates = [SlaState.Breached] }), queue.SlaBreached);
        Assert.Equal(await ListedAsync(new CaseQuery { Statuses = [CaseStatus.Open] }), queue.Open);
    }

    [Fact]
    public async Task Without_sla_targets_nothing_is_at_risk_or_breached()
    {
        await TeamQueueCases.CreateAsync(portal, team, withSla: false);

        Assert.Equal(new TeamQueue(2, 1, 2, false, 0, 0), await portal.Get<TeamQueueQueries>().GetAsync());
    }
}

[Trait(Layer.Name, Layer.Component)]
public sealed class TeamQueueCardTests : PortalComponentTest
{
    [Fact]
    public async Task The_figures_link_to_the_filtered_case_list_and_a_breach_stands_out()
    {
        await TeamQueueCases.CreateAsync(Portal, await CaseTeam.CreateAsync(Portal), withSla: true);
        Services.AddSingleton(Portal.Get<TeamQueueQueries>());

        var cut = Render<TeamQueueCard>();

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("#queue-sla-breached .team-queue-count").TextContent));
        Assert.Equal("2", cut.Find("#queue-unassigned .team-queue-count").TextContent);
        Assert.Equal(new CaseListFilter { Assignees = [CaseQuery.Unassigned], Statuses = TeamQueueQueries.Unclosed }.ToUrl(),
            cut.Find("#queue-unassigned").GetAttribute("href"));
        Assert.Equal("/cases?sla=breached", cut.Find("#queue-sla-breached").GetAttribute("href"));
        Assert.Contains("team-queue-alert", cut.Find("#queue-sla-breached").ClassList);
        Assert.DoesNotContain("team-queue-warn", cut.Find("#queue-sla-at-risk").ClassList);
        Assert.Empty(cut.FindAll("#queue-no-sla"));
    }

    [Fact]
    public async Task Another_analysts_new_case_shows_without_a_reload()
    {
        var team = await CaseTeam.CreateAsync(Portal);
        Services.AddSingleton(Portal.Get<TeamQueueQueries>());
        var cut = Render<TeamQueueCard>();
        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("#queue-open .team-queue-count").TextContent));

        await Portal.Get<CaseService>().CreateAsync(team.OtherAnalyst, new NewCase("Beaconing from WS-042"));

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("#queue-open .team-queue-count").TextContent));
        Assert.Equal("1", cut.Find("#queue-unassigned .team-queue-count").TextContent);
    }

    [Fact]
    public async Task Without_sla_targets_it_says_so_and_offers_a_lead_to_set_them()
    {
        await TeamQueueCases.CreateAsync(Portal, await CaseTeam.CreateAsync(Portal), withSla: false);
        Services.AddSingleton(Portal.Get<TeamQueueQueries>());

        var cut = Render<TeamQueueCard>();

        cut.WaitForAssertion(() => Assert.Contains("No SLA targets are set", cut.Find("#queue-no-sla").TextContent));
        Assert.Equal("/settings/sla", cut.Find("#queue-no-sla a").GetAttribute("href"));
        Assert.Empty(cut.FindAll("#queue-sla-breached"));
        Assert.Equal("/cases?status=in-progress", cut.Find("#queue-in-progress").GetAttribute("href"));
    }
}
