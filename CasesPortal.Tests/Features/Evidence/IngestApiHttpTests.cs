using Microsoft.AspNetCore.Authorization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CasesPortal.Features.Accounts;

namespace CasesPortal.Tests.Features.Evidence;

[Trait(Layer.Name, Layer.Http)]
public sealed class IngestApiHttpTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<HttpClient> BasicClientAsync(string email, string role)
    {
        var users = factory.Services.GetRequiredService<UserAdminService>();
        if ((await users.ListAsync()).All(u => u.Email != email)) await HttpForms.CreateAccountAsync(factory, email, role);
        var client = factory.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Authorization = HttpForms.Basic(email, TestAccounts.AnalystPassword);
        return client;
    }

    private static ByteArrayContent Ndjson(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return content;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Checks the exact shape of Elasticsearch's bulk answer and returns its items' <c>index</c> objects.</summary>
    private static async Task<List<JsonElement>> BulkItemsAsync(HttpResponseMessage response, bool errors)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["took", "errors", "items"], body.EnumerateObject().Select(p => p.Name));
        Assert.True(body.GetProperty("took").GetInt64() >= 0);
        Assert.Equal(errors, body.GetProperty("errors").GetBoolean());
        var items = new List<JsonElement>();
        foreach (var item in body.GetProperty("items").EnumerateArray())
        {
            Assert.Equal(["index"], item.EnumerateObject().Select(p => p.Name));
            var index = item.GetProperty("index");
            var names = index.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(index.GetProperty("status").GetInt32() == 400 ? ["_id", "status", "error"] : ["_id", "status", "result"], names);
            items.Add(index);
        }
        return items;
    }

    [Fact]
    public async Task Each_item_answers_under_its_actions_name()
    {
        var analyst = await BasicClientAsync("ingest.analyst@soc.example", Roles.Analyst);
        var body = Encoding.UTF8.GetBytes("""
            {"create":{"_index":"logs-endpoint","_id":"act-create"}}
            {"@timestamp":"2026-11-28T00:00:00Z","host":{"name":"WS-1"}}
            {"index":{"_id":"act-index"}}
            {"@timestamp":"2026-11-28T00:00:01Z","host":{"name":"WS-2"}}
            {"delete":{"_id":"act-create"}}
            {"@timestamp":"2026-11-28T00:00:02Z","_id":"plain"}
            """);

        var response = await analyst.PostAsync("/api/events/_bulk", Ndjson(body));

        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Select(item => item.EnumerateObject().Single()).ToList();
        Assert.Equal([("create", "act-create", 201), ("index", "act-index", 201), ("delete", "act-create", 400), ("index", "plain", 201)],
            items.Select(p => (p.Name, p.Value.GetProperty("_id").GetString(), p.Value.GetProperty("status").GetInt32())));
    }

    [Fact]
    public async Task Alerts_go_in_as_ndjson_and_again_as_updates()
    {
        var analyst = await BasicClientAsync("ingest.analyst@soc.example", Roles.Analyst);

        var first = await BulkItemsAsync(await analyst.PostAsync("/api/alerts/_bulk", Ndjson(Samples.Bytes(Samples.Alerts))), errors: false);
        var again = await BulkItemsAsync(await analyst.PostAsync("/api/alerts/_bulk", Ndjson(Samples.Bytes(Samples.Alerts))), errors: false);

        Assert.Equal(5, first.Count);
        Assert.All(first, i => Assert.Equal((201, "created"), (i.GetProperty("status").GetInt32(), i.GetProperty("result").GetString())));
        Assert.All(again, i => Assert.Equal((200, "updated"), (i.GetProperty("status").GetInt32(), i.GetProperty("result").GetString())));
        Assert.Equal("5f1c0a5e8e0b4bb7a1f1b0f3e6c2a901", first[0].GetProperty("_id").GetString());
    }

    [Fact]
    public async Task Events_go_in_as_a_json_array_with_a_bad_element_reported_in_place()
    {
        var analyst = await BasicClientAsync("ingest.analyst@soc.example", Roles.Analyst);

        var items = await BulkItemsAsync(await analyst.PostAsync("/api/events/_bulk", Json("""
            [{"_id":"http-evt-1","event":{"category":["process"]}}, {"_id":"http-evt-bad","@timestamp":"not a date"}, {"event.id":"http-evt-2"}]
            """)), errors: true);

        Assert.Equal([201, 400, 201], items.Select(i => i.GetProperty("status").GetInt32()));
        Assert.Equal(["http-evt-1", "http-evt-bad", "http-evt-2"], items.Select(i => i.GetProperty("_id").GetString()));
        var error = items[1].GetProperty("error");
        Assert.Equal("mapper_parsing_exception", error.GetProperty("type").GetString());
        Assert.Contains("@timestamp", error.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Events_go_in_as_ndjson_and_indicators_as_a_stix_bundle_or_an_array()
    {
        var analyst = await BasicClientAsync("ingest.analyst@soc.example", Roles.Analyst);

        var events = await BulkItemsAsync(await analyst.PostAsync("/api/events/_bulk", Ndjson(Samples.Bytes(Samples.Events))), errors: false);
        var bundle = await BulkItemsAsync(await analyst.PostAsync("/api/indicators/_bulk", Json(File.ReadAllText(Samples.PathOf(Samples.StixBundle)))), errors: false);
        var array = await BulkItemsAsync(await analyst.PostAsync("/api/indicators/_bulk", Json("""
            [{"threat":{"indicator":{"type":"ipv4-addr","ip":"192.0.2.55","provider":"Feed"}}}, {"threat.indicator.type":"domain-name","threat.indicator.url.domain":"bad.example"}]
            """)), errors: false);

        Assert.Equal(6, events.Count);
        Assert.Equal(7, bundle.Count);
        Assert.Equal(["noop", "created", "created", "created", "created", "created", "noop"], bundle.Select(i => i.GetProperty("result").GetString()));
        Assert.Equal(["ipv4-addr:192.0.2.55", "domain-name:bad.example"], array.Select(i => i.GetProperty("_id").GetString()));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400()
    {
        var analyst = await BasicClientAsync("ingest.analyst@soc.example", Roles.Analyst);

        await ApiAssert.ErrorAsync(await analyst.PostAsync("/api/alerts/_bulk", new StringContent("this is not json", Encoding.UTF8, "text/plain")),
            HttpStatusCode.BadRequest, "not JSON");
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=----x")]
    public async Task A_form_body_is_415_and_says_how_to_send_the_file(string contentType)
    {
        var analyst = await BasicClientAsync("ingest.analyst@soc.example", Roles.Analyst);
        var before = await analyst.GetFromJsonAsync<JsonElement>("/api/alerts/_find?perPage=1");
        var body = new ByteArrayContent(Samples.Bytes(Samples.Alerts));
        body.Headers.TryAddWithoutValidation("Content-Type", contentType);

        await ApiAssert.ErrorAsync(await analyst.PostAsync("/api/alerts/_bulk", body), HttpStatusCode.UnsupportedMediaType, "--data-binary @file");

        var after = await analyst.GetFromJsonAsync<JsonElement>("/api/alerts/_find?perPage=1");
        Assert.Equal(before.GetProperty("total").GetInt32(), after.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        await using var small = PortalFactory.Create(settings: new() { ["Ingest:MaxBodyBytes"] = "2048" });
        await HttpForms.CreateAccountAsync(small, "big.sender@soc.example", Roles.Ingest);
        var client = small.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Authorization = HttpForms.Basic("big.sender@soc.example", TestAccounts.AnalystPassword);
        var body = Samples.Utf8(string.Join("\n", Enumerable.Range(0, 100).Select(i => $$"""{"_id":"big-{{i}}","message":"padding padding padding"}""")));

        await ApiAssert.ErrorAsync(await client.PostAsync("/api/events/_bulk", Ndjson(body)), HttpStatusCode.RequestEntityTooLarge, "Ingest:MaxBodyBytes");

        // Without a Content-Length the limit is enforced while reading.
        var streamed = new StreamContent(new MemoryStream(body));
        streamed.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/events/_bulk") { Content = streamed };
        request.Headers.TransferEncodingChunked = true;
        await ApiAssert.ErrorAsync(await client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "Ingest:MaxBodyBytes");
    }

    [Fact]
    public async Task An_ingest_key_may_ingest_and_nothing_else()
    {
        var machine = await BasicClientAsync("forwarder@soc.example", Roles.Ingest);
        var created = await machine.PostAsJsonAsync("/api/security/api_key", new { name = "forwarder" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var encoded = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("encoded").GetString()!;
        var key = factory.CreateBrowserlessClient();
        key.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", encoded);

        var items = await BulkItemsAsync(await key.PostAsync("/api/alerts/_bulk", Ndjson(Samples.Utf8("""{"kibana.alert.uuid":"from-forwarder"}"""))), errors: false);
        Assert.Equal(201, items[0].GetProperty("status").GetInt32());

        await ApiAssert.ErrorAsync(await key.GetAsync("/api/cases/_find"), HttpStatusCode.Forbidden, "roles do not allow");
        await ApiAssert.ErrorAsync(await key.GetAsync("/api/users"), HttpStatusCode.Forbidden, "roles do not allow");
        await ApiAssert.ErrorAsync(await machine.GetAsync("/api/cases/tags"), HttpStatusCode.Forbidden, "roles do not allow");
        await ApiAssert.ErrorAsync(await machine.PostAsync("/api/cases", Json("""{"title":"x"}""")), HttpStatusCode.Forbidden, "roles do not allow");
    }

    [Fact]
    public async Task A_viewer_may_not_ingest()
    {
        var viewer = await BasicClientAsync("ingest.viewer@soc.example", Roles.Viewer);

        await ApiAssert.ErrorAsync(await viewer.PostAsync("/api/indicators/_bulk", Json("[]")), HttpStatusCode.Forbidden, "roles do not allow");
    }

    [Fact]
    public async Task An_ingest_only_account_cannot_log_in_to_the_ui()
    {
        await BasicClientAsync("machine.login@soc.example", Roles.Ingest);
        var browser = factory.CreateBrowserlessClient();

        var response = await HttpForms.LogInAsync(browser, "machine.login@soc.example", TestAccounts.AnalystPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("machine account", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("CasesPortal.Auth"));
        var home = await browser.GetAsync("/");
        Assert.StartsWith("/account/login", HttpForms.RedirectTarget(home));
    }

    [Fact]
    public async Task A_wrong_password_for_an_ingest_account_says_nothing_about_its_role()
    {
        await BasicClientAsync("machine.quiet@soc.example", Roles.Ingest);

        var response = await HttpForms.LogInAsync(factory.CreateBrowserlessClient(), "machine.quiet@soc.example", "wrong password here");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Invalid email or password.", html);
        Assert.DoesNotContain("machine account", html);
    }
}

[Trait(Layer.Name, Layer.Unit)]
public sealed class IngestRolePolicyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static System.Security.Claims.ClaimsPrincipal WithRoles(params string[] roles) => new(new System.Security.Claims.ClaimsIdentity(
        roles.Select(r => new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, r)), "test"));

    [Fact]
    public async Task Every_page_policy_and_read_policy_refuses_an_ingest_only_account()
    {
        var authorization = factory.Services.GetRequiredService<Microsoft.AspNetCore.Authorization.IAuthorizationService>();
        var policies = factory.Services.GetRequiredService<Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider>();
        var machine = WithRoles(Roles.Ingest);

        Assert.False((await authorization.AuthorizeAsync(machine, null, (await policies.GetDefaultPolicyAsync()))).Succeeded);
        foreach (var api in new[] { AccountPolicies.ApiRead, AccountPolicies.ApiWrite, AccountPolicies.ApiDelete, AccountPolicies.ApiAdmin })
            Assert.False((await authorization.AuthorizeAsync(machine, null, (await policies.GetPolicyAsync(api))!)).Succeeded, api);
        Assert.True((await authorization.AuthorizeAsync(WithRoles(Roles.Viewer), null, (await policies.GetDefaultPolicyAsync()))).Succeeded);
        Assert.True((await authorization.AuthorizeAsync(WithRoles(Roles.Viewer, Roles.Ingest), null, (await policies.GetDefaultPolicyAsync()))).Succeeded);
    }
}
