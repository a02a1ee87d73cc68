using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;
using CasesPortal.Tests.Features.Evidence;

namespace CasesPortal.Tests.Features.Cases.Evidence;

[Trait(Layer.Name, Layer.Http)]
public sealed class CaseIndicatorsApiHttpTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Ip = "ipv4-addr:192.0.2.201";
    private const string Url = "url:http://198.51.100.77/bins/mozi.m";
    private HttpClient analyst = default!, viewer = default!, forwarder = default!;

    public async Task InitializeAsync()
    {
        analyst = await ClientFor("ti.analyst@soc.example", Roles.Analyst);
        viewer = await ClientFor("ti.viewer@soc.example", Roles.Viewer);
        forwarder = await ClientFor("ti.forwarder@soc.example", Roles.Ingest);
        var ingest = factory.Services.GetRequiredService<EvidenceIngestService>();
        Assert.True((await ingest.IngestAsync(EvidenceKind.Indicators, Samples.Bytes(Samples.EcsIndicators), CancellationToken.None)).Succeeded);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpClient> ClientFor(string email, string role) => HttpForms.ApiClientAsync(factory, email, role);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<string> CreateCaseAsync()
    {
        var response = await analyst.PostAsync("/api/cases", Json("""{"title":"Mozi botnet","description":"","tags":[],"owner":"securitySolution"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Indicator_comments_attach_indicators_which_list_by_last_seen_and_detach()
    {
        var id = await CreateCaseAsync();

        var attached = await analyst.PostAsync($"/api/cases/{id}/comments", Json($$"""{"type":"indicator","indicatorId":["{{Url}}","{{Ip}}"],"owner":"securitySolution"}"""));
        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        Assert.Equal(2, (await attached.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalIndicators").GetInt32());
        var single = await analyst.PostAsync($"/api/cases/{id}/comments", Json($$"""{"type":"indicator","indicatorId":"{{Ip}}","owner":"securitySolution"}"""));
        Assert.Equal(2, (await single.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalIndicators").GetInt32());

        var list = await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/indicators?perPage=1");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var first = Assert.Single(list.GetProperty("indicators").EnumerateArray());
        Assert.Equal(Ip, first.GetProperty("id").GetString());
        Assert.Equal("192.0.2.201", first.GetProperty("value").GetString());
        Assert.Equal("ipv4-addr", first.GetProperty("type").GetString());
        Assert.Equal(2, (await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("totalIndicators").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/cases/{id}/indicators/{Uri.EscapeDataString(Ip)}")).StatusCode);
        Assert.Equal(1, (await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/indicators")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Refusals_are_json_400_403_and_404()
    {
        var id = await CreateCaseAsync();
        var body = Json($$"""{"type":"indicator","indicatorId":"{{Ip}}","owner":"securitySolution"}""");

        await ApiAssert.ErrorAsync(await viewer.PostAsync($"/api/cases/{id}/comments", body), HttpStatusCode.Forbidden, "");
        await ApiAssert.ErrorAsync(await forwarder.PostAsync($"/api/cases/{id}/comments", body), HttpStatusCode.Forbidden, "");
        await ApiAssert.ErrorAsync(await forwarder.GetAsync($"/api/cases/{id}/indicators"), HttpStatusCode.Forbidden, "");
        await ApiAssert.ErrorAsync(await analyst.PostAsync($"/api/cases/{id}/comments", Json("""{"type":"indicator","indicatorId":"file:nope","owner":"x"}""")),
            HttpStatusCode.BadRequest, "Indicator file:nope not found.");
        await ApiAssert.ErrorAsync(await analyst.PostAsync($"/api/cases/{id}/comments", Json("""{"type":"indicator","owner":"x"}""")),
            HttpStatusCode.BadRequest, "indicatorId is required");
        await ApiAssert.ErrorAsync(await viewer.GetAsync("/api/cases/no-such-case/indicators"), HttpStatusCode.NotFound, "");
        await ApiAssert.ErrorAsync(await viewer.GetAsync($"/api/cases/{id}/indicators?perPage=500"), HttpStatusCode.BadRequest, "");
        await ApiAssert.ErrorAsync(await viewer.DeleteAsync($"/api/cases/{id}/indicators/{Uri.EscapeDataString(Ip)}"), HttpStatusCode.Forbidden, "");
    }
}
