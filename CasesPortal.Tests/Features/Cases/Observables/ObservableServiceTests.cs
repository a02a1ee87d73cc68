using System.Diagnostics;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Observables;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;
using Xunit.Abstractions;

namespace CasesPortal.Tests.Features.Cases.Observables;

[Trait(Layer.Name, Layer.Unit)]
public sealed class ObservableServiceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private PortalServices portal = default!;
    private CaseTeam team = default!;
    private ObservableService observables = default!;
    private string caseId = "";

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        team = await CaseTeam.CreateAsync(portal);
        observables = portal.Get<ObservableService>();
        caseId = await NewCaseAsync("Phishing wave");
        await ObservableSamples.IngestAsync(portal.Get<EvidenceIngestService>());
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task<string> NewCaseAsync(string title, bool extract = true) =>
        (await portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase(title, "", [], ExtractObservables: extract))).Value!.Id;

    private async Task<List<UserActionView>> ObservableLinesAsync(string id) =>
        (await portal.Get<ActivityQueries>().FindAsync(id, [CaseActions.Observable], false, 1, 100)).Actions.ToList();

    private async Task<List<(string, string)>> ValuesAsync(string id) =>
        (await observables.AllAsync(id))!.Select(o => (o.TypeKey, o.Value)).ToList();

    [Fact]
    public async Task Adding_normalises_refuses_duplicates_and_writes_one_line_each()
    {
        var added = await observables.AddAsync(team.Analyst, caseId, new NewObservable(ObservableRules.Domain, " Evil.Example ", "C2 domain", IsIoc: true, Tlp.Red));
        Assert.True(added.Succeeded, added.Error?.Message);
        Assert.Equal("evil.example", added.Value!.Value);
        Assert.Equal("Domain", added.Value.TypeLabel);

        var again = await observables.AddAsync(team.Analyst, caseId, new NewObservable(ObservableRules.Domain, "EVIL.example"));
        Assert.Equal((400, ObservableService.AlreadyExists), (again.Error!.Status, again.Error.Message));
        Assert.Equal(400, (await observables.AddAsync(team.Analyst, caseId, new NewObservable("observable-type-nope", "x"))).Error!.Status);
        Assert.Contains("not an IPv4", (await observables.AddAsync(team.Analyst, caseId, new NewObservable(ObservableRules.Ipv4, "10.0.0"))).Error!.Message);
        Assert.Equal(403, (await observables.AddAsync(team.Viewer, caseId, new NewObservable(ObservableRules.Ipv4, "10.0.0.8"))).Error!.Status);
        Assert.Equal(404, (await observables.AddAsync(team.Analyst, "nope", new NewObservable(ObservableRules.Ipv4, "10.0.0.8"))).Error!.Status);

        var edited = await observables.UpdateAsync(team.Analyst, caseId, added.Value.Id, new ObservableChanges { Value = "evil2.example", Description = "" });
        Assert.Equal(("evil2.example", null), (edited.Value!.Value, edited.Value.Description));
        Assert.Equal(1, (await observables.DeleteAsync(team.Analyst, caseId, [added.Value.Id])).Value);

        var lines = await ObservableLinesAsync(caseId);
        Assert.Equal(["add", "update", "delete"], lines.Select(l => l.Action));
        Assert.All(lines, l => Assert.Equal("""{"observables":1}""", l.Payload));
    }

    [Fact]
    public async Task Pasting_many_detects_types_and_reports_what_was_skipped()
    {
        await observables.AddAsync(team.Analyst, caseId, new NewObservable(ObservableRules.Ipv4, "10.0.0.8"));
        var preview = await observables.PreviewAsync("10.0.0.8\nEvil.Example\n\nd41d8cd98f00b204e9800998ecf8427e\nnot a value!\nWS-042", new Dictionary<int, string> { [6] = ObservableRules.Hostname });
        Assert.Equal([ObservableRules.Ipv4, ObservableRules.Domain, ObservableRules.FileHash, null, ObservableRules.Hostname], preview.Select(p => p.TypeKey));
        Assert.Equal("evil.example", preview[1].Value);
        Assert.Contains("Type not recognised", preview[3].Problem);

        var inputs = preview.Select(p => new NewObservable(p.TypeKey, p.Text)).Append(new NewObservable(ObservableRules.Ipv4, "999.1.1.1")).ToList();
        var outcome = (await observables.AddManyAsync(team.Analyst, caseId, inputs)).Value!;
        Assert.Equal((3, 1, 2), (outcome.Added, outcome.Duplicates, outcome.Invalid.Count));
        Assert.Equal(["""{"observables":1}""", """{"observables":3}"""], (await ObservableLinesAsync(caseId)).Select(l => l.Payload));
        Assert.Contains("At most 1,000", (await observables.AddManyAsync(team.Analyst, caseId,
            Enumerable.Range(0, 1_001).Select(i => new NewObservable(ObservableRules.Hostname, $"h{i}")).ToList())).Error!.Message);
    }

    [Fact]
    public async Task Marking_sets_ioc_and_tlp_of_the_selected_in_one_action()
    {
        var a = (await observables.AddAsync(team.Analyst, caseId, new NewObservable(ObservableRules.Ipv4, "10.0.0.8"))).Value!;
        var b = (await observables.AddAsync(team.Analyst, caseId, new NewObservable(ObservableRules.Ipv4, "10.0.0.9"))).Value!;
        Assert.Equal(2, (await observables.MarkAsync(team.Analyst, caseId, [a.Id, b.Id], true, Tlp.Green)).Value);
        var page = (await observables.ListAsync(caseId, new ObservableFilter(IocOnly: true)))!;
        Assert.Equal(2, page.Total);
        Assert.All(page.Items, o => Assert.Equal(Tlp.Green, o.Tlp));
        Assert.Equal("""{"observables":2}""", (await ObservableLinesAsync(caseId))[^1].Payload);
    }

    [Fact]
    public async Task Attaching_evidence_extracts_observables_when_the_case_asks_for_it()
    {
        var evidence = portal.Get<CaseEvidenceService>();
        Assert.True((await evidence.AttachAlertsAsync(team.Analyst, caseId, [ObservableSamples.PhishAlert])).Succeeded);
        Assert.True((await evidence.AttachEventsAsync(team.Analyst, caseId, [ObservableSamples.DnsEvent])).Succeeded);
        Assert.Equal([
            (ObservableRules.Domain, "c2.bad.example"), (ObservableRules.Email, "ana.diaz@corp.example"), (ObservableRules.Hostname, "ws-042"),
            (ObservableRules.Ipv4, "10.20.4.42"), (ObservableRules.Ipv4, "203.0.113.9"), (ObservableRules.Url, "https://evil.example/login"),
        ], await ValuesAsync(caseId));
        var all = (await observables.AllAsync(caseId))!;
        Assert.Equal("alert:obs-alert-1", all.Single(o => o.Value == "10.20.4.42").Source);
        Assert.Equal("event:obs-event-1", all.Single(o => o.Value == "c2.bad.example").Source);
        Assert.Empty(await ObservableLinesAsync(caseId));

        var quiet = await NewCaseAsync("No extraction", extract: false);
        await evidence.AttachAlertsAsync(team.Analyst, quiet, [ObservableSamples.PhishAlert]);
        Assert.Empty(await ValuesAsync(quiet));
        Assert.False((await portal.Get<CaseQueries>().GetAsync(quiet))!.ExtractObservables);
    }

    [Fact]
    public async Task Ten_thousand_alerts_extract_and_rank_similar_cases_quickly()
    {
        var ids = await ObservableSamples.IngestManyAsync(portal.Get<EvidenceIngestService>(), 10_000);
        var evidence = portal.Get<CaseEvidenceService>();

        var plain = await NewCaseAsync("Without extraction", extract: false);
        var watch = Stopwatch.StartNew();
        await evidence.AttachAlertsAsync(team.Analyst, plain, ids);
        var attachOnly = watch.Elapsed;
        watch.Restart();
        var attached = await evidence.AttachAlertsAsync(team.Analyst, caseId, ids);
        var attach = watch.Elapsed;
        Assert.True(attached.Succeeded, attached.Error?.Message);
        Assert.Equal(50 + 200 + 30, (await observables.AllAsync(caseId))!.Count);

        var other = await NewCaseAsync("Same hosts");
        await evidence.AttachAlertsAsync(team.Analyst, other, ids.Take(3).ToList());
        watch.Restart();
        var similar = (await portal.Get<SimilarCasesService>().FindAsync(caseId))!;
        var find = watch.Elapsed;
        output.WriteLine($"attach 10,000 alerts: {attachOnly.TotalMilliseconds:N0} ms; attach + extract: {attach.TotalMilliseconds:N0} ms; "
            + $"similar cases: {find.TotalMilliseconds:N0} ms");

        // The case without extraction shares all 50 hosts and 20 users; the other 3 hosts, 3 users and 9 observables.
        Assert.Equal([plain, other], similar.Cases.Select(c => c.Id));
        Assert.Equal((70, 15), (similar.Cases[0].SharedCount, similar.Cases[1].SharedCount));
        var match = similar.Cases[1];
        Assert.Equal(other, match.Id);
        Assert.Equal(["WS-000", "WS-001", "WS-002"], match.Hosts);
        Assert.Equal(["user0", "user1", "user2"], match.Users);
        Assert.Equal(9, match.Observables.Count);
        Assert.True(attach < TimeSpan.FromSeconds(15), $"attach took {attach}");
        Assert.True(find < TimeSpan.FromSeconds(5), $"similar took {find}");
    }

    [Fact]
    public async Task A_case_touching_over_a_thousand_users_ranks_its_similar_cases_counting_a_value_once_when_an_alert_and_an_event_carry_it()
    {
        // 1,200 alerts from 1,200 users on 10 hosts.
        var ingest = portal.Get<EvidenceIngestService>();
        var alerts = string.Join('\n', Enumerable.Range(0, 1_200).Select(i =>
            $$$"""{"kibana.alert.uuid":"wide-{{{i}}}","@timestamp":"2026-11-01T08:00:00Z","kibana.alert.rule.name":"Logon burst","user":{"name":"u{{{i:0000}}}"},"host":{"name":"h-{{{i % 10:00}}}"}}"""));
        Assert.False((await ingest.IngestAsync(EvidenceKind.Alerts, System.Text.Encoding.UTF8.GetBytes(alerts), default)).Value!.Errors);
        Assert.False((await ingest.IngestAsync(EvidenceKind.Events, System.Text.Encoding.UTF8.GetBytes(
            """{"_id":"wide-event","@timestamp":"2026-11-01T08:05:00Z","host":{"name":"h-07"},"user":{"name":"u0007"}}"""), default)).Value!.Errors);
        var evidence = portal.Get<CaseEvidenceService>();
        var wide = await NewCaseAsync("Every user", extract: false);
        await evidence.AttachAlertsAsync(team.Analyst, wide, Enumerable.Range(0, 1_200).Select(i => $"wide-{i}").ToList());
        var some = await NewCaseAsync("Five users", extract: false);
        await evidence.AttachAlertsAsync(team.Analyst, some, Enumerable.Range(0, 5).Select(i => $"wide-{i}").ToList());
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        var one = await NewCaseAsync("One user, by alert and by event", extract: false);
        await evidence.AttachAlertsAsync(team.Analyst, one, ["wide-7"]);
        await evidence.AttachEventsAsync(team.Analyst, one, ["wide-event"]);

        var similar = (await portal.Get<SimilarCasesService>().FindAsync(wide))!;

        Assert.Equal([(some, 10), (one, 2)], similar.Cases.Select(c => (c.Id, c.SharedCount)));
        Assert.Equal(["h-00", "h-01", "h-02", "h-03", "h-04"], similar.Cases[0].Hosts);
        Assert.Equal(["u0000", "u0001", "u0002", "u0003", "u0004"], similar.Cases[0].Users);
        Assert.Equal(["h-07"], similar.Cases[1].Hosts);          // once, though an alert and an event name it
        Assert.Equal(["u0007"], similar.Cases[1].Users);
        Assert.Equal(2, similar.Total);
        var back = (await portal.Get<SimilarCasesService>().FindAsync(one))!;
        Assert.Equal([(wide, 2)], back.Cases.Select(c => (c.Id, c.SharedCount)));
    }

    [Fact]
    public async Task Similar_cases_rank_by_shared_values_then_newest_and_name_them()
    {
        var evidence = portal.Get<CaseEvidenceService>();
        await evidence.AttachAlertsAsync(team.Analyst, caseId, [ObservableSamples.PhishAlert]);
        var one = await NewCaseAsync("Shares the C2 IP");
        await observables.AddAsync(team.Analyst, one, new NewObservable(ObservableRules.Ipv4, "203.0.113.9"));
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        var two = await NewCaseAsync("Shares IP and host");
        await observables.AddAsync(team.Analyst, two, new NewObservable(ObservableRules.Ipv4, "203.0.113.9"));
        await evidence.AttachEventsAsync(team.Analyst, two, [ObservableSamples.DnsEvent]);
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await NewCaseAsync("Newer, one shared IP");
        await observables.AddAsync(team.Analyst, newer, new NewObservable(ObservableRules.Ipv4, "203.0.113.9"));
        var unrelated = await NewCaseAsync("Unrelated");
        await observables.AddAsync(team.Analyst, unrelated, new NewObservable(ObservableRules.Ipv4, "198.51.100.1"));
        var trashed = await NewCaseAsync("Trashed");
        await observables.AddAsync(team.Analyst, trashed, new NewObservable(ObservableRules.Ipv4, "203.0.113.9"));
        await portal.Get<CaseService>().DeleteAsync(team.Lead, [trashed]);

        var page = (await portal.Get<SimilarCasesService>().FindAsync(caseId))!;
        Assert.Equal([two, newer, one], page.Cases.Select(c => c.Id));
        Assert.Equal(3, page.Total);
        var best = page.Cases[0];
        Assert.Equal(["WS-042"], best.Hosts);
        Assert.Equal(["ana.diaz"], best.Users);
        Assert.Contains(new SharedObservable(ObservableRules.Ipv4, "203.0.113.9"), best.Observables);
        Assert.Contains(new SharedObservable(ObservableRules.Hostname, "ws-042"), best.Observables);

        var second = (await portal.Get<SimilarCasesService>().FindAsync(caseId, page: 2, perPage: 2))!;
        Assert.Equal([one], second.Cases.Select(c => c.Id));
        Assert.Equal(3, second.Total);
        Assert.Equal(3, (await portal.Get<SimilarCasesService>().FindAsync(caseId, page: 9, perPage: 2))!.Total);
        Assert.Null(await portal.Get<SimilarCasesService>().FindAsync("nope"));
    }

    [Fact]
    public async Task Custom_types_are_managed_by_admins_and_validate_values()
    {
        var types = portal.Get<ObservableTypeService>();
        Assert.Equal(403, (await types.AddAsync(team.Lead, "Ticket id", "INC-[0-9]+")).Error!.Status);
        Assert.Contains("regular expression", (await types.AddAsync(team.Admin, "Ticket id", "INC-[")).Error!.Message);
        var ticket = (await types.AddAsync(team.Admin, "Ticket id", "INC-[0-9]+")).Value!;
        Assert.Equal(409, (await types.AddAsync(team.Admin, "ticket ID", null)).Error!.Status);

        Assert.Contains("does not match", (await observables.AddAsync(team.Analyst, caseId, new NewObservable(ticket.Key, "CHG-1"))).Error!.Message);
        Assert.True((await observables.AddAsync(team.Analyst, caseId, new NewObservable(ticket.Key, "INC-42"))).Succeeded);
        Assert.Equal(409, (await types.DeleteAsync(team.Admin, ticket.Key)).Error!.Status);
        Assert.Equal(404, (await types.DeleteAsync(team.Admin, ObservableRules.Ipv4)).Error!.Status);
    }

    [Fact]
    public async Task Csv_export_lists_every_observable_escaped()
    {
        await observables.AddAsync(team.Analyst, caseId, new NewObservable(ObservableRules.FilePath, "=cmd|'/c calc'!A1", "seen in \"dropper\", twice"));
        var csv = ObservableCsv.Write((await observables.AllAsync(caseId))!);
        Assert.Equal("type,value,ioc,tlp,description,source,created_at\r\n"
            + "observable-type-file-path,'=cmd|'/c calc'!A1,false,amber,\"seen in \"\"dropper\"\", twice\",manual,2026-11-01T09:00:00Z\r\n", csv);
    }
}
