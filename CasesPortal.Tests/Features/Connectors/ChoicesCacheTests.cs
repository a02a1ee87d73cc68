using System.Text.Json.Nodes;
using CasesPortal.Features.Connectors;

namespace CasesPortal.Tests.Features.Connectors;

/// <summary>Field choices (issue types, priorities, incident types...) are read from the system once per cache lifetime, on the portal's clock.</summary>
[Trait(Layer.Name, Layer.Unit)]
public sealed class ChoicesCacheTests : IAsyncLifetime
{
    private ConnectorTestKit kit = default!;

    public async Task InitializeAsync() => kit = await ConnectorTestKit.StartAsync();

    public async Task DisposeAsync() => await kit.DisposeAsync();

    private ConnectorService Connectors => kit.Portal.Get<ConnectorService>();

    [Fact]
    public async Task Jira_issue_types_and_priorities_are_fetched_once_then_served_from_the_cache_until_it_expires()
    {
        await using var jira = await FakeJira.StartAsync();
        var id = await kit.JiraConnectorAsync(jira);
        int Fetches() => jira.Requests.Count(r => r == "GET /rest/api/2/priority");

        var first = (await Connectors.ChoicesAsync(kit.Team.Analyst, id)).Value!;
        Assert.Equal(["Task", "Bug"], first["issueType"].Select(c => c.Label));
        Assert.Equal(["Highest", "Medium"], first["priority"].Select(c => c.Value));
        kit.Portal.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Same(first, (await Connectors.ChoicesAsync(kit.Team.Lead, id)).Value);
        Assert.Equal(1, Fetches());
        Assert.Single(jira.Requests, r => r.StartsWith("GET /rest/api/2/issue/createmeta/SOC/issuetypes", StringComparison.Ordinal));

        kit.Portal.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.NotSame(first, (await Connectors.ChoicesAsync(kit.Team.Analyst, id)).Value);
        Assert.Equal(2, Fetches());
        Assert.Equal(403, (await Connectors.ChoicesAsync(kit.Team.Viewer, id)).Error!.Status);
    }

    [Fact]
    public async Task Resilient_incident_types_are_cached_and_changing_the_connector_reads_them_again()
    {
        await using var system = await FakeSystem.StartAsync();
        system.Answer = r => r.PathAndQuery switch
        {
            "/rest/orgs/201/types/incident/fields/incident_type_ids" => (200, new { name = "incident_type_ids", values = new[] { new { value = 17, label = "Malware" }, new { value = 21, label = "Phishing" } } }),
            "/rest/orgs/201/types/incident/fields/severity_code" => (200, new { name = "severity_code", values = new[] { new { value = 4, label = "Low" }, new { value = 6, label = "High" } } }),
            _ => (404, new { success = false, message = "Not found" }),
        };
        var id = await kit.ResilientConnectorAsync(system);
        int Fetches() => system.Requests.Count(r => r.PathAndQuery.EndsWith("/incident_type_ids", StringComparison.Ordinal));

        var choices = (await Connectors.ChoicesAsync(kit.Team.Analyst, id)).Value!;
        Assert.Equal([("17", "Malware"), ("21", "Phishing")], choices["incidentTypes"].Select(c => (c.Value, c.Label)));
        Assert.Equal(["Low", "High"], choices["severityCode"].Select(c => c.Label));
        await Connectors.ChoicesAsync(kit.Team.Analyst, id);
        Assert.Equal(1, Fetches());

        await Connectors.UpdateAsync(kit.Team.Admin, id, new ConnectorInput("Resilient SOC", null, new JsonObject { ["apiUrl"] = system.BaseUrl, ["orgId"] = "201" }, null));
        await Connectors.ChoicesAsync(kit.Team.Analyst, id);
        Assert.Equal(2, Fetches());
    }
}
