using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CasesPortal.Tests.Features.Cases.Evidence;

namespace CasesPortal.Tests.Features.Cases.Observables;

[Trait(Layer.Name, Layer.Http)]
public sealed class ObservablesApiHttpTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private HttpClient analyst = default!, viewer = default!;

    public async Task InitializeAsync()
    {
        analyst = await ClientFor("observables.analyst@soc.example", "Analyst");
        viewer = await ClientFor("observables.viewer@soc.example", "Viewer");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpClient> ClientFor(string email, string role) => HttpForms.ApiClientAsync(factory, email, role);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<JsonElement> CreateCaseAsync(string settings = """{"syncAlerts":true}""")
    {
        var response = await analyst.PostAsync("/api/cases", Json($$"""{"title":"Observables case","description":"","tags":[],"settings":{{settings}},"owner":"securitySolution"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> AddAsync(HttpClient client, string caseId, string typeKey, string value) =>
        client.PostAsync($"/api/cases/{caseId}/observables", Json($$$"""{"observable":{"typeKey":"{{{typeKey}}}","value":"{{{value}}}","description":"seen in the proxy log"}}"""));

    [Fact]
    public async Task Observables_are_added_edited_and_removed_as_in_Kibana()
    {
        var created = await CreateCaseAsync();
        var id = created.GetProperty("id").GetString()!;
        Assert.True(created.GetProperty("settings").GetProperty("extractObservables").GetBoolean());
        Assert.Equal(0, created.GetProperty("total_observables").GetInt32());

        var added = await AddAsync(analyst, id, "observable-type-ipv4", "10.0.0.8");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var json = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, json.GetProperty("id").GetString());
        Assert.Equal(1, json.GetProperty("total_observables").GetInt32());
        var observable = json.GetProperty("observables")[0];
        Assert.Equal(("observable-type-ipv4", "10.0.0.8", "seen in the proxy log"),
            (observable.GetProperty("typeKey").GetString(), observable.GetProperty("value").GetString(), observable.GetProperty("description").GetString()));
        Assert.True(observable.TryGetProperty("createdAt", out _));
        var observableId = observable.GetProperty("id").GetString();

        var patched = await analyst.PatchAsync($"/api/cases/{id}/observables/{observableId}", Json("""{"observable":{"value":"10.0.0.9","description":"corrected"}}"""));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("10.0.0.9", (await patched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("observables")[0].GetProperty("value").GetString());

        var found = await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/_find?search={Uri.EscapeDataString("Observables case")}&perPage=100");
        var listed = found.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        Assert.Equal(1, listed.GetProperty("total_observables").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/cases/{id}/observables/{observableId}")).StatusCode);
        Assert.Equal(0, (await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("total_observables").GetInt32());
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_Kibana_errors()
    {
        var id = (await CreateCaseAsync()).GetProperty("id").GetString()!;
        await ApiAssert.ErrorAsync(await AddAsync(analyst, id, "observable-type-nope", "x"), HttpStatusCode.BadRequest, "Unknown observable type observable-type-nope");
        await ApiAssert.ErrorAsync(await AddAsync(analyst, id, "observable-type-ipv4", "10.0.0.300"), HttpStatusCode.BadRequest, "is not an IPv4 address");
        Assert.Equal(HttpStatusCode.OK, (await AddAsync(analyst, id, "observable-type-domain", "evil.example")).StatusCode);
        await ApiAssert.ErrorAsync(await AddAsync(analyst, id, "observable-type-domain", "EVIL.example"), HttpStatusCode.BadRequest, "Observable already exists");
        await ApiAssert.ErrorAsync(await AddAsync(viewer, id, "observable-type-ipv4", "10.0.0.8"), HttpStatusCode.Forbidden, "");
        await ApiAssert.ErrorAsync(await AddAsync(analyst, "no-such-case", "observable-type-ipv4", "10.0.0.8"), HttpStatusCode.NotFound, "Case no-such-case not found");
        await ApiAssert.ErrorAsync(await analyst.PostAsync($"/api/cases/{id}/observables", Json("""{"typeKey":"observable-type-ipv4"}""")),
            HttpStatusCode.BadRequest, "{\"observable\":{");
        await ApiAssert.ErrorAsync(await analyst.DeleteAsync($"/api/cases/{id}/observables/nope"), HttpStatusCode.NotFound, "Observable nope not found");
        await ApiAssert.ErrorAsync(await viewer.GetAsync("/api/cases/no-such-case/similar"), HttpStatusCode.NotFound, "not found");
    }

    [Fact]
    public async Task The_setting_is_read_and_patched_and_the_csv_is_exported()
    {
        var created = await CreateCaseAsync("""{"syncAlerts":true,"extractObservables":false}""");
        var id = created.GetProperty("id").GetString()!;
        Assert.False(created.GetProperty("settings").GetProperty("extractObservables").GetBoolean());
        var patch = await analyst.PatchAsync("/api/cases", Json($$$"""{"cases":[{"id":"{{{id}}}","version":"{{{created.GetProperty("version").GetString()}}}","settings":{"syncAlerts":true,"extractObservables":true}}]}"""));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.True((await patch.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("settings").GetProperty("extractObservables").GetBoolean());

        await analyst.PostAsync($"/api/cases/{id}/observables", Json("""{"observable":{"typeKey":"observable-type-file-path","value":"=cmd|' /C calc'!A0","description":"a, \"quoted\" note"}}"""));
        foreach (var path in new[] { $"/api/cases/{id}/observables.csv", $"/api/cases/{id}/observables?format=csv" })
        {
            var csv = await viewer.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
            Assert.Contains(".csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
            var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
            Assert.Equal("type,value,ioc,tlp,description,source,created_at", lines[0]);
            Assert.StartsWith("observable-type-file-path,'=cmd|' /C calc'!A0,false,amber,\"a, \"\"quoted\"\" note\",manual,", lines[1]);
        }
    }

    [Fact]
    public async Task Similar_cases_answer_the_shared_values_paged()
    {
        var first = (await CreateCaseAsync()).GetProperty("id").GetString()!;
        var second = (await CreateCaseAsync()).GetProperty("id").GetString()!;
        await AddAsync(analyst, first, "observable-type-url", "https://similar.example/x");
        await AddAsync(analyst, second, "observable-type-url", "https://similar.example/x");

        var similar = await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/{first}/similar?page=1&perPage=5");
        Assert.Equal((1, 5, 1), (similar.GetProperty("page").GetInt32(), similar.GetProperty("per_page").GetInt32(), similar.GetProperty("total").GetInt32()));
        var match = similar.GetProperty("cases")[0];
        Assert.Equal(second, match.GetProperty("id").GetString());
        Assert.Equal("open", match.GetProperty("status").GetString());
        Assert.True(match.TryGetProperty("incremental_id", out _));
        var shared = match.GetProperty("similarities");
        Assert.Equal("https://similar.example/x", shared.GetProperty("observables")[0].GetProperty("value").GetString());
        Assert.Equal(0, shared.GetProperty("hosts").GetArrayLength());
    }
}
