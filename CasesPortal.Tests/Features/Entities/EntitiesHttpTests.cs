using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Evidence.Explore;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;
using CasesPortal.Tests.Features.Evidence;

namespace CasesPortal.Tests.Features.Entities;

[Trait(Layer.Name, Layer.Http)]
public sealed class EntitiesHttpTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Viewer = "entities.viewer@soc.example";

    public async Task InitializeAsync()
    {
        if ((await factory.Services.GetRequiredService<EvidenceQueries>().FindEventsAsync(new EventQuery(), CancellationToken.None)).Total > 0) return;
        var ingest = factory.Services.GetRequiredService<EvidenceIngestService>();
        await ingest.IngestAsync(EvidenceKind.Alerts, Samples.Bytes(Samples.Alerts), CancellationToken.None);
        await ingest.IngestAsync(EvidenceKind.Events, Samples.Bytes(Samples.Events), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpClient> ClientAsync(string email, string role) => HttpForms.ApiClientAsync(factory, email, role);

    private static async Task<List<JsonElement>> ItemsAsync(HttpResponseMessage response, string items, int total)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["page", "per_page", "total", items], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(total, body.GetProperty("total").GetInt32());
        return body.GetProperty(items).EnumerateArray().ToList();
    }

    [Fact]
    public async Task Hosts_network_and_users_find_page_sort_and_search()
    {
        var viewer = await ClientAsync(Viewer, Roles.Viewer);

        var hosts = await ItemsAsync(await viewer.GetAsync("/api/entities/hosts/_find?sortField=alerts&perPage=2"), "hosts", 3);
        var ips = await ItemsAsync(await viewer.GetAsync("/api/entities/network/_find?search=203.0&sortField=flows&sortOrder=asc"), "ips", 1);
        var users = await ItemsAsync(await viewer.GetAsync("/api/entities/users/_find?search=svc&from=2026-11-27&to=2026-11-28"), "users", 1);

        Assert.Equal(2, hosts.Count);
        Assert.Equal(("WS-042", 3, "Windows 11 Pro"), (hosts[0].GetProperty("host.name").GetString(), hosts[0].GetProperty("alerts").GetInt32(),
            hosts[0].GetProperty("host.os").GetString()));
        Assert.Equal(("203.0.113.7", "destination", 1), (ips[0].GetProperty("ip").GetString(), ips[0].GetProperty("direction").GetString(),
            ips[0].GetProperty("flows").GetInt32()));
        Assert.Equal(("svc-backup", 2, 1), (users[0].GetProperty("user.name").GetString(), users[0].GetProperty("events").GetInt32(),
            users[0].GetProperty("alerts").GetInt32()));
        Assert.Equal(JsonValueKind.String, users[0].GetProperty("last_failure").ValueKind);
    }

    [Theory]
    [InlineData("/api/entities/hosts/_find?perPage=101", "perPage")]
    [InlineData("/api/entities/hosts/_find?sortField=flows", "sortField")]
    [InlineData("/api/entities/network/_find?sortOrder=up", "sortOrder")]
    [InlineData("/api/entities/users/_find?from=yesterday", "from")]
    public async Task Bad_parameters_are_refused_by_name(string url, string parameter)
    {
        var viewer = await ClientAsync(Viewer, Roles.Viewer);
        await ApiAssert.ErrorAsync(await viewer.GetAsync(url), HttpStatusCode.BadRequest, parameter);
    }

    [Theory]
    [InlineData("/api/entities/hosts/_find")]
    [InlineData("/api/entities/network/_find")]
    [InlineData("/api/entities/users/_find")]
    [InlineData("/api/cases/any-case/tactics")]
    public async Task Anonymous_callers_get_401_and_ingest_only_keys_403(string url)
    {
        var machine = await ClientAsync("entities.forwarder@soc.example", Roles.Ingest);
        var created = await machine.PostAsJsonAsync("/api/security/api_key", new { name = "forwarder" + Guid.NewGuid().ToString("N") });
        var encoded = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("encoded").GetString()!;
        var key = factory.CreateBrowserlessClient();
        key.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", encoded);

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBrowserlessClient().GetAsync(url)).StatusCode);
        await ApiAssert.ErrorAsync(await key.GetAsync(url), HttpStatusCode.Forbidden, "roles do not allow");
    }

    [Fact]
    public async Task Case_tactics_answer_in_matrix_order_and_404_for_an_unknown_case()
    {
        var admin = (await factory.Services.GetRequiredService<UserAdminService>().ListAsync()).Single(u => u.Email == TestAccounts.AdminEmail);
        var actor = new CaseActor(admin.Id, new HashSet<string> { Roles.Admin });
        var item = (await factory.Services.GetRequiredService<CaseService>().CreateAsync(actor, new NewCase("Tactics over HTTP"))).Value!;
        await factory.Services.GetRequiredService<CaseEvidenceService>().AttachAlertsAsync(actor, item.Id,
            ["5f1c0a5e8e0b4bb7a1f1b0f3e6c2a901", "c4e5f6a7b8c94d0e9f1a2b3c4d5e6f70"]);
        var viewer = await ClientAsync(Viewer, Roles.Viewer);

        var response = await viewer.GetAsync($"/api/cases/{item.Id}/tactics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 2), (body.GetProperty("alerts").GetInt32(), body.GetProperty("alerts_with_threat").GetInt32()));
        var tactics = body.GetProperty("tactics").EnumerateArray().ToList();
        Assert.Equal(["TA0002", "TA0006"], tactics.Select(t => t.GetProperty("id").GetString()));
        var sub = tactics[0].GetProperty("techniques")[0].GetProperty("subtechniques")[0];
        Assert.Equal(("T1059.001", "https://attack.mitre.org/techniques/T1059/001/", 1),
            (sub.GetProperty("id").GetString(), sub.GetProperty("reference").GetString(), sub.GetProperty("alerts").GetInt32()));
        await ApiAssert.ErrorAsync(await viewer.GetAsync("/api/cases/no-such-case/tactics"), HttpStatusCode.NotFound, "not found");
    }

    [Theory]
    [InlineData("/hosts", "WS-042")]
    [InlineData("/hosts?tab=events&host.name=web-03", "web-03")]
    [InlineData("/hosts/DC-01", "Windows Server 2022")]
    [InlineData("/network", "198.51.100.23")]
    [InlineData("/network?tab=events", "203.0.113.7")]
    [InlineData("/users", "svc-backup")]
    [InlineData("/users?tab=events", "www-data")]
    [InlineData("/users/ana.diaz", "ana.diaz")]
    public async Task Pages_render_for_viewers(string url, string expected)
    {
        await ClientAsync(Viewer, Roles.Viewer);
        var viewer = await HttpForms.LoggedInClientAsync(factory, Viewer, TestAccounts.AnalystPassword);

        var html = await viewer.GetStringAsync(url);

        Assert.Contains(expected, html);
    }
}
