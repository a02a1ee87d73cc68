using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Tests.Features.Cases.Evidence;

namespace CasesPortal.Tests.Features.Metrics;

[Trait(Layer.Name, Layer.Http)]
public sealed class CaseMetricsApiHttpTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private HttpClient analyst = default!;

    public async Task InitializeAsync()
    {
        analyst = await HttpForms.ApiClientAsync(factory, "metrics.analyst@soc.example", "Analyst");
        await EvidenceSamples.IngestSamplesAsync(factory.Services.GetRequiredService<EvidenceIngestService>());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<JsonElement> CreateCaseAsync()
    {
        var response = await analyst.PostAsync("/api/cases", Json("""{"title":"Metrics case","description":"","tags":[],"settings":{"syncAlerts":false},"owner":"securitySolution"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Case_metrics_answer_only_the_features_asked_for_in_Kibana_shapes()
    {
        var id = (await CreateCaseAsync()).GetProperty("id").GetString();
        var attach = await analyst.PostAsync($"/api/cases/{id}/comments", Json(
            $$"""{"type":"alert","alertId":["{{EvidenceSamples.PowerShellAlert}}","a9d3e27b41c84c6f8d0e5f1a2b3c4d5e"],"index":["i","i"],"rule":{"id":null,"name":null},"owner":"securitySolution"}"""));
        Assert.Equal(HttpStatusCode.OK, attach.StatusCode);

        var all = await analyst.GetFromJsonAsync<JsonElement>(
            $"/api/cases/metrics/{id}?features=alerts.count&features=alerts.users&features=alerts.hosts&features=connectors&features=lifespan");
        Assert.Equal(2, all.GetProperty("alerts").GetProperty("count").GetInt32());
        var hosts = all.GetProperty("alerts").GetProperty("hosts");
        Assert.Equal(1, hosts.GetProperty("total").GetInt32());
        Assert.Equal("WS-042", hosts.GetProperty("values")[0].GetProperty("name").GetString());
        Assert.Equal(2, hosts.GetProperty("values")[0].GetProperty("count").GetInt32());
        Assert.Equal("ana.diaz", all.GetProperty("alerts").GetProperty("users").GetProperty("values")[0].GetProperty("name").GetString());
        Assert.Equal(0, all.GetProperty("connectors").GetProperty("total").GetInt32());
        var lifespan = all.GetProperty("lifespan");
        Assert.Equal(JsonValueKind.Null, lifespan.GetProperty("closeDate").ValueKind);
        Assert.Equal(0, lifespan.GetProperty("statusInfo").GetProperty("inProgressDuration").GetInt64());
        Assert.Equal(0, lifespan.GetProperty("statusInfo").GetProperty("reopenDates").GetArrayLength());

        var countOnly = await analyst.GetFromJsonAsync<JsonElement>($"/api/cases/metrics/{id}?features=alerts.count");
        Assert.Equal(["alerts"], countOnly.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["count"], countOnly.GetProperty("alerts").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Unknown_features_cases_and_dates_are_refused_with_a_message()
    {
        var id = (await CreateCaseAsync()).GetProperty("id").GetString();
        await ApiAssert.ErrorAsync(await analyst.GetAsync($"/api/cases/metrics/{id}?features=alerts.count&features=actions.isolateHost"),
            HttpStatusCode.BadRequest, "Unknown feature [actions.isolateHost]");
        await ApiAssert.ErrorAsync(await analyst.GetAsync("/api/cases/metrics/no-such-case?features=lifespan"), HttpStatusCode.NotFound, "no-such-case");
        await ApiAssert.ErrorAsync(await analyst.GetAsync("/api/cases/metrics?features=lifespan"), HttpStatusCode.BadRequest, "Unknown feature [lifespan]");
        await ApiAssert.ErrorAsync(await analyst.GetAsync("/api/cases/metrics?features=mttr&from=yesterday"), HttpStatusCode.BadRequest, "from must be an ISO 8601");
        await ApiAssert.ErrorAsync(await analyst.GetAsync("/api/cases/metrics?features=mttr&from=2026-12-01&to=2026-11-01"), HttpStatusCode.BadRequest, "from must not be later");
    }

    [Fact]
    public async Task All_cases_metrics_give_mttr_and_status_counts_and_closed_cases_carry_their_duration()
    {
        var created = await CreateCaseAsync();
        var patch = await analyst.PatchAsync("/api/cases", Json($$"""{"cases":[{"id":"{{created.GetProperty("id").GetString()}}","version":"{{created.GetProperty("version").GetString()}}","status":"closed"}]}"""));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var closed = (await patch.Content.ReadFromJsonAsync<JsonElement>())[0];
        Assert.Equal(JsonValueKind.Number, closed.GetProperty("duration").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await CreateCaseAsync()).GetProperty("duration").ValueKind);

        var metrics = await analyst.GetFromJsonAsync<JsonElement>("/api/cases/metrics?features=mttr&features=status&from=2000-01-01T00:00:00Z");
        Assert.Equal(JsonValueKind.Number, metrics.GetProperty("mttr").ValueKind);
        var status = metrics.GetProperty("status");
        Assert.True(status.GetProperty("closed").GetInt32() >= 1);
        Assert.True(status.GetProperty("open").GetInt32() >= 1);
        Assert.Equal(0, status.GetProperty("inProgress").GetInt32());

        var statusOnly = await analyst.GetFromJsonAsync<JsonElement>("/api/cases/metrics?features=status&to=2000-01-01T00:00:00Z");
        Assert.False(statusOnly.TryGetProperty("mttr", out _));
        Assert.Equal(0, statusOnly.GetProperty("status").GetProperty("open").GetInt32());
    }
}
