using System.Text.Json.Nodes;
using CasesPortal.Features.Connectors;
using CasesPortal.Features.Connectors.Model;
using CasesPortal.Features.Connectors.Push;

namespace CasesPortal.Tests.Features.Connectors;

/// <summary>
/// Outages of ServiceNow and IBM Resilient: ServiceNow's lost creates are found again by correlation id, Resilient's
/// end as "outcome unknown" for a person to settle; either way no incident is ever created twice.
/// </summary>
[Trait(Layer.Name, Layer.Unit)]
public sealed class ConnectorOutageTests : IAsyncLifetime
{
    private ConnectorTestKit kit = default!;
    private FakeSystem system = default!;

    // Every test here has the fake answer late on purpose.
    public async Task InitializeAsync() => (kit, system) = (await ConnectorTestKit.StartAsync(ConnectorTestKit.ShortAttemptTimeout), await FakeSystem.StartAsync());

    public async Task DisposeAsync()
    {
        await system.DisposeAsync();
        await kit.DisposeAsync();
    }

    [Fact]
    public async Task A_hundred_cases_pushed_to_ServiceNow_through_an_outage_of_503s_and_timeouts_end_with_one_incident_each()
    {
        var table = new FakeServiceNowTable("sn_si_incident", "svc", "pw");
        system.Answer = table.Answer;
        var id = await kit.ServiceNowConnectorAsync(system, ".servicenow-sir");
        var ids = new List<string>();
        for (var i = 0; i < 100; i++) ids.Add((await kit.CaseAsync($"Case {i}")).Id);
        // Fewer timeouts than the Jira outage and wider batches, so the test stays short.
        for (var i = 0; i < 150; i++) system.Outage.Enqueue(i % 10 == 0 ? "timeout" : i % 10 is 1 or 2 or 3 ? "503" : "ok");

        foreach (var batch in ids.Chunk(50)) await Task.WhenAll(batch.Select(caseId => kit.PushAsync(caseId, id)));
        for (var round = 0; round < 20 && await kit.Portal.Get<PushRunner>().RunDueAsync(default) > 0; round++) { }

        Assert.Equal(100, table.Records.Count);
        Assert.Equal(ids.Order(), table.Records.Values.Select(r => r["correlation_id"]!.ToString()).Order());
        Assert.Contains(system.Requests, r => r.PathAndQuery.Contains("sysparm_query=correlation_id=", StringComparison.Ordinal));
        foreach (var caseId in ids)
        {
            var status = (await kit.Portal.Get<ExternalIncidentQueries>().ForCaseAsync(caseId)).Single();
            Assert.Equal(PushState.Succeeded, status.OutboxState);
            Assert.Equal(caseId, table.Records[status.ExternalId!]["correlation_id"]!.ToString());
        }
    }

    [Fact]
    public async Task A_Resilient_create_whose_answer_was_lost_is_outcome_unknown_until_its_id_is_confirmed_and_is_never_sent_again()
    {
        var org = new FakeResilientOrg("201", "key", "secret");
        system.Answer = org.Answer;
        var id = await kit.ResilientConnectorAsync(system);
        var item = await kit.CaseAsync("Lateral movement");
        system.Outage.Enqueue("timeout");

        var lost = (await kit.PushAsync(item.Id, id)).Value!;
        Assert.Equal(PushState.OutcomeUnknown, lost.State);
        Assert.Contains("may or may not have been created", lost.Message);
        var created = Assert.Single(org.Incidents).Key;                                       // Resilient did create it
        Assert.Equal(0, await kit.Portal.Get<PushRunner>().RunDueAsync(default));            // not resumed on its own
        Assert.Equal(409, (await kit.PushAsync(item.Id, id)).Error!.Status);                  // nor by a new push
        Assert.Equal(PushState.OutcomeUnknown, (await kit.Portal.Get<ExternalIncidentQueries>().ForCaseAsync(item.Id)).Single().OutboxState);
        Assert.Single(system.Requests, r => r.Method == "POST");

        var settled = (await kit.Portal.Get<CasePushService>().SettleUnknownAsync(kit.Team.Analyst, item.Id, id, created)).Value!;
        Assert.Equal(PushState.Succeeded, settled.State);
        Assert.Equal($"{system.BaseUrl}/#incidents/{created}", settled.External!.Url);
        await kit.Portal.Get<CasesPortal.Features.Cases.Services.CommentService>().AddAsync(kit.Team.Analyst, item.Id, "Disabled the account.");
        Assert.Equal(PushState.Succeeded, (await kit.PushAsync(item.Id, id)).Value!.State);

        Assert.Single(org.Incidents);
        Assert.Single(system.Requests, r => r.Method == "POST" && r.PathAndQuery.Contains("/incidents?", StringComparison.Ordinal));
        Assert.StartsWith("Disabled the account.", Assert.Single(org.Comments[created]));
        var status = (await kit.Portal.Get<ExternalIncidentQueries>().ForCaseAsync(item.Id)).Single();
        Assert.Equal(created, status.ExternalId);
        Assert.Equal(PushState.Succeeded, status.OutboxState);
    }

    [Fact]
    public async Task A_Resilient_create_that_never_arrived_is_created_again_on_request_exactly_once()
    {
        var org = new FakeResilientOrg("201", "key", "secret");
        system.Answer = org.Answer;
        var id = await kit.ResilientConnectorAsync(system);
        var item = await kit.CaseAsync("Beaconing from WS-007");
        system.Outage.Enqueue("drop");

        Assert.Equal(PushState.OutcomeUnknown, (await kit.PushAsync(item.Id, id)).Value!.State);
        Assert.Empty(org.Incidents);

        var again = (await kit.Portal.Get<CasePushService>().SettleUnknownAsync(kit.Team.Analyst, item.Id, id, null)).Value!;
        Assert.Equal(PushState.Succeeded, again.State);
        var incident = Assert.Single(org.Incidents);
        Assert.Equal("Beaconing from WS-007", incident.Value["name"]!.ToString());
        Assert.Equal(incident.Key, again.External!.Id);
        Assert.Equal(404, (await kit.Portal.Get<CasePushService>().SettleUnknownAsync(kit.Team.Analyst, item.Id, id, null)).Error!.Status);
        Assert.Equal(PushState.Succeeded, (await kit.PushAsync(item.Id, id)).Value!.State);   // later pushes update it
        Assert.Single(org.Incidents);
        Assert.Single(system.Requests, r => r.Method == "PATCH");
    }
}
