using System.Text.Json.Nodes;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Connectors;
using CasesPortal.Features.Connectors.Model;
using CasesPortal.Features.Connectors.Push;

namespace CasesPortal.Tests.Features.Connectors;

/// <summary>ServiceNow ITSM and SecOps, IBM Resilient and the case-management webhook against loopback fakes.</summary>
[Trait(Layer.Name, Layer.Unit)]
public sealed class OtherConnectorTypesTests : IAsyncLifetime
{
    private ConnectorTestKit kit = default!;
    private FakeSystem system = default!;

    public async Task InitializeAsync() => (kit, system) = (await ConnectorTestKit.StartAsync(), await FakeSystem.StartAsync());

    public async Task DisposeAsync()
    {
        await system.DisposeAsync();
        await kit.DisposeAsync();
    }

    [Fact]
    public async Task ServiceNow_ITSM_gets_one_incident_by_correlation_id_updates_by_sys_id_and_comments_as_work_notes()
    {
        var id = await kit.ServiceNowConnectorAsync(system);
        system.Answer = r => (r.Method, r.PathAndQuery) switch
        {
            ("POST", "/api/now/v2/table/incident") => (201, new { result = new { sys_id = "abc123", number = "INC0010001" } }),
            ("PATCH", "/api/now/v2/table/incident/abc123") => (200, new { result = new { sys_id = "abc123", number = "INC0010001" } }),
            _ => (400, new { error = new { message = "Invalid table", detail = "" }, status = "failure" }),
        };
        var item = await kit.CaseAsync("Phishing wave", "finance");
        var comment = (await kit.Portal.Get<CommentService>().AddAsync(kit.Team.Analyst, item.Id, "Blocked the sender.")).Value!;
        var outcome = (await kit.PushAsync(item.Id, id, new JsonObject { ["urgency"] = "1", ["impact"] = "2", ["category"] = "network" })).Value!;

        Assert.Equal(PushState.Succeeded, outcome.State);
        Assert.Equal($"{system.BaseUrl}/nav_to.do?uri=incident.do?sys_id=abc123", outcome.External!.Url);
        var requests = system.Requests.ToList();
        Assert.All(requests, r => Assert.Equal(FakeSystem.Basic("svc", "pw"), r.Authorization));
        var create = requests[0].Body!;
        Assert.Equal("Phishing wave", create["short_description"]!.ToString());
        Assert.Equal(item.Id, create["correlation_id"]!.ToString());
        Assert.Equal("CasesPortal", create["correlation_display"]!.ToString());
        Assert.Equal("1", create["urgency"]!.ToString());
        Assert.Equal("network", create["category"]!.ToString());
        Assert.Null(create["severity"]);
        Assert.Equal("Blocked the sender.\n\nAdded by Ana Diaz.",
            requests[1].Body!["work_notes"]!.ToString());
        Assert.Equal(2, requests.Count);
    }

    [Fact]
    public async Task ServiceNow_SecOps_writes_security_incidents_with_the_alerts_observables()
    {
        var id = await kit.ServiceNowConnectorAsync(system, ".servicenow-sir");
        system.Answer = r => r.Method == "POST" && r.PathAndQuery == "/api/now/v2/table/sn_si_incident"
            ? (201, new { result = new { sys_id = "sir1", number = "SIR0010001" } }) : (404, new { error = new { message = "No Record found" } });
        var item = await kit.CaseAsync();
        await kit.Portal.Get<CasesPortal.Features.Cases.Observables.ObservableService>().AddAsync(kit.Team.Analyst, item.Id,
            new CasesPortal.Features.Cases.Observables.NewObservable("observable-type-url", "https://evil.example/payload", null, false, CasesPortal.Features.Cases.Observables.Tlp.Amber));
        var outcome = (await kit.PushAsync(item.Id, id, new JsonObject { ["priority"] = "1", ["category"] = "malware" })).Value!;
        Assert.Equal(PushState.Succeeded, outcome.State);
        var body = system.Requests.Single().Body!;
        Assert.Equal("1", body["priority"]!.ToString());
        Assert.Equal("https://evil.example/payload", body["malware_url"]!.ToString());
        Assert.Contains("sn_si_incident.do?sys_id=sir1", outcome.External!.Url);
    }

    [Fact]
    public async Task Resilient_creates_with_an_html_description_and_updates_with_changes_from_a_fresh_read()
    {
        var id = await kit.ResilientConnectorAsync(system);
        system.Answer = r => (r.Method, r.PathAndQuery) switch
        {
            ("POST", "/rest/orgs/201/incidents?text_content_output_format=objects_convert") => (200, new { id = 3001, name = r.Body!["name"]!.ToString() }),
            ("GET", "/rest/orgs/201/incidents/3001?text_content_output_format=objects_convert") => (200, new { id = 3001, name = "Old name", description = new { format = "html", content = "old" }, severity_code = 4 }),
            ("PATCH", "/rest/orgs/201/incidents/3001") => (200, new { success = true }),
            ("POST", "/rest/orgs/201/incidents/3001/comments") => (200, new { id = 1 }),
            _ => (404, new { success = false, message = "Not found", hints = Array.Empty<string>() }),
        };
        var item = await kit.CaseAsync("Lateral movement");
        Assert.Equal(PushState.Succeeded, (await kit.PushAsync(item.Id, id, new JsonObject { ["incidentTypes"] = new JsonArray("17", "21"), ["severityCode"] = "5" })).Value!.State);
        var create = system.Requests.Single().Body!;
        Assert.Equal("Lateral movement", create["name"]!.ToString());
        Assert.Equal("html", create["description"]!["format"]!.ToString());
        Assert.Equal(new long[] { 17, 21 }, create["incident_type_ids"]!.AsArray().Select(t => (long)t!["id"]!));
        Assert.Equal(5, (long)create["severity_code"]!["id"]!);
        Assert.Equal(FakeSystem.Basic("key", "secret"), system.Requests.Single().Authorization);

        await kit.Portal.Get<CommentService>().AddAsync(kit.Team.Analyst, item.Id, "Reset the admin password.");
        Assert.Equal(PushState.Succeeded, (await kit.PushAsync(item.Id, id)).Value!.State);
        var patch = system.Requests.Single(r => r.Method == "PATCH").Body!["changes"]!.AsArray();
        Assert.Equal("Old name", patch[0]!["old_value"]!["text"]!.ToString());
        Assert.Equal("Lateral movement", patch[0]!["new_value"]!["text"]!.ToString());
        Assert.Equal("Reset the admin password.\n\nAdded by Ana Diaz.",
            system.Requests.Single(r => r.PathAndQuery.EndsWith("/comments")).Body!["text"]!["content"]!.ToString());
    }

    [Fact]
    public async Task The_webhook_fills_Kibana_templates_with_JSON_escaped_values_and_reads_the_incident_back()
    {
        var id = await kit.ConnectorAsync(".cases-webhook", new JsonObject
        {
            ["createIncidentUrl"] = $"{system.BaseUrl}/tickets",
            ["createIncidentMethod"] = "post",
            ["createIncidentJson"] = """{"summary":{{{case.title}}},"body":{{{case.description}}},"labels":{{{case.tags}}},"ref":{{{case.id}}}}""",
            ["createIncidentResponseKey"] = "data.id",
            ["getIncidentUrl"] = $"{system.BaseUrl}/tickets/{{{{{{external.system.id}}}}}}",
            ["getIncidentResponseExternalTitleKey"] = "data.key",
            ["viewIncidentUrl"] = $"{system.BaseUrl}/view/{{{{{{external.system.title}}}}}}",
            ["updateIncidentUrl"] = $"{system.BaseUrl}/tickets/{{{{{{external.system.id}}}}}}",
            ["updateIncidentMethod"] = "put",
            ["updateIncidentJson"] = """{"summary":{{{case.title}}}}""",
            ["createCommentUrl"] = $"{system.BaseUrl}/tickets/{{{{{{external.system.id}}}}}}/comments",
            ["createCommentMethod"] = "post",
            ["createCommentJson"] = """{"text":{{{case.comment}}}}""",
        }, new() { ["user"] = "hook", ["password"] = "pw" });
        system.Answer = r => (r.Method, r.PathAndQuery) switch
        {
            ("POST", "/tickets") => (201, new { data = new { id = "77" } }),
            ("GET", "/tickets/77") => (200, new { data = new { id = "77", key = "TCK-77" } }),
            _ => (200, new { ok = true }),
        };
        var item = await kit.CaseAsync("Quote \" and\nnewline", "a b");
        await kit.Portal.Get<CommentService>().AddAsync(kit.Team.Analyst, item.Id, "Say \"hi\"");
        var outcome = (await kit.PushAsync(item.Id, id)).Value!;

        Assert.Equal(PushState.Succeeded, outcome.State);
        Assert.Equal($"{system.BaseUrl}/view/TCK-77", outcome.External!.Url);
        var create = system.Requests.First().Body!;
        Assert.Equal("Quote \" and\nnewline", create["summary"]!.ToString());
        Assert.Equal(["a b"], create["labels"]!.AsArray().Select(t => t!.ToString()));
        Assert.Equal(item.Id, create["ref"]!.ToString());
        Assert.Equal("Say \"hi\"\n\nAdded by Ana Diaz.", system.Requests.Single(r => r.PathAndQuery == "/tickets/77/comments").Body!["text"]!.ToString());
        Assert.All(system.Requests, r => Assert.Equal(FakeSystem.Basic("hook", "pw"), r.Authorization));
    }

    [Fact]
    public async Task Hosts_outside_the_allow_list_are_refused_and_secrets_are_stored_encrypted()
    {
        await using var portal = await PortalServices.StartAsync(new Dictionary<string, string?> { ["Connectors:AllowedHosts:0"] = "jira.soc.example" });
        var team = await CasesPortal.Tests.Features.Cases.CaseTeam.CreateAsync(portal);
        var refused = await portal.Get<ConnectorService>().CreateAsync(team.Admin, new ConnectorInput("x", ".servicenow",
            new JsonObject { ["apiUrl"] = "https://evil.example" }, new Dictionary<string, string?> { ["username"] = "u", ["password"] = "p" }));
        Assert.Contains("not in Connectors:AllowedHosts", refused.Error!.Message);
        Assert.Equal(403, (await portal.Get<ConnectorService>().CreateAsync(team.Lead, new ConnectorInput("x", ".jira", null, null))).Error!.Status);

        var created = await kit.Portal.Get<ConnectorService>().CreateAsync(kit.Team.Admin, new ConnectorInput("SN", ".servicenow",
            new JsonObject { ["apiUrl"] = system.BaseUrl }, new Dictionary<string, string?> { ["username"] = "svc", ["password"] = "very-secret-password" }));
        await using var db = await kit.Portal.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<CasesPortal.Data.CasesDbContext>>().CreateDbContextAsync();
        var row = db.Connectors.Single(c => c.Id == created.Value!.Id);
        Assert.DoesNotContain("very-secret-password", row.ProtectedSecrets + row.ConfigJson);
        Assert.Equal(["password", "username"], created.Value!.SecretsSet);
    }

    [Fact]
    public async Task A_ServiceNow_create_whose_answer_was_lost_is_found_by_correlation_id_and_not_sent_again()
    {
        await kit.DisposeAsync();
        kit = await ConnectorTestKit.StartAsync(ConnectorTestKit.ShortAttemptTimeout);
        var id = await kit.ServiceNowConnectorAsync(system);
        var item = await kit.CaseAsync();
        var creates = 0;
        system.Answer = r => (r.Method, r.PathAndQuery) switch
        {
            ("POST", _) => Create(),
            ("GET", var q) when q == $"/api/now/v2/table/incident?sysparm_query=correlation_id={item.Id}" =>
                (200, new { result = creates > 0 ? new[] { new { sys_id = "abc", number = "INC1" } } : [] }),
            _ => (200, new { result = new { sys_id = "abc", number = "INC1" } }),
        };
        system.Outage.Enqueue("timeout");   // the record is created, the answer lost
        Assert.Equal(PushState.Pending, (await kit.PushAsync(item.Id, id)).Value!.State);
        Assert.Equal(1, await kit.Portal.Get<PushRunner>().RunDueAsync(default));
        Assert.Equal(1, creates);
        Assert.Equal("INC1", (await kit.Portal.Get<ExternalIncidentQueries>().ForCaseAsync(item.Id)).Single().ExternalTitle);

        (int, object?) Create()
        {
            Interlocked.Increment(ref creates);
            return (201, new { result = new { sys_id = "abc", number = "INC1" } });
        }
    }
}
