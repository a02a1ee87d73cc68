using System.Diagnostics;
using CasesPortal.Data;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Evidence.Ingest;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Tests.Features.Cases.Evidence;

[Trait(Layer.Name, Layer.Unit)]
public sealed class CaseEvidenceServiceTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private CaseTeam team = default!;
    private CaseEvidenceService evidence = default!;
    private string caseId = "";

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        team = await CaseTeam.CreateAsync(portal);
        evidence = portal.Get<CaseEvidenceService>();
        caseId = await NewCaseAsync("Phishing wave", sync: true);
        await EvidenceSamples.IngestSamplesAsync(portal.Get<EvidenceIngestService>());
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task<string> NewCaseAsync(string title, bool sync) =>
        (await portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase(title, "", [], SyncAlerts: sync))).Value!.Id;

    private async Task<List<UserActionView>> AttachmentLinesAsync(string id) =>
        (await portal.Get<ActivityQueries>().FindAsync(id, [CaseActions.Attachment], false, 1, 100)).Actions.ToList();

    private async Task<Dictionary<string, string?>> StatusesAsync(IEnumerable<string> ids)
    {
        var wanted = ids.ToList();
        await using var db = await portal.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync();
        return await db.Alerts.Where(a => wanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.WorkflowStatus);
    }

    private async Task SetStatusAsync(string id, CaseStatus status)
    {
        var view = (await portal.Get<CaseQueries>().GetAsync(id))!;
        var result = await portal.Get<CaseService>().UpdateAsync(team.Analyst, [new CaseChanges(id, view.Version) { Status = status }]);
        Assert.True(result.Succeeded, result.Error?.Message);
    }

    [Fact]
    public async Task Ten_thousand_alerts_attach_in_one_call_with_one_history_line()
    {
        var ids = await EvidenceSamples.IngestGeneratedAlertsAsync(portal.Get<EvidenceIngestService>(), 10_000);

        var watch = Stopwatch.StartNew();
        var result = await evidence.AttachAlertsAsync(team.Analyst, caseId, ids);
        watch.Stop();

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(10_000, result.Value);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        var line = Assert.Single(await AttachmentLinesAsync(caseId));
        Assert.Equal("""{"alerts":10000}""", line.Payload);
        Assert.Equal(10_000, (await portal.Get<CaseQueries>().GetAsync(caseId))!.TotalAlerts);
        var page = (await evidence.ListAlertsAsync(caseId, page: 1, perPage: 20))!;
        Assert.Equal(10_000, page.Total);
        Assert.Equal("gen-09999", page.Items[0].Id);
    }

    [Fact]
    public async Task Re_attaching_skips_what_is_attached_and_writes_no_line_when_nothing_is_new()
    {
        Assert.Equal(1, (await evidence.AttachAlertsAsync(team.Analyst, caseId, [EvidenceSamples.PowerShellAlert])).Value);
        Assert.Equal(0, (await evidence.AttachAlertsAsync(team.Analyst, caseId, [EvidenceSamples.PowerShellAlert])).Value);
        Assert.Equal(1, (await evidence.AttachAlertsAsync(team.Analyst, caseId, [EvidenceSamples.PowerShellAlert, "a9d3e27b41c84c6f8d0e5f1a2b3c4d5e"])).Value);

        var lines = await AttachmentLinesAsync(caseId);
        Assert.Equal(["""{"alerts":1}""", """{"alerts":1}"""], lines.Select(l => l.Payload));
        Assert.Equal(2, (await evidence.CountAsync(caseId)).Alerts);
    }

    [Fact]
    public async Task Detach_removes_alerts_and_events_with_one_line_each()
    {
        await evidence.AttachAlertsAsync(team.Analyst, caseId, [EvidenceSamples.PowerShellAlert, "a9d3e27b41c84c6f8d0e5f1a2b3c4d5e"]);
        await evidence.AttachEventsAsync(team.Analyst, caseId, [EvidenceSamples.ProcessEvent, "evt-net-0002"]);

        Assert.Equal(1, (await evidence.DetachAlertsAsync(team.Lead, caseId, [EvidenceSamples.PowerShellAlert])).Value);
        Assert.Equal(2, (await evidence.DetachEventsAsync(team.Analyst, caseId, [EvidenceSamples.ProcessEvent, "evt-net-0002"])).Value);
        var again = await evidence.DetachAlertsAsync(team.Analyst, caseId, [EvidenceSamples.PowerShellAlert]);

        Assert.Equal(404, again.Error!.Status);
        Assert.Contains(EvidenceSamples.PowerShellAlert, again.Error.Message);
        Assert.Equal(new EvidenceCounts(1, 0, 0), await evidence.CountAsync(caseId));
        var lines = await AttachmentLinesAsync(caseId);
        Assert.Equal([CaseActions.Create, CaseActions.Create, CaseActions.Delete, CaseActions.Delete], lines.Select(l => l.Action));
        Assert.Equal("""{"events":2}""", lines[^1].Payload);
    }

    [Fact]
    public async Task Unknown_ids_are_refused_naming_the_first_and_nothing_is_attached()
    {
        var result = await evidence.AttachAlertsAsync(team.Analyst, caseId, [EvidenceSamples.PowerShellAlert, "nope-1", "nope-2"]);
        var events = await evidence.AttachEventsAsync(team.Analyst, caseId, ["evt-missing"]);

        Assert.Equal((400, "Alert nope-1 not found."), (result.Error!.Status, result.Error.Message));
        Assert.Equal((400, "Event evt-missing not found."), (events.Error!.Status, events.Error.Message));
        Assert.Equal(new EvidenceCounts(0, 0, 0), await evidence.CountAsync(caseId));
        Assert.Empty(await AttachmentLinesAsync(caseId));
        Assert.Equal(404, (await evidence.AttachAlertsAsync(team.Analyst, "no-such-case", [EvidenceSamples.PowerShellAlert])).Error!.Status);
    }

    [Fact]
    public async Task Viewers_read_but_may_not_attach_or_remove()
    {
        await evidence.AttachAlertsAsync(team.Analyst, caseId, [EvidenceSamples.PowerShellAlert]);

        Assert.Equal(403, (await evidence.AttachAlertsAsync(team.Viewer, caseId, [EvidenceSamples.PowerShellAlert])).Error!.Status);
        Assert.Equal(403, (await evidence.AttachEventsAsync(team.Viewer, caseId, [EvidenceSamples.ProcessEvent])).Error!.Status);
        Assert.Equal(403, (await evidence.DetachAlertsAsync(team.Viewer, caseId, [EvidenceSamples.PowerShellAlert])).Error!.Status);
        Assert.True((await evidence.AttachEventsAsync(team.Admin, caseId, [EvidenceSamples.ProcessEvent])).Succeeded);
        Assert.Single((await evidence.ListAlertsAsync(caseId))!.Items);
    }

    [Fact]
    public async Task Alert_status_follows_the_case_when_sync_is_on()
    {
        var ids = new[] { EvidenceSamples.PowerShellAlert, "a9d3e27b41c84c6f8d0e5f1a2b3c4d5e" };
        await evidence.AttachAlertsAsync(team.Analyst, caseId, ids);
        Assert.All((await StatusesAsync(ids)).Values, s => Assert.Equal("open", s));

        await SetStatusAsync(caseId, CaseStatus.InProgress);
        Assert.All((await StatusesAsync(ids)).Values, s => Assert.Equal("acknowledged", s));
        await SetStatusAsync(caseId, CaseStatus.Closed);
        Assert.All((await StatusesAsync(ids)).Values, s => Assert.Equal("closed", s));
        await SetStatusAsync(caseId, CaseStatus.Open);
        Assert.All((await StatusesAsync(ids)).Values, s => Assert.Equal("open", s));
    }

    [Fact]
    public async Task Attaching_to_a_synced_case_sets_the_alert_status_and_an_unsynced_case_leaves_it()
    {
        await SetStatusAsync(caseId, CaseStatus.Closed);
        var unsynced = await NewCaseAsync("No sync", sync: false);
        await SetStatusAsync(unsynced, CaseStatus.InProgress);

        await evidence.AttachAlertsAsync(team.Analyst, unsynced, ["a9d3e27b41c84c6f8d0e5f1a2b3c4d5e", EvidenceSamples.PowerShellAlert]);
        Assert.Equal("acknowledged", (await StatusesAsync(["a9d3e27b41c84c6f8d0e5f1a2b3c4d5e"])).Values.Single());
        Assert.Equal("open", (await StatusesAsync([EvidenceSamples.PowerShellAlert])).Values.Single());

        await evidence.AttachAlertsAsync(team.Analyst, caseId, [EvidenceSamples.PowerShellAlert]);
        Assert.Equal("closed", (await StatusesAsync([EvidenceSamples.PowerShellAlert])).Values.Single());
        await SetStatusAsync(unsynced, CaseStatus.Open);
        Assert.Equal("closed", (await StatusesAsync([EvidenceSamples.PowerShellAlert])).Values.Single());
    }

    [Fact]
    public async Task Events_list_newest_first_and_cases_of_an_alert_carry_totals()
    {
        await evidence.AttachEventsAsync(team.Analyst, caseId, [EvidenceSamples.ProcessEvent, "evt-net-0002", "winsec-4625-000311"]);
        await evidence.AttachAlertsAsync(team.Analyst, caseId, [EvidenceSamples.PowerShellAlert]);
        var other = await NewCaseAsync("Second look", sync: false);
        await evidence.AttachAlertsAsync(team.Analyst, other, [EvidenceSamples.PowerShellAlert, "a9d3e27b41c84c6f8d0e5f1a2b3c4d5e"]);

        var page = (await evidence.ListEventsAsync(caseId))!;
        Assert.Equal(["winsec-4625-000311", "evt-net-0002", EvidenceSamples.ProcessEvent], page.Items.Select(e => e.Id));
        Assert.Contains("\"evt-proc-0001\"", page.Items[^1].Document);
        var cases = await evidence.CasesOfAlertAsync(EvidenceSamples.PowerShellAlert);
        Assert.Equal([(other, 2), (caseId, 1)], cases.Select(c => (c.Id, c.TotalAlerts)));
        Assert.Equal(3, (await portal.Get<CaseQueries>().GetAsync(caseId))!.TotalEvents);
        var list = (await portal.Get<CaseQueries>().FindAsync(new CaseQuery())).Cases;
        Assert.Equal([(other, 2), (caseId, 1)], list.Select(c => (c.Id, c.TotalAlerts)));
    }
}
