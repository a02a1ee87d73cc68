using System.Diagnostics;
using System.Text;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Entities.Tactics;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;
using CasesPortal.Tests.Features.Cases;
using CasesPortal.Tests.Features.Cases.Evidence;
using Xunit.Abstractions;

namespace CasesPortal.Tests.Features.Entities;

[Trait(Layer.Name, Layer.Unit)]
public sealed class CaseTacticsServiceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] SampleAlerts =
        ["5f1c0a5e8e0b4bb7a1f1b0f3e6c2a901", "a9d3e27b41c84c6f8d0e5f1a2b3c4d5e", "c4e5f6a7b8c94d0e9f1a2b3c4d5e6f70", "e1f2a3b4c5d64e7f8a9b0c1d2e3f4a5b", "8c1e1b0f2d5c4a3e9b7f6a5d4c3b2a10"];

    private PortalServices portal = default!;
    private CaseTeam team = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        team = await CaseTeam.CreateAsync(portal);
        await EvidenceSamples.IngestSamplesAsync(portal.Get<EvidenceIngestService>());
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task<string> CaseWithAlertsAsync(IEnumerable<string> alertIds)
    {
        var id = (await portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Intrusion", "", []))).Value!.Id;
        if (!alertIds.Any()) return id;
        var attached = await portal.Get<CaseEvidenceService>().AttachAlertsAsync(team.Analyst, id, alertIds.ToList());
        Assert.True(attached.Succeeded, attached.Error?.Message);
        return id;
    }

    private async Task<CaseTactics> TacticsAsync(string caseId) => (await portal.Get<CaseTacticsService>().ForCaseAsync(caseId, default)).Value!;

    [Fact]
    public async Task A_threat_or_technique_written_as_one_object_counts_and_threat_data_naming_no_tactic_does_not()
    {
        var ingested = await portal.Get<EvidenceIngestService>().IngestAsync(EvidenceKind.Alerts, Encoding.UTF8.GetBytes("""
            {"kibana.alert.uuid":"one-object","kibana.alert.rule.threat":{"framework":"MITRE ATT&CK","tactic":{"id":"TA0003","name":"Persistence"},"technique":{"id":"T1053","name":"Scheduled Task/Job","subtechnique":{"id":"T1053.005","name":"Scheduled Task"}}}}
            {"kibana.alert.uuid":"bare-string","kibana.alert.rule.threat":["TA0002"]}
            """), default);
        Assert.False(ingested.Value!.Errors);

        var summary = await TacticsAsync(await CaseWithAlertsAsync(["one-object", "bare-string"]));

        Assert.Equal((2, 1), (summary.AlertsTotal, summary.AlertsWithThreat));
        var technique = Assert.Single(Assert.Single(summary.Tactics).Techniques);
        Assert.Equal(("T1053", 1, "T1053.005"), (technique.Id, technique.Alerts, Assert.Single(technique.Subtechniques).Id));
    }

    [Fact]
    public async Task Tactics_come_in_matrix_order_with_techniques_sub_techniques_and_alert_counts()
    {
        var summary = await TacticsAsync(await CaseWithAlertsAsync(SampleAlerts));

        Assert.Equal((5, 4), (summary.AlertsTotal, summary.AlertsWithThreat));
        // Matrix order: Execution (TA0002), Credential Access (TA0006), then Command and Control (TA0011).
        Assert.Equal(["TA0002", "TA0006", "TA0011"], summary.Tactics.Select(t => t.Id));
        var c2 = summary.Tactics[2];
        Assert.Equal(("Command and Control", 2, "https://attack.mitre.org/tactics/TA0011/"), (c2.Name, c2.Alerts, c2.Url));
        Assert.Equal(["T1071", "T1105"], c2.Techniques.Select(t => t.Id));
        var execution = Assert.Single(summary.Tactics[0].Techniques);
        Assert.Equal(("T1059", 1), (execution.Id, execution.Alerts));
        var powershell = Assert.Single(execution.Subtechniques);
        Assert.Equal(("T1059.001", "PowerShell", "https://attack.mitre.org/techniques/T1059/001/"), (powershell.Id, powershell.Name, powershell.Url));
    }

    [Fact]
    public async Task Links_not_on_attack_mitre_org_are_replaced_and_other_frameworks_ignored()
    {
        const string Odd = """
            {"@timestamp":"2026-11-27T12:00:00Z","kibana.alert.uuid":"odd-threat","kibana.alert.rule.threat":[{"framework":"MITRE ATT&CK","tactic":{"id":"TA0040","name":"Impact","reference":"https://evil.example/"},"technique":[{"id":"T1486","name":"Data Encrypted for Impact"}]},{"framework":"Other","tactic":{"id":"X1","name":"Elsewhere"}},{"framework":"MITRE ATT&CK","tactic":{"id":"TA0040","name":"Impact"},"technique":[{"id":"T1486","name":"Data Encrypted for Impact"}]}]}
            """;
        await portal.Get<EvidenceIngestService>().IngestAsync(EvidenceKind.Alerts, Encoding.UTF8.GetBytes(Odd), default);

        var summary = await TacticsAsync(await CaseWithAlertsAsync(["odd-threat"]));

        var impact = Assert.Single(summary.Tactics);
        Assert.Equal(("TA0040", "https://attack.mitre.org/tactics/TA0040/", 1), (impact.Id, impact.Url, impact.Alerts));
        var technique = Assert.Single(impact.Techniques);
        Assert.Equal(("https://attack.mitre.org/techniques/T1486/", 1), (technique.Url, technique.Alerts));
    }

    [Fact]
    public async Task A_missing_case_is_not_found_and_a_case_without_alerts_has_no_tactics()
    {
        var missing = await portal.Get<CaseTacticsService>().ForCaseAsync("no-such-case", default);
        var empty = await TacticsAsync(await CaseWithAlertsAsync([]));

        Assert.Equal(404, missing.Error!.Status);
        Assert.Equal((0, 0), (empty.Tactics.Count, empty.AlertsTotal));
    }

    [Fact]
    public async Task Ten_thousand_alerts_are_summed_in_one_grouped_query()
    {
        var rules = new[] { ("TA0002", "T1059"), ("TA0011", "T1071"), ("TA0006", "T1110"), ("TA0008", "T1021") };
        var body = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            var (tactic, technique) = rules[i % rules.Length];
            body.Append($$"""{"@timestamp":"2026-11-27T00:00:00Z","kibana.alert.uuid":"many-{{i:D5}}","kibana.alert.rule.threat":[{"framework":"MITRE ATT&CK","tactic":{"id":"{{tactic}}","name":"{{tactic}}"},"technique":[{"id":"{{technique}}","name":"{{technique}}"}]}]}""").Append('\n');
        }
        await portal.Get<EvidenceIngestService>().IngestAsync(EvidenceKind.Alerts, Encoding.UTF8.GetBytes(body.ToString()), default);
        var caseId = await CaseWithAlertsAsync(Enumerable.Range(0, 10_000).Select(i => $"many-{i:D5}"));

        await TacticsAsync(caseId);
        var clock = Stopwatch.StartNew();
        var summary = await TacticsAsync(caseId);
        output.WriteLine($"Tactics of a case with 10,000 alerts: {clock.ElapsedMilliseconds} ms");

        Assert.Equal(["TA0002", "TA0006", "TA0008", "TA0011"], summary.Tactics.Select(t => t.Id));
        Assert.All(summary.Tactics, t => Assert.Equal(2_500, t.Alerts));
        Assert.Equal(10_000, summary.AlertsWithThreat);
    }

    [Fact]
    public async Task Indicators_add_their_ECS_tactics_and_STIX_kill_chain_phases()
    {
        const string Ecs = """{"@timestamp":"2026-11-27T00:00:00Z","threat":{"indicator":{"type":"ipv4-addr","ip":"198.51.100.77"},"tactic":{"id":["TA0011"],"name":["Command and Control"]},"technique":{"id":["T1071"],"name":["Application Layer Protocol"]}}}""";
        const string Stix = """{"type":"indicator","spec_version":"2.1","id":"indicator--0c1b8a40-1111-4c9e-9a57-1d3c0e2f7a01","created":"2026-11-20T00:00:00Z","modified":"2026-11-20T00:00:00Z","pattern":"[domain-name:value = 'update-check.example']","pattern_type":"stix","valid_from":"2026-11-20T00:00:00Z","kill_chain_phases":[{"kill_chain_name":"mitre-attack","phase_name":"command-and-control"},{"kill_chain_name":"lockheed-martin-cyber-kill-chain","phase_name":"delivery"}]}""";
        const string Plain = """{"@timestamp":"2026-11-27T00:00:00Z","threat":{"indicator":{"type":"ipv4-addr","ip":"198.51.100.78"}}}""";
        var ingest = portal.Get<EvidenceIngestService>();
        await ingest.IngestAsync(EvidenceKind.Indicators, Encoding.UTF8.GetBytes(Ecs + "\n" + Plain), default);
        await ingest.IngestAsync(EvidenceKind.Indicators, Encoding.UTF8.GetBytes(Stix), default);
        var caseId = await CaseWithAlertsAsync([]);
        var attached = await portal.Get<CaseEvidenceService>().AttachAsync(team.Analyst, caseId, EvidenceSelection.Of(CaseEvidenceKind.Indicators,
            (IReadOnlyList<string>)["ipv4-addr:198.51.100.77", "ipv4-addr:198.51.100.78", "indicator--0c1b8a40-1111-4c9e-9a57-1d3c0e2f7a01"]));
        Assert.True(attached.Succeeded, attached.Error?.Message);

        var summary = await TacticsAsync(caseId);

        Assert.Equal((2, 3), (summary.IndicatorsWithThreat, summary.IndicatorsTotal));
        var c2 = Assert.Single(summary.Tactics);
        Assert.Equal(("TA0011", "Command and Control", 2, 0), (c2.Id, c2.Name, c2.Indicators, c2.Alerts));
        var technique = Assert.Single(c2.Techniques);
        Assert.Equal(("T1071", 1), (technique.Id, technique.Indicators));
    }
}
