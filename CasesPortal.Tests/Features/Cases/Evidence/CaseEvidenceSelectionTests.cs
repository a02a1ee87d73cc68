using System.Diagnostics;
using CasesPortal.Data;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Evidence.Explore;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;
using CasesPortal.Tests.Features.Evidence;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CasesPortal.Tests.Features.Cases.Evidence;

/// <summary>Indicators as attachments, attaching everything a filter matches, and creating a case with its evidence.</summary>
[Trait(Layer.Name, Layer.Unit)]
public sealed class CaseEvidenceSelectionTests(ITestOutputHelper output) : IAsyncLifetime
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
        caseId = (await portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Mozi botnet", ""))).Value!.Id;
        var ingest = portal.Get<EvidenceIngestService>();
        await EvidenceSamples.IngestSamplesAsync(ingest);
        Assert.True((await ingest.IngestAsync(EvidenceKind.Indicators, Samples.Bytes(Samples.EcsIndicators), CancellationToken.None)).Succeeded);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task<List<string>> AttachmentPayloadsAsync(string id) =>
        (await portal.Get<ActivityQueries>().FindAsync(id, [CaseActions.Attachment], false, 1, 100)).Actions.Select(a => a.Payload).ToList();

    private async Task<T> QueryAsync<T>(Func<CasesDbContext, Task<T>> query)
    {
        await using var db = await portal.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    private static AlertQuery GeneratedRule => new() { Rules = ["Generated rule"] };

    [Fact]
    public async Task Indicators_attach_list_by_last_seen_and_detach_through_the_same_operations()
    {
        var ids = await QueryAsync(db => db.Indicators.Select(i => i.Id).ToListAsync());

        var attached = await evidence.AttachAsync(team.Analyst, caseId, EvidenceSelection.Of(CaseEvidenceKind.Indicators, ids));
        Assert.Equal(ids.Count, attached.Value);
        Assert.Equal(0, (await evidence.AttachAsync(team.Analyst, caseId, EvidenceSelection.Of(CaseEvidenceKind.Indicators, ids))).Value);

        var page = (await evidence.ListIndicatorsAsync(caseId, 1, 20))!;
        Assert.Equal(ids.Count, page.Total);
        Assert.Equal("192.0.2.201", page.Items[0].Value);
        Assert.Equal(team.Analyst.UserId, page.Items[0].AttachedBy.UserId);
        var dated = page.Items.Where(i => i.LastSeen is not null).Select(i => i.LastSeen!.Value).ToList();
        Assert.Equal(dated.OrderDescending(), dated);
        Assert.Equal(ids.Count, (await portal.Get<CaseQueries>().GetAsync(caseId))!.TotalIndicators);
        Assert.Equal(ids.Count, (await evidence.CountAsync(caseId)).Indicators);
        Assert.Equal(caseId, Assert.Single(await evidence.CasesHoldingAsync(CaseEvidenceKind.Indicators, page.Items[0].Id)).Id);

        Assert.Equal(1, (await evidence.DetachAsync(team.Lead, caseId, CaseEvidenceKind.Indicators, [page.Items[0].Id])).Value);
        Assert.Equal(404, (await evidence.DetachAsync(team.Lead, caseId, CaseEvidenceKind.Indicators, [page.Items[0].Id])).Error!.Status);
        Assert.Equal([$$"""{"indicators":{{ids.Count}}}""", """{"indicators":1}"""], await AttachmentPayloadsAsync(caseId));
        Assert.Equal(400, (await evidence.AttachAsync(team.Analyst, caseId, EvidenceSelection.Of(CaseEvidenceKind.Indicators, ["ipv4-addr:0.0.0.0"]))).Error!.Status);
        Assert.Equal(403, (await evidence.AttachAsync(team.Viewer, caseId, EvidenceSelection.Of(CaseEvidenceKind.Indicators, ids))).Error!.Status);
    }

    [Fact]
    public async Task Every_match_of_a_filter_attaches_in_SQL_with_one_line_skipping_what_is_attached()
    {
        var ids = await EvidenceSamples.IngestGeneratedAlertsAsync(portal.Get<EvidenceIngestService>(), 10_000);
        Assert.Equal(1, (await evidence.AttachAlertsAsync(team.Analyst, caseId, [ids[0]])).Value);

        var watch = Stopwatch.StartNew();
        var result = await evidence.AttachAsync(team.Analyst, caseId, EvidenceSelection.Matching(GeneratedRule));
        watch.Stop();
        output.WriteLine($"Attached {result.Value} alerts by filter in {watch.ElapsedMilliseconds} ms");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(9_999, result.Value);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(["""{"alerts":1}""", """{"alerts":9999}"""], await AttachmentPayloadsAsync(caseId));
        Assert.Equal(10_000, (await evidence.CountAsync(caseId)).Alerts);
        Assert.Equal(0, (await evidence.AttachAsync(team.Analyst, caseId, EvidenceSelection.Matching(GeneratedRule))).Value);
        Assert.Equal(2, (await AttachmentPayloadsAsync(caseId)).Count);
        var link = await QueryAsync(db => db.CaseAlerts.SingleAsync(l => l.CaseId == caseId && l.AlertId == ids[9_999]));
        Assert.Equal(team.Analyst.UserId, link.AttachedById);
        Assert.Equal(portal.Clock.GetUtcNow(), link.AttachedAt);
    }

    [Fact]
    public async Task A_filter_attach_to_a_synced_case_sets_the_status_of_exactly_those_alerts()
    {
        await EvidenceSamples.IngestGeneratedAlertsAsync(portal.Get<EvidenceIngestService>(), 200);
        var view = (await portal.Get<CaseQueries>().GetAsync(caseId))!;
        Assert.True((await portal.Get<CaseService>().UpdateAsync(team.Analyst, [new CaseChanges(caseId, view.Version) { Status = CaseStatus.InProgress }])).Succeeded);

        var filter = GeneratedRule with { Common = new EvidenceQuery { Hosts = ["WS-001"] } };
        Assert.Equal(4, (await evidence.AttachAsync(team.Analyst, caseId, EvidenceSelection.Matching(filter))).Value);

        var statuses = await QueryAsync(db => db.Alerts.Where(a => a.RuleName == "Generated rule").GroupBy(a => a.WorkflowStatus)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!, g => g.Count));
        Assert.Equal(4, statuses["acknowledged"]);
        Assert.Equal(196, statuses["open"]);
    }

    [Trait(TestProvider.Trait, TestProvider.Sqlite)]
    [Fact]
    public async Task Ten_thousand_ids_become_one_json_parameter_and_attach_fast()
    {
        var ids = await EvidenceSamples.IngestGeneratedAlertsAsync(portal.Get<EvidenceIngestService>(), 10_000);
        // EF 10 would send one SQL parameter per id; the link operations send the list as one JSON parameter.
        var sql = await QueryAsync(db => Task.FromResult(CaseEvidenceKind.Alerts.Existing(db, ids).ToQueryString()));
        Assert.Contains("json_each", sql);

        var watch = Stopwatch.StartNew();
        var result = await evidence.AttachAsync(team.Analyst, caseId, EvidenceSelection.Of(CaseEvidenceKind.Alerts, ids));
        watch.Stop();
        output.WriteLine($"Attached {result.Value} alerts by id in {watch.ElapsedMilliseconds} ms");
        Assert.Equal(10_000, result.Value);
        Assert.Equal(400, (await evidence.AttachAsync(team.Analyst, caseId, EvidenceSelection.Of(CaseEvidenceKind.Alerts, [.. ids, "one-too-many"]))).Error!.Status);
    }

    [Fact]
    public async Task A_new_case_is_created_with_its_evidence_or_not_at_all()
    {
        var created = await evidence.CreateCaseWithAsync(team.Analyst, new NewCase("Suspicious PowerShell on WS-042", "From the alerts page"),
            EvidenceSelection.Of(CaseEvidenceKind.Alerts, [EvidenceSamples.PowerShellAlert]));
        Assert.True(created.Succeeded, created.Error?.Message);
        Assert.Equal(1, created.Value.Attached);
        Assert.Equal(1, (await portal.Get<CaseQueries>().GetAsync(created.Value.Case.Id))!.TotalAlerts);
        Assert.Equal(["""{"alerts":1}"""], await AttachmentPayloadsAsync(created.Value.Case.Id));

        var before = await QueryAsync(db => db.Cases.CountAsync());
        var failed = await evidence.CreateCaseWithAsync(team.Analyst, new NewCase("Never kept", ""),
            EvidenceSelection.Of(CaseEvidenceKind.Alerts, [EvidenceSamples.PowerShellAlert, "no-such-alert"]));
        Assert.Equal(400, failed.Error!.Status);
        Assert.Equal(before, await QueryAsync(db => db.Cases.CountAsync()));
        Assert.Equal(403, (await evidence.CreateCaseWithAsync(team.Viewer, new NewCase("No", ""),
            EvidenceSelection.Matching(GeneratedRule))).Error!.Status);
    }
}
