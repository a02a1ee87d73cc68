using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CasesPortal.Features.Accounts;

namespace CasesPortal.Tests.Features.Connectors;

/// <summary>Kibana's Actions, cases configure and push routes through the real pipeline, with the roles checked on the server.</summary>
[Trait(Layer.Name, Layer.Http)]
public sealed class ConnectorsApiHttpTests : IAsyncLifetime
{
    private readonly PortalFactory factory = PortalFactory.Create(settings: new Dictionary<string, string?>(ConnectorTestKit.FastRetries));
    private FakeJira jira = default!;

    public async Task InitializeAsync() => jira = await FakeJira.StartAsync();

    public async Task DisposeAsync()
    {
        await jira.DisposeAsync();
        await factory.DisposeAsync();
    }

    private HttpClient Admin()
    {
        var client = factory.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Authorization = HttpForms.Basic(TestAccounts.AdminEmail, TestAccounts.AdminPassword);
        return client;
    }

    private object JiraBody(string name = "SOC Jira") => new
    {
        name,
        connector_type_id = ".jira",
        config = new { apiUrl = jira.BaseUrl, projectKey = FakeJira.Project },
        secrets = new { email = FakeJira.Email, apiToken = FakeJira.Token },
    };

    [Fact]
    public async Task Admins_manage_connectors_whose_secrets_never_come_back_and_others_may_only_read()
    {
        var admin = Admin();
        var created = await admin.PostAsJsonAsync("/api/actions/connector", JiraBody());
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var text = await created.Content.ReadAsStringAsync();
        Assert.DoesNotContain(FakeJira.Token, text);
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString();
        Assert.Equal(".jira", JsonDocument.Parse(text).RootElement.GetProperty("connector_type_id").GetString());

        // Editing without secrets keeps them: the connection still works.
        var renamed = await admin.PutAsJsonAsync($"/api/actions/connector/{id}", new { name = "Jira (SOC)", config = new { apiUrl = jira.BaseUrl, projectKey = FakeJira.Project } });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        foreach (var url in new[] { "/api/actions/connectors", $"/api/actions/connector/{id}", "/api/cases/configure/connectors/_find" })
            Assert.DoesNotContain(FakeJira.Token, await admin.GetStringAsync(url));
        Assert.Contains("Jira (SOC)", await admin.GetStringAsync("/api/actions/connectors"));

        var analyst = await HttpForms.ApiClientAsync(factory, "conn.analyst@soc.example", Roles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/actions/connectors")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/actions/connector", JiraBody())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.DeleteAsync($"/api/actions/connector/{id}")).StatusCode);

        await ApiAssert.ErrorAsync(await admin.PostAsJsonAsync("/api/actions/connector", new { name = "x", connector_type_id = ".jira", config = new { apiUrl = "ftp://jira", projectKey = "SOC" }, secrets = new { email = "a", apiToken = "b" } }),
            HttpStatusCode.BadRequest, "must be an http:// or https:// address");
        await ApiAssert.ErrorAsync(await admin.PostAsJsonAsync("/api/actions/connector", new { name = "x", connector_type_id = ".email" }),
            HttpStatusCode.BadRequest, "connector_type_id must be one of");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/actions/connector/{id}")).StatusCode);
        await ApiAssert.ErrorAsync(await admin.GetAsync($"/api/actions/connector/{id}"), HttpStatusCode.NotFound, "not found");
    }

    [Fact]
    public async Task The_cases_configuration_is_versioned_and_a_push_answers_the_case_with_its_external_service()
    {
        var admin = Admin();
        var connectorId = JsonDocument.Parse(await (await admin.PostAsJsonAsync("/api/actions/connector", JiraBody())).Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        Assert.Equal("[]", await admin.GetStringAsync("/api/cases/configure"));
        var config = await admin.PostAsJsonAsync("/api/cases/configure", new { connector = new { id = connectorId, name = "SOC Jira", type = ".jira", fields = (object?)null }, closure_type = "close-by-pushing", owner = "securitySolution" });
        var configJson = JsonDocument.Parse(await config.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("close-by-pushing", configJson.GetProperty("closure_type").GetString());
        var configId = configJson.GetProperty("id").GetString();
        var version = configJson.GetProperty("version").GetString();
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/cases/configure/{configId}", new { version, closure_type = "close-by-pushing" })).StatusCode);
        await ApiAssert.ErrorAsync(await admin.PatchAsJsonAsync($"/api/cases/configure/{configId}", new { version, closure_type = "close-by-user" }), HttpStatusCode.Conflict, "updated by someone else");

        var analyst = await HttpForms.ApiClientAsync(factory, "push.analyst@soc.example", Roles.Analyst);
        var created = JsonDocument.Parse(await (await analyst.PostAsJsonAsync("/api/cases", new { title = "Beaconing", description = "C2", tags = new[] { "c2" }, owner = "securitySolution" })).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(connectorId, created.GetProperty("connector").GetProperty("id").GetString());   // the default connector
        var caseId = created.GetProperty("id").GetString();

        var viewer = await HttpForms.ApiClientAsync(factory, "push.viewer@soc.example", Roles.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/cases/{caseId}/connector/{connectorId}/_push", null)).StatusCode);
        var pushed = await analyst.PostAsync($"/api/cases/{caseId}/connector/{connectorId}/_push", null);
        var body = JsonDocument.Parse(await pushed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        var external = body.GetProperty("external_service");
        Assert.Equal("SOC-1", external.GetProperty("external_title").GetString());
        Assert.Equal($"{jira.BaseUrl}/browse/SOC-1", external.GetProperty("external_url").GetString());
        Assert.Equal("push.analyst@soc.example", external.GetProperty("pushed_by").GetProperty("username").GetString());
        Assert.Equal("closed", body.GetProperty("status").GetString());   // close-by-pushing

        await ApiAssert.ErrorAsync(await analyst.PostAsync($"/api/cases/{caseId}/connector/{connectorId}/_push", null), HttpStatusCode.BadRequest, "closed");
        var metrics = JsonDocument.Parse(await analyst.GetStringAsync($"/api/cases/metrics/{caseId}?features=connectors")).RootElement;
        Assert.Equal(1, metrics.GetProperty("connectors").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_settings_pages_are_checked_on_the_server()
    {
        await HttpForms.CreateAccountAsync(factory, "pages.lead@soc.example", Roles.Lead);
        await HttpForms.CreateAccountAsync(factory, "pages.analyst@soc.example", Roles.Analyst);
        var lead = await HttpForms.LoggedInClientAsync(factory, "pages.lead@soc.example", TestAccounts.AnalystPassword);
        var analyst = await HttpForms.LoggedInClientAsync(factory, "pages.analyst@soc.example", TestAccounts.AnalystPassword);
        var admin = await HttpForms.LoggedInClientAsync(factory, TestAccounts.AdminEmail, TestAccounts.AdminPassword);

        Assert.Contains("Default connector for new cases", await lead.GetStringAsync("/settings/cases"));
        Assert.Contains("Add connector", await admin.GetStringAsync("/settings/connectors"));
        Assert.StartsWith("/account/access-denied", HttpForms.RedirectTarget(await lead.GetAsync("/settings/connectors")));
        Assert.StartsWith("/account/access-denied", HttpForms.RedirectTarget(await analyst.GetAsync("/settings/cases")));
    }
}
