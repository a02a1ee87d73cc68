using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Evidence.Explore;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;

namespace CasesPortal.Tests.Features.Evidence.Explore;

[Trait(Layer.Name, Layer.Http)]
public sealed class EvidenceFindApiHttpTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        // The fixture is shared by the class; an event without an id would be stored again on each ingest.
        if ((await factory.Services.GetRequiredService<EvidenceQueries>().FindEventsAsync(new EventQuery(), CancellationToken.None)).Total > 0) return;
        var ingest = factory.Services.GetRequiredService<EvidenceIngestService>();
        foreach (var (kind, file) in new[] { (EvidenceKind.Alerts, Samples.Alerts), (EvidenceKind.Events, Samples.Events), (EvidenceKind.Indicators, Samples.EcsIndicators) })
            await ingest.IngestAsync(kind, Samples.Bytes(file), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpClient> ClientAsync(string email, string role) => HttpForms.ApiClientAsync(factory, email, role);

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, string items)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["page", "per_page", "total", "total_relation", items], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("eq", body.GetProperty("total_relation").GetString());
        return body;
    }

    [Fact]
    public async Task Alerts_find_pages_filters_and_returns_the_original_document()
    {
        var viewer = await ClientAsync("find.viewer@soc.example", Roles.Viewer);

        var first = await OkAsync(await viewer.GetAsync("/api/alerts/_find?perPage=2"), "alerts");
        var ws = await OkAsync(await viewer.GetAsync("/api/alerts/_find?host.name=WS-042&status=open&severity=high&search=powershell"), "alerts");

        Assert.Equal((1, 2, 5), (first.GetProperty("page").GetInt32(), first.GetProperty("per_page").GetInt32(), first.GetProperty("total").GetInt32()));
        var alerts = first.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Equal(2, alerts.Count);
        Assert.True(alerts[0].GetProperty("@timestamp").GetDateTimeOffset() > alerts[1].GetProperty("@timestamp").GetDateTimeOffset());
        var alert = Assert.Single(ws.GetProperty("alerts").EnumerateArray());
        Assert.Equal(("5f1c0a5e8e0b4bb7a1f1b0f3e6c2a901", "open", "high", "WS-042"), (alert.GetProperty("id").GetString(),
            alert.GetProperty("status").GetString(), alert.GetProperty("severity").GetString(), alert.GetProperty("host.name").GetString()));
        Assert.Equal(JsonValueKind.Object, alert.GetProperty("document").ValueKind);
        Assert.Equal("WS-042", alert.GetProperty("document").GetProperty("host").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Events_and_indicators_find_filter_on_their_own_fields()
    {
        var analyst = await ClientAsync("find.analyst@soc.example", Roles.Analyst);

        var events = await OkAsync(await analyst.GetAsync("/api/events/_find?user.name=root&sortOrder=asc&from=2026-11-27&to=2026-11-28"), "events");
        var indicators = await OkAsync(await analyst.GetAsync("/api/indicators/_find?provider=ACME%20CERT"), "indicators");

        var evt = Assert.Single(events.GetProperty("events").EnumerateArray());
        Assert.Equal(("web-03", "failure"), (evt.GetProperty("host.name").GetString(), evt.GetProperty("event.outcome").GetString()));
        Assert.Equal(JsonValueKind.Object, evt.GetProperty("document").ValueKind);
        var indicator = Assert.Single(indicators.GetProperty("indicators").EnumerateArray());
        Assert.Equal("ACME CERT", indicator.GetProperty("provider").GetString());
        Assert.Equal(JsonValueKind.Object, indicator.GetProperty("document").ValueKind);
    }

    [Theory]
    [InlineData("/api/alerts/_find?perPage=101", "perPage")]
    [InlineData("/api/alerts/_find?page=0", "page")]
    [InlineData("/api/alerts/_find?severity=huge", "severity")]
    [InlineData("/api/alerts/_find?status=active", "status")]
    [InlineData("/api/events/_find?from=yesterday", "from")]
    [InlineData("/api/indicators/_find?sortOrder=up", "sortOrder")]
    [InlineData("/api/events/_find?host.name=[\"unclosed", "host.name")]
    [InlineData("/api/events/_find?severity=high", "unknown parameter [severity]")]
    [InlineData("/api/alerts/_find?hostname=WS-042", "unknown parameter [hostname]")]
    [InlineData("/api/indicators/_find?host.name=WS-042", "unknown parameter [host.name]")]
    [InlineData("/api/alerts/_find?severity=[null,\"huge\"]", "severity")]
    public async Task Bad_parameters_are_refused_by_name(string url, string parameter)
    {
        var viewer = await ClientAsync("find.viewer@soc.example", Roles.Viewer);
        await ApiAssert.ErrorAsync(await viewer.GetAsync(url), HttpStatusCode.BadRequest, parameter);
    }

    [Theory]
    [InlineData("/api/alerts/_find")]
    [InlineData("/api/events/_find")]
    [InlineData("/api/indicators/_find")]
    public async Task Anonymous_callers_get_401_and_ingest_only_keys_403(string url)
    {
        var machine = await ClientAsync("find.forwarder@soc.example", Roles.Ingest);
        var created = await machine.PostAsJsonAsync("/api/security/api_key", new { name = "forwarder" + Guid.NewGuid().ToString("N") });
        var encoded = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("encoded").GetString()!;
        var key = factory.CreateBrowserlessClient();
        key.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", encoded);

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBrowserlessClient().GetAsync(url)).StatusCode);
        await ApiAssert.ErrorAsync(await key.GetAsync(url), HttpStatusCode.Forbidden, "roles do not allow");
        await ApiAssert.ErrorAsync(await machine.GetAsync(url), HttpStatusCode.Forbidden, "roles do not allow");
    }
}
