using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CasesPortal.Features.Evidence.Ingest;

namespace CasesPortal.Tests.Features.Cases.Evidence;

[Trait(Layer.Name, Layer.Http)]
public sealed class CaseEvidenceApiHttpTests : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Alert1 = EvidenceSamples.PowerShellAlert;
    private const string Alert2 = "a9d3e27b41c84c6f8d0e5f1a2b3c4d5e";
    private readonly PortalFactory factory;
    private HttpClient analyst = default!, viewer = default!;

    public CaseEvidenceApiHttpTests(PortalFactory factory) => this.factory = factory;

    public async Task InitializeAsync()
    {
        analyst = await ClientFor("evidence.analyst@soc.example", "Analyst");
        viewer = await ClientFor("evidence.viewer@soc.example", "Viewer");
        await EvidenceSamples.IngestSamplesAsync(factory.Services.GetRequiredService<EvidenceIngestService>());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpClient> ClientFor(string email, string role) => HttpForms.ApiClientAsync(factory, email, role);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<string> CreateCaseAsync(bool sync = true)
    {
        var response = await analyst.PostAsync("/api/cases", Json($$"""{"title":"Evidence case","description":"","tags":[],"settings":{"syncAlerts":{{(sync ? "true" : "false")}}},"owner":"securitySolution"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private Task<HttpResponseMessage> CommentAsync(HttpClient client, string caseId, string body) => client.PostAsync($"/api/cases/{caseId}/comments", Json(body));

    [Fact]
    public async Task Alert_comments_attach_one_or_many_alerts_and_answer_the_case()
    {
        var id = await CreateCaseAsync();

        var single = await CommentAsync(analyst, id, $$"""{"type":"alert","alertId":"{{Alert1}}","index":".internal.alerts-security.alerts-default-000001","rule":{"id":"r1","name":"Suspicious PowerShell"},"owner":"securitySolution"}""");
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        Assert.Equal(1, (await single.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalAlerts").GetInt32());

        var many = await CommentAsync(analyst, id, $$"""{"type":"alert","alertId":["{{Alert1}}","{{Alert2}}"],"index":["a-index","b-index"],"rule":{"id":null,"name":null},"owner":"securitySolution"}""");
        var json = await many.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, many.StatusCode);
        Assert.Equal((2, 0), (json.GetProperty("totalAlerts").GetInt32(), json.GetProperty("totalEvents").GetInt32()));
        Assert.Equal(id, json.GetProperty("id").GetString());

        var listed = await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/alerts");
        var byId = listed.EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("index").GetString());
        Assert.Equal(".internal.alerts-security.alerts-default-000001", byId[Alert1]);
        Assert.Equal("b-index", byId[Alert2]);
        Assert.True(listed[0].TryGetProperty("attached_at", out _));
        Assert.Equal(2, (await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("totalAlerts").GetInt32());
    }

    [Fact]
    public async Task Event_comments_attach_events_and_detach_removes_them()
    {
        var id = await CreateCaseAsync();
        Assert.Equal(HttpStatusCode.OK, (await CommentAsync(analyst, id, """{"type":"event","eventId":"evt-proc-0001","index":"logs-endpoint","owner":"securitySolution"}""")).StatusCode);
        var many = await CommentAsync(analyst, id, """{"type":"event","eventId":["evt-proc-0001","evt-net-0002"],"index":"logs-endpoint","owner":"securitySolution"}""");
        Assert.Equal(2, (await many.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalEvents").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/cases/{id}/events/evt-net-0002")).StatusCode);
        await ApiAssert.ErrorAsync(await analyst.DeleteAsync($"/api/cases/{id}/events/evt-net-0002"), HttpStatusCode.NotFound, "Event evt-net-0002 is not attached");
        Assert.Equal(1, (await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("totalEvents").GetInt32());
    }

    [Fact]
    public async Task Cases_of_an_alert_answer_kibanas_shape_and_detaching_removes_the_case()
    {
        var first = await CreateCaseAsync();
        var second = await CreateCaseAsync(sync: false);
        await CommentAsync(analyst, first, $$"""{"type":"alert","alertId":"{{Alert2}}","index":"i","rule":{"id":"r","name":"n"},"owner":"securitySolution"}""");
        await CommentAsync(analyst, second, $$"""{"type":"alert","alertId":["{{Alert2}}","{{Alert1}}"],"index":"i","rule":{"id":"r","name":"n"},"owner":"securitySolution"}""");

        var cases = await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/alerts/{Alert2}");
        var mine = cases.EnumerateArray().Where(c => c.GetProperty("id").GetString() is { } cid && (cid == first || cid == second)).ToList();
        Assert.Equal(2, mine.Count);
        var secondJson = mine.Single(c => c.GetProperty("id").GetString() == second);
        Assert.Equal("Evidence case", secondJson.GetProperty("title").GetString());
        Assert.Equal("open", secondJson.GetProperty("status").GetString());
        Assert.True(secondJson.TryGetProperty("createdAt", out _));
        Assert.Equal((2, 0), (secondJson.GetProperty("totals").GetProperty("alerts").GetInt32(), secondJson.GetProperty("totals").GetProperty("userComments").GetInt32()));

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/cases/{first}/alerts/{Alert2}")).StatusCode);
        var after = await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/alerts/{Alert2}");
        Assert.DoesNotContain(after.EnumerateArray(), c => c.GetProperty("id").GetString() == first);
        Assert.Equal(0, (await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/{first}/alerts")).GetArrayLength());
        Assert.Equal(0, (await viewer.GetFromJsonAsync<JsonElement>("/api/cases/alerts/unknown-alert")).GetArrayLength());
    }

    [Fact]
    public async Task Refusals_are_400_403_and_404()
    {
        var id = await CreateCaseAsync();
        await ApiAssert.ErrorAsync(await CommentAsync(analyst, id, """{"type":"alert","alertId":["nope-7"],"index":"i","rule":{"id":"r","name":"n"},"owner":"securitySolution"}"""), HttpStatusCode.BadRequest, "Alert nope-7 not found");
        await ApiAssert.ErrorAsync(await CommentAsync(analyst, id, """{"type":"alert","index":"i","owner":"securitySolution"}"""), HttpStatusCode.BadRequest, "alertId is required");
        await ApiAssert.ErrorAsync(await CommentAsync(analyst, id, """{"type":"event","eventId":42,"owner":"securitySolution"}"""), HttpStatusCode.BadRequest, "eventId is required");
        await ApiAssert.ErrorAsync(await CommentAsync(analyst, id, $$"""{"type":"alert","alertId":["{{Alert1}}","{{Alert2}}"],"index":["a","b","c"],"owner":"securitySolution"}"""), HttpStatusCode.BadRequest, "index must be one index or one per id");
        await ApiAssert.ErrorAsync(await CommentAsync(viewer, id, $$"""{"type":"alert","alertId":"{{Alert1}}","index":"i","owner":"securitySolution"}"""), HttpStatusCode.Forbidden, "roles");
        await ApiAssert.ErrorAsync(await CommentAsync(analyst, "no-such-case", $$"""{"type":"alert","alertId":"{{Alert1}}","index":"i","owner":"securitySolution"}"""), HttpStatusCode.NotFound, "Case no-such-case not found");
        await ApiAssert.ErrorAsync(await viewer.GetAsync("/api/cases/no-such-case/alerts"), HttpStatusCode.NotFound, "Case no-such-case not found");
        await ApiAssert.ErrorAsync(await viewer.DeleteAsync($"/api/cases/{id}/alerts/{Alert1}"), HttpStatusCode.Forbidden, "roles");
        await ApiAssert.ErrorAsync(await analyst.DeleteAsync($"/api/cases/{id}/alerts/{Alert1}"), HttpStatusCode.NotFound, "is not attached");
    }

    [Fact]
    public async Task Closing_a_synced_case_through_the_api_closes_its_alerts()
    {
        var id = await CreateCaseAsync();
        await CommentAsync(analyst, id, """{"type":"alert","alertId":"c4e5f6a7b8c94d0e9f1a2b3c4d5e6f70","index":"i","rule":{"id":"r","name":"n"},"owner":"securitySolution"}""");
        var version = (await analyst.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("version").GetString();

        var closed = await analyst.PatchAsync("/api/cases", Json($$"""{"cases":[{"id":"{{id}}","version":"{{version}}","status":"closed"}]}"""));

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        await using var db = await factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<CasesPortal.Data.CasesDbContext>>().CreateDbContextAsync();
        Assert.Equal("closed", (await db.Alerts.FindAsync("c4e5f6a7b8c94d0e9f1a2b3c4d5e6f70"))!.WorkflowStatus);
    }
}
