using System.Text.Json.Nodes;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Connectors.Model;
using CasesPortal.Features.Connectors.Push;

namespace CasesPortal.Tests.Features.Connectors;

/// <summary>Pushing cases to the fake Jira: mapping, updates, comments once, alerts, failures and outages.</summary>
[Trait(Layer.Name, Layer.Unit)]
public sealed class JiraPushTests : IAsyncLifetime
{
    private ConnectorTestKit kit = default!;
    private FakeJira jira = default!;
    private string connectorId = "";

    public async Task InitializeAsync()
    {
        kit = await ConnectorTestKit.StartAsync();
        jira = await FakeJira.StartAsync();
        connectorId = await kit.JiraConnectorAsync(jira);
    }

    /// <summary>Restarts the portal with attempts that give up on the fake's late answers soon.</summary>
    private async Task WithShortAttemptTimeoutAsync()
    {
        await kit.DisposeAsync();
        kit = await ConnectorTestKit.StartAsync(ConnectorTestKit.ShortAttemptTimeout);
        connectorId = await kit.JiraConnectorAsync(jira);
    }

    public async Task DisposeAsync()
    {
        await jira.DisposeAsync();
        await kit.DisposeAsync();
    }

    [Fact]
    public async Task A_push_creates_one_issue_with_every_field_mapped_then_updates_it_and_sends_each_comment_once()
    {
        var item = await kit.CaseAsync("Ransomware on WS-042", "lateral movement", "ransomware");
        var first = await kit.PushAsync(item.Id, connectorId, new JsonObject { ["issueType"] = "10001", ["priority"] = "Highest", ["parent"] = "SOC-0" });

        Assert.Equal(PushState.Succeeded, first.Value!.State);
        var issue = Assert.Single(jira.Issues).Value;
        var fields = issue["fields"]!;
        Assert.Equal("Ransomware on WS-042", fields["summary"]!.ToString());
        Assert.Equal($"Encrypted files on **WS-042**.\n\nAdded by Ana Diaz.\n\nCasesPortal case #{item.Number}: https://cases.soc.example/cases/{item.Number}", fields["description"]!.ToString());
        Assert.Equal(["lateral-movement", "ransomware", $"casesportal-{item.Id}"], fields["labels"]!.AsArray().Select(l => l!.ToString()));
        Assert.Equal("10001", fields["issuetype"]!["id"]!.ToString());
        Assert.Equal("Highest", fields["priority"]!["name"]!.ToString());
        Assert.Equal("SOC-0", fields["parent"]!["key"]!.ToString());
        Assert.Equal("SOC", fields["project"]!["key"]!.ToString());
        Assert.Equal($"{jira.BaseUrl}/browse/SOC-1", first.Value.External!.Url);

        kit.Portal.Clock.Advance(TimeSpan.FromMinutes(5));
        var comment = (await kit.Portal.Get<CommentService>().AddAsync(kit.Team.Analyst, item.Id, "Isolated the host.")).Value!;
        await kit.Portal.Get<CaseService>().UpdateAsync(kit.Team.Analyst, [new CaseChanges(item.Id, (await kit.Portal.Get<CaseQueries>().GetAsync(item.Id))!.Version) { Title = "Ransomware on WS-042 and WS-043" }]);
        Assert.True((await kit.Portal.Get<ExternalIncidentQueries>().ForCaseAsync(item.Id)).Single().NeedsUpdate);
        Assert.Equal(PushState.Succeeded, (await kit.PushAsync(item.Id, connectorId)).Value!.State);
        Assert.Equal(PushState.Succeeded, (await kit.PushAsync(item.Id, connectorId)).Value!.State);

        Assert.Single(jira.Issues);
        Assert.Equal("Ransomware on WS-042 and WS-043", jira.Issues["SOC-1"]["fields"]!["summary"]!.ToString());
        Assert.Equal(["Isolated the host.\n\nAdded by Ana Diaz."],
            jira.Comments["SOC-1"]);
        var status = (await kit.Portal.Get<ExternalIncidentQueries>().ForCaseAsync(item.Id)).Single();
        Assert.False(status.NeedsUpdate);
        Assert.Equal("SOC-1", status.ExternalTitle);

        var view = (await kit.Portal.Get<CaseQueries>().GetAsync(item.Id))!;
        Assert.Equal("SOC-1", view.ExternalService!.ExternalTitle);
        Assert.Equal(connectorId, view.Connector!.Id);
        var history = await kit.Portal.Get<ActivityQueries>().FindAsync(item.Id, ["pushed"], false, 1, 50);
        Assert.Equal(3, history.Total);
    }

    [Fact]
    public async Task Jira_refusals_come_back_in_its_own_words_and_are_not_retried()
    {
        var item = await kit.CaseAsync();
        var outcome = (await kit.PushAsync(item.Id, connectorId, new JsonObject { ["priority"] = "Forbidden" })).Value!;
        Assert.True(outcome.State == PushState.Failed, outcome.Message);
        Assert.Equal("Jira: Field 'priority' cannot be set. It is not on the appropriate screen, or unknown.", outcome.Message);
        Assert.Single(jira.Requests, r => r.StartsWith("POST /rest/api/2/issue", StringComparison.Ordinal));
        Assert.Empty(jira.Issues);
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_found_by_its_label_and_never_created_twice()
    {
        await WithShortAttemptTimeoutAsync();
        var item = await kit.CaseAsync();
        jira.Outage.Enqueue("timeout");
        var first = (await kit.PushAsync(item.Id, connectorId)).Value!;
        Assert.Equal(PushState.Pending, first.State);
        // Jira did create it: the fake works before answering late, but on a busy machine the work itself may come late too.
        for (var waited = 0; jira.Issues.IsEmpty && waited < 100; waited++) await Task.Delay(50);
        Assert.Single(jira.Issues);

        Assert.Equal(1, await kit.Portal.Get<PushRunner>().RunDueAsync(default));   // the worker's tick after the outage
        Assert.Single(jira.Issues);
        Assert.Contains(jira.Requests, r => r.StartsWith("GET /rest/api/2/search?jql=labels", StringComparison.Ordinal));
        Assert.Equal("SOC-1", (await kit.Portal.Get<ExternalIncidentQueries>().ForCaseAsync(item.Id)).Single().ExternalTitle);
    }

    [Fact]
    public async Task Transient_errors_are_retried_and_a_closed_case_is_refused()
    {
        var item = await kit.CaseAsync();
        jira.Outage.Enqueue("503");
        jira.Outage.Enqueue("429");
        var pushed = (await kit.PushAsync(item.Id, connectorId)).Value!;
        Assert.True(pushed.State == PushState.Succeeded, pushed.Message + string.Join("\n", jira.Requests));
        Assert.Single(jira.Issues);

        var view = (await kit.Portal.Get<CaseQueries>().GetAsync(item.Id))!;
        await kit.Portal.Get<CaseService>().UpdateAsync(kit.Team.Analyst, [new CaseChanges(item.Id, view.Version) { Status = CasesPortal.Features.Cases.Model.CaseStatus.Closed }]);
        var refused = await kit.PushAsync(item.Id, connectorId);
        Assert.Equal(400, refused.Error!.Status);
        Assert.Contains("closed", refused.Error.Message);
    }

    [Fact]
    public async Task A_hundred_cases_pushed_through_an_outage_of_503s_and_timeouts_end_with_one_issue_each()
    {
        await WithShortAttemptTimeoutAsync();
        var ids = new List<string>();
        for (var i = 0; i < 100; i++) ids.Add((await kit.CaseAsync($"Case {i}")).Id);
        // Each timeout costs an attempt timeout: one call in ten times out, and pushes go 50 at a time, so the test stays short.
        for (var i = 0; i < 150; i++) jira.Outage.Enqueue(i % 10 == 0 ? "timeout" : i % 10 is 1 or 2 or 3 ? "503" : "ok");

        foreach (var batch in ids.Chunk(50)) await Task.WhenAll(batch.Select(id => kit.PushAsync(id, connectorId)));
        for (var round = 0; round < 20 && await kit.Portal.Get<PushRunner>().RunDueAsync(default) > 0; round++) { }

        Assert.Equal(100, jira.Issues.Count);
        Assert.Equal(100, jira.Issues.Values.Select(i => i["fields"]!["labels"]!.AsArray().Last()!.ToString()).Distinct().Count());
        foreach (var id in ids)
            Assert.Equal(PushState.Succeeded, (await kit.Portal.Get<ExternalIncidentQueries>().ForCaseAsync(id)).Single().OutboxState);
    }

    [Fact]
    public async Task A_push_left_behind_by_a_crashed_worker_is_resumed_once_its_lease_expires_without_a_duplicate()
    {
        var item = await kit.CaseAsync();
        // The crashed process had claimed the push and sent the create; Jira made the issue, the answer was lost with the process.
        await using (var db = await kit.Portal.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<CasesPortal.Data.CasesDbContext>>().CreateDbContextAsync())
        {
            var now = kit.Portal.Clock.GetUtcNow();
            db.ConnectorPushes.Add(new ConnectorPush
            {
                CaseId = item.Id, ConnectorId = connectorId, RequestedById = kit.Team.Analyst.UserId, CreatedAt = now,
                NextAttemptAt = now, LeaseUntil = now.AddMinutes(5), CreateSentAt = now, Attempts = 1,
            });
            await db.SaveChangesAsync();
        }
        Assert.Equal(PushState.Succeeded, (await kit.PushAsync((await kit.CaseAsync("Other")).Id, connectorId)).Value!.State);
        jira.Issues.Clear();
        await kit.PushAsync(item.Id, connectorId);                               // joins the pending push, still leased
        Assert.Empty(jira.Issues);
        Assert.Equal(0, await kit.Portal.Get<PushRunner>().RunDueAsync(default));   // the lease holds

        kit.Portal.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await kit.Portal.Get<PushRunner>().RunDueAsync(default));
        Assert.Single(jira.Issues);
        Assert.Equal(PushState.Succeeded, (await kit.Portal.Get<ExternalIncidentQueries>().ForCaseAsync(item.Id)).Single().OutboxState);
    }

    [Fact]
    public async Task New_alerts_since_the_last_push_become_one_comment_and_are_not_repeated()
    {
        var alerts = string.Join('\n', Enumerable.Range(1, 3).Select(i =>
            $"{{\"@timestamp\":\"2026-11-01T08:0{i}:00Z\",\"kibana.alert.uuid\":\"al-{i}\",\"kibana.alert.rule.name\":\"Beacon\",\"source\":{{\"ip\":\"10.0.0.{i}\"}}}}"));
        Assert.False((await kit.Portal.Get<CasesPortal.Features.Evidence.Ingest.EvidenceIngestService>().IngestAsync(
            CasesPortal.Features.Evidence.Model.EvidenceKind.Alerts, System.Text.Encoding.UTF8.GetBytes(alerts), default)).Value!.Errors);
        var item = await kit.CaseAsync();
        await kit.Portal.Get<CasesPortal.Features.Cases.Evidence.CaseEvidenceService>().AttachAlertsAsync(kit.Team.Analyst, item.Id, ["al-1", "al-2"]);
        await kit.PushAsync(item.Id, connectorId);
        await kit.PushAsync(item.Id, connectorId);
        await kit.Portal.Get<CasesPortal.Features.Cases.Evidence.CaseEvidenceService>().AttachAlertsAsync(kit.Team.Analyst, item.Id, ["al-3"]);
        Assert.True((await kit.Portal.Get<ExternalIncidentQueries>().ForCaseAsync(item.Id)).Single().NeedsUpdate);
        await kit.PushAsync(item.Id, connectorId);

        Assert.Equal([
            $"2 alerts attached to the case, 2 in all. View them: https://cases.soc.example/cases/{item.Number}",
            $"1 alert attached to the case, 3 in all. View them: https://cases.soc.example/cases/{item.Number}"], jira.Comments["SOC-1"]);
    }
}
