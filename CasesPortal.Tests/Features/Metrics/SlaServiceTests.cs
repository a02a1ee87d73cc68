using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Metrics.Sla;
using CasesPortal.Tests.Features.Cases;

namespace CasesPortal.Tests.Features.Metrics;

/// <summary>SLA states against hand-set targets, in memory and as the case list's SQL filter.</summary>
[Trait(Layer.Name, Layer.Unit)]
public sealed class SlaServiceTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private CaseTeam team = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        team = await CaseTeam.CreateAsync(portal);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task<string> NewCaseAsync(string title, CaseSeverity severity) =>
        (await portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase(title, "", [], severity))).Value!.Id;

    [Fact]
    public async Task Only_leads_and_admins_set_targets_and_bad_ones_are_refused()
    {
        var sla = portal.Get<SlaService>();
        Assert.Equal(403, (await sla.SaveAsync(team.Analyst, [new SlaTarget { Severity = CaseSeverity.High, AcknowledgeMinutes = 30 }])).Error!.Status);
        Assert.Contains("cannot be longer", (await sla.SaveAsync(team.Lead, [new SlaTarget { Severity = CaseSeverity.High, AcknowledgeMinutes = 120, ResolveMinutes = 60 }])).Error!.Message);
        Assert.Contains("between 1 minute and 365 days", (await sla.SaveAsync(team.Lead, [new SlaTarget { Severity = CaseSeverity.Low, ResolveMinutes = 0 }])).Error!.Message);
        Assert.True((await sla.SaveAsync(team.Lead, [new SlaTarget { Severity = CaseSeverity.High, AcknowledgeMinutes = 60, ResolveMinutes = 480 }])).Succeeded);
        Assert.Equal(480, (await sla.TargetsAsync())[CaseSeverity.High].ResolveMinutes);
    }

    [Fact]
    public async Task Cases_are_on_track_at_risk_or_breached_by_their_severity_in_memory_and_in_SQL()
    {
        await portal.Get<SlaService>().SaveAsync(team.Admin, [
            new SlaTarget { Severity = CaseSeverity.Critical, AcknowledgeMinutes = 15, ResolveMinutes = 240 },
            new SlaTarget { Severity = CaseSeverity.High, AcknowledgeMinutes = 60, ResolveMinutes = 480 }]);
        var breached = await NewCaseAsync("Critical, never acknowledged", CaseSeverity.Critical);          // 20 min: past 15 min to acknowledge
        portal.Clock.Advance(TimeSpan.FromMinutes(10));
        var atRisk = await NewCaseAsync("High, 50 of 60 minutes", CaseSeverity.High);                   // 50 min of 60: 83 %
        portal.Clock.Advance(TimeSpan.FromMinutes(45));
        var onTrack = await NewCaseAsync("High, just opened", CaseSeverity.High);
        await NewCaseAsync("Low has no target", CaseSeverity.Low);
        portal.Clock.Advance(TimeSpan.FromMinutes(5));

        var targets = await portal.Get<SlaService>().TargetsAsync();
        var queries = portal.Get<CaseQueries>();
        SlaState State(CaseView c) => SlaService.StateOf(targets, c.Severity, c.Status, c.CreatedAt, c.AcknowledgedAt, portal.Clock.GetUtcNow());
        Assert.Equal(SlaState.Breached, State((await queries.GetAsync(breached))!));
        Assert.Equal(SlaState.AtRisk, State((await queries.GetAsync(atRisk))!));
        Assert.Equal(SlaState.OnTrack, State((await queries.GetAsync(onTrack))!));

        async Task<string[]> TitlesAsync(params SlaState[] states) =>
            (await queries.FindAsync(new CaseQuery { SlaStates = states, PerPage = 100 })).Cases.Select(c => c.Title).Order().ToArray();
        Assert.Equal(["Critical, never acknowledged"], await TitlesAsync(SlaState.Breached));
        Assert.Equal(["High, 50 of 60 minutes"], await TitlesAsync(SlaState.AtRisk));
        Assert.Equal(["Critical, never acknowledged", "High, 50 of 60 minutes"], await TitlesAsync(SlaState.AtRisk, SlaState.Breached));

        var dashboard = await portal.Get<CasesPortal.Features.Metrics.Dashboard.DashboardService>()
            .GetAsync(new(portal.Clock.GetUtcNow().AddDays(-7), portal.Clock.GetUtcNow()));
        Assert.Equal((1, 1), (dashboard.SlaAtRisk, dashboard.SlaBreached));

        // Acknowledging stops the first clock; the resolve clock (240 min) still runs.
        var version = (await queries.GetAsync(breached))!.Version;
        await portal.Get<CaseService>().UpdateAsync(team.Analyst, [new CaseChanges(breached, version) { Status = CaseStatus.InProgress }]);
        Assert.Empty(await TitlesAsync(SlaState.Breached));
        Assert.Equal(SlaState.OnTrack, State((await queries.GetAsync(breached))!));
    }
}
