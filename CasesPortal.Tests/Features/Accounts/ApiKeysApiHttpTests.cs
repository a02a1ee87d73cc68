using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CasesPortal.Features.Accounts;

namespace CasesPortal.Tests.Features.Accounts;

[Trait(Layer.Name, Layer.Http)]
public sealed class ApiKeysApiHttpTests : IClassFixture<PortalFactory>
{
    private const string KeysUrl = "/api/security/api_key";
    private readonly PortalFactory factory;

    public ApiKeysApiHttpTests(PortalFactory factory) => this.factory = factory;

    [Fact]
    public async Task An_admin_creates_a_key_with_basic_and_then_uses_it_instead_of_the_password()
    {
        var created = await CreateKeyAsync(BasicClient(), new { name = "SIEM forwarder", expiration = "1d" });

        Assert.Equal("SIEM forwarder", created.GetProperty("name").GetString());
        var id = created.GetProperty("id").GetString()!;
        var secret = created.GetProperty("api_key").GetString()!;
        var encoded = created.GetProperty("encoded").GetString()!;
        Assert.Equal($"{id}:{secret}", Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
        var expiration = DateTimeOffset.FromUnixTimeMilliseconds(created.GetProperty("expiration").GetInt64());
        Assert.InRange(expiration, DateTimeOffset.UtcNow.AddDays(1).AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));

        var client = KeyClient(encoded);
        var users = await client.GetAsync("/api/users");
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);

        var list = await client.GetFromJsonAsync<JsonElement>(KeysUrl);
        var listed = list.GetProperty("api_keys").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        Assert.Equal("SIEM forwarder", listed.GetProperty("name").GetString());
        Assert.False(listed.GetProperty("invalidated").GetBoolean());
        Assert.True(listed.GetProperty("creation").GetInt64() > 0);
        Assert.Equal(created.GetProperty("expiration").GetInt64(), listed.GetProperty("expiration").GetInt64());
        Assert.Equal(JsonValueKind.Number, listed.GetProperty("last_used").ValueKind);
        Assert.False(listed.TryGetProperty("api_key", out _));
        Assert.DoesNotContain(secret, list.GetRawText());
    }

    [Fact]
    public async Task A_key_without_expiration_omits_it()
    {
        var created = await CreateKeyAsync(BasicClient(), new { name = "forever" });

        Assert.False(created.TryGetProperty("expiration", out _));
    }

    [Fact]
    public async Task A_key_acts_with_its_owners_roles_so_a_viewers_key_is_refused_admin_endpoints()
    {
        await HttpForms.CreateAccountAsync(factory, "key-viewer@soc.example", Roles.Viewer);
        var created = await CreateKeyAsync(BasicClient("key-viewer@soc.example", TestAccounts.AnalystPassword), new { name = "read only" });
        var client = KeyClient(created.GetProperty("encoded").GetString()!);

        await ApiAssert.ErrorAsync(await client.GetAsync("/api/users"), HttpStatusCode.Forbidden, "roles do not allow");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(KeysUrl)).StatusCode);
    }

    [Fact]
    public async Task Bad_keys_are_401_with_a_json_error()
    {
        var unknown = Convert.ToBase64String(Encoding.UTF8.GetBytes("AAAAAAAAAAAAAAAAAAAA:not-the-secret"));

        var refused = await KeyClient(unknown).GetAsync("/api/users");
        await ApiAssert.ErrorAsync(refused, HttpStatusCode.Unauthorized, "The API key is not valid");
        Assert.Equal("ApiKey", refused.Headers.WwwAuthenticate.Single().Scheme);
        await ApiAssert.ErrorAsync(await KeyClient("%%%").GetAsync("/api/users"), HttpStatusCode.Unauthorized, "not a valid API key");
    }

    [Fact]
    public async Task The_log_in_cookie_alone_does_not_open_the_api()
    {
        var browser = await HttpForms.LoggedInClientAsync(factory, TestAccounts.AdminEmail, TestAccounts.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);

        await ApiAssert.ErrorAsync(await browser.GetAsync("/api/users"), HttpStatusCode.Unauthorized, "Authentication required");
        await ApiAssert.ErrorAsync(await browser.PostAsJsonAsync(KeysUrl, new { name = "from another site" }), HttpStatusCode.Unauthorized, "Authentication required");
    }

    [Fact]
    public async Task A_revoked_key_is_refused_and_revocation_reports_like_elasticsearch()
    {
        var basic = BasicClient();
        var created = await CreateKeyAsync(basic, new { name = "to revoke" });
        var id = created.GetProperty("id").GetString()!;
        var client = KeyClient(created.GetProperty("encoded").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/users")).StatusCode);

        var first = await RevokeAsync(basic, new { ids = new[] { id, "no-such-key" } });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([id], body.GetProperty("invalidated_api_keys").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(body.GetProperty("previously_invalidated_api_keys").EnumerateArray());
        Assert.Equal(1, body.GetProperty("error_count").GetInt32());
        Assert.Contains("no-such-key", body.GetProperty("error_details")[0].GetProperty("reason").GetString());

        await ApiAssert.ErrorAsync(await client.GetAsync("/api/users"), HttpStatusCode.Unauthorized, "revoked");
        var again = await (await RevokeAsync(basic, new { ids = new[] { id } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([id], again.GetProperty("previously_invalidated_api_keys").EnumerateArray().Select(e => e.GetString()));
        var listed = (await basic.GetFromJsonAsync<JsonElement>(KeysUrl)).GetProperty("api_keys").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        Assert.True(listed.GetProperty("invalidated").GetBoolean());
    }

    [Fact]
    public async Task An_admin_may_revoke_another_accounts_key_but_not_the_other_way_round()
    {
        await HttpForms.CreateAccountAsync(factory, "key-analyst@soc.example", Roles.Analyst);
        var analyst = BasicClient("key-analyst@soc.example", TestAccounts.AnalystPassword);
        var analystKey = (await CreateKeyAsync(analyst, new { name = "analyst's" })).GetProperty("id").GetString()!;
        var adminKey = (await CreateKeyAsync(BasicClient(), new { name = "admin's" })).GetProperty("id").GetString()!;

        var refused = await (await RevokeAsync(analyst, new { ids = new[] { adminKey } })).Content.ReadFromJsonAsync<JsonElement>();
        var allowed = await (await RevokeAsync(BasicClient(), new { ids = new[] { analystKey } })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, refused.GetProperty("error_count").GetInt32());
        Assert.Empty(refused.GetProperty("invalidated_api_keys").EnumerateArray());
        Assert.Equal([analystKey], allowed.GetProperty("invalidated_api_keys").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Invalid_requests_are_400s_that_name_the_field_and_the_limit()
    {
        var client = BasicClient();

        await ApiAssert.ErrorAsync(await client.PostAsJsonAsync(KeysUrl, new { expiration = "30d" }), HttpStatusCode.BadRequest, "'name' is required (1 to 100 characters)");
        await ApiAssert.ErrorAsync(await client.PostAsJsonAsync(KeysUrl, new { name = new string('n', 101) }), HttpStatusCode.BadRequest, "'name' must be at most 100 characters");
        await ApiAssert.ErrorAsync(await client.PostAsJsonAsync(KeysUrl, new { name = "k", expiration = "1y" }), HttpStatusCode.BadRequest, "'expiration' must be a duration such as 30d");
        await ApiAssert.ErrorAsync(await client.PostAsJsonAsync(KeysUrl, new { name = "k", expiration = "800d" }), HttpStatusCode.BadRequest, "at most 730d (2 years)");
        await ApiAssert.ErrorAsync(await client.PostAsync(KeysUrl, new StringContent("{not json", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "not valid JSON");
        await ApiAssert.ErrorAsync(await client.PostAsJsonAsync(KeysUrl, new { name = 5 }), HttpStatusCode.BadRequest, "not valid JSON");
        await ApiAssert.ErrorAsync(await client.PostAsync(KeysUrl, null), HttpStatusCode.BadRequest, "'name' is required");
        await ApiAssert.ErrorAsync(await client.PostAsync(KeysUrl, new StringContent("name=k", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType, "Content-Type: application/json");
        await ApiAssert.ErrorAsync(await RevokeAsync(client, new { }), HttpStatusCode.BadRequest, "'ids' is required");
        await ApiAssert.ErrorAsync(await client.DeleteAsync(KeysUrl), HttpStatusCode.BadRequest, "'ids' is required");
        await ApiAssert.ErrorAsync(await RevokeAsync(client, new { ids = Enumerable.Range(0, 101).Select(i => $"k{i}") }), HttpStatusCode.BadRequest, "at most 100");
    }

    [Fact]
    public async Task A_kbn_xsrf_header_is_accepted_and_ignored()
    {
        var client = BasicClient();
        client.DefaultRequestHeaders.Add("kbn-xsrf", "true");

        var created = await CreateKeyAsync(client, new { name = "kibana style" });
        var keyClient = KeyClient(created.GetProperty("encoded").GetString()!);
        keyClient.DefaultRequestHeaders.Add("kbn-xsrf", "reporting");

        Assert.Equal(HttpStatusCode.OK, (await keyClient.GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task A_remembered_basic_login_still_refuses_an_account_disabled_since()
    {
        var id = await HttpForms.CreateAccountAsync(factory, "cached-admin@soc.example", Roles.Admin);
        var client = BasicClient("cached-admin@soc.example", TestAccounts.AnalystPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/users")).StatusCode);

        await factory.Services.GetRequiredService<UserAdminService>().UpdateAsync(id, new UserChanges(Disabled: true), "someone-else");

        await ApiAssert.ErrorAsync(await client.GetAsync("/api/users"), HttpStatusCode.Unauthorized, "This account is disabled");
    }

    [Fact]
    public async Task A_remembered_basic_login_still_counts_failures_and_refuses_a_locked_account()
    {
        await HttpForms.CreateAccountAsync(factory, "cached-locked@soc.example", Roles.Admin);
        var right = BasicClient("cached-locked@soc.example", TestAccounts.AnalystPassword);
        Assert.Equal(HttpStatusCode.OK, (await right.GetAsync("/api/users")).StatusCode);

        for (var i = 0; i < 5; i++) await BasicClient("cached-locked@soc.example", "wrong").GetAsync("/api/users");

        await ApiAssert.ErrorAsync(await right.GetAsync("/api/users"), HttpStatusCode.Unauthorized, "locked");
    }

    [Fact]
    public async Task A_new_password_ends_the_remembered_login()
    {
        var id = await HttpForms.CreateAccountAsync(factory, "cached-reset@soc.example", Roles.Admin);
        var client = BasicClient("cached-reset@soc.example", TestAccounts.AnalystPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/users")).StatusCode);

        await factory.Services.GetRequiredService<UserAdminService>().ResetPasswordAsync(id, "a completely new passphrase");

        await ApiAssert.ErrorAsync(await client.GetAsync("/api/users"), HttpStatusCode.Unauthorized, "Invalid email or password");
    }

    private HttpClient BasicClient(string email = TestAccounts.AdminEmail, string password = TestAccounts.AdminPassword)
    {
        var client = factory.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Authorization = HttpForms.Basic(email, password);
        return client;
    }

    private HttpClient KeyClient(string encoded)
    {
        var client = factory.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", encoded);
        return client;
    }

    private static async Task<JsonElement> CreateKeyAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync(KeysUrl, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> RevokeAsync(HttpClient client, object body) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, KeysUrl) { Content = JsonContent.Create(body) });
}
