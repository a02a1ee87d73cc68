using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CasesPortal.Tests.Features.Accounts;

[Trait(Layer.Name, Layer.Http)]
public sealed class UsersApiHttpTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory factory;

    public UsersApiHttpTests(PortalFactory factory) => this.factory = factory;

    private HttpClient Client(string email = TestAccounts.AdminEmail, string password = TestAccounts.AdminPassword)
    {
        var client = factory.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Authorization = HttpForms.Basic(email, password);
        return client;
    }

    [Fact]
    public async Task Without_credentials_the_api_answers_401_with_a_json_error()
    {
        var response = await factory.CreateBrowserlessClient().GetAsync("/api/users");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "Authentication required");
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Wrong_credentials_are_401_and_analysts_are_403()
    {
        await HttpForms.CreateAccountAsync(factory, "api-analyst@soc.example", "Analyst");

        await ApiAssert.ErrorAsync(await Client(TestAccounts.AdminEmail, "wrong").GetAsync("/api/users"), HttpStatusCode.Unauthorized, "Invalid email or password");
        await ApiAssert.ErrorAsync(await Client("api-analyst@soc.example", TestAccounts.AnalystPassword).GetAsync("/api/users"), HttpStatusCode.Forbidden, "roles do not allow");
    }

    [Fact]
    public async Task An_admin_creates_lists_and_changes_accounts()
    {
        var client = Client();

        var created = await client.PostAsJsonAsync("/api/users", new { email = "provisioned@soc.example", display_name = "Pro Visioned", roles = new[] { "Analyst", "viewer" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = user.GetProperty("id").GetString()!;
        Assert.Equal($"/api/users/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(["Analyst", "Viewer"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(user.GetProperty("password").GetString()!.Length >= 12);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/users");
        Assert.Contains(list.GetProperty("users").EnumerateArray(), u => u.GetProperty("email").GetString() == "provisioned@soc.example");
        Assert.Equal(list.GetProperty("users").GetArrayLength(), list.GetProperty("total").GetInt32());
        Assert.False(list.GetProperty("users")[0].TryGetProperty("password", out var leaked) && leaked.ValueKind != JsonValueKind.Null);

        var patched = await client.PatchAsJsonAsync($"/api/users/{id}", new { roles = new[] { "Lead" }, disabled = true, display_name = "Renamed" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var changed = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Renamed", changed.GetProperty("display_name").GetString());
        Assert.True(changed.GetProperty("disabled").GetBoolean());
        Assert.Equal(["Lead"], changed.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Invalid_requests_get_clear_json_errors_and_change_nothing()
    {
        var client = Client();
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/users")).GetProperty("total").GetInt32();

        await ApiAssert.ErrorAsync(await client.PostAsJsonAsync("/api/users", new { email = "x@soc.example", display_name = "X", roles = new[] { "Root" } }),
            HttpStatusCode.BadRequest, "Unknown role 'Root'");
        await ApiAssert.ErrorAsync(await client.PostAsJsonAsync("/api/users", new { email = "x@soc.example", display_name = "X", roles = new[] { "Analyst" }, password = "short" }),
            HttpStatusCode.BadRequest, "at least 12 characters");
        await ApiAssert.ErrorAsync(await client.PostAsJsonAsync("/api/users", new { email = TestAccounts.AdminEmail, display_name = "X", roles = new[] { "Analyst" } }),
            HttpStatusCode.Conflict, "already exists");
        await ApiAssert.ErrorAsync(await client.PostAsync("/api/users", new StringContent("{not json", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "not valid JSON");
        await ApiAssert.ErrorAsync(await client.PatchAsJsonAsync("/api/users/nope", new { disabled = true }), HttpStatusCode.NotFound, "No account with id 'nope'");

        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>("/api/users")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_last_enabled_admin_cannot_be_demoted_over_the_api()
    {
        var client = Client();
        var admins = (await client.GetFromJsonAsync<JsonElement>("/api/users")).GetProperty("users").EnumerateArray()
            .Where(u => u.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == "Admin") && !u.GetProperty("disabled").GetBoolean()).ToList();
        Assert.Single(admins);

        var response = await client.PatchAsJsonAsync($"/api/users/{admins[0].GetProperty("id").GetString()}", new { roles = new[] { "Viewer" } });

        await ApiAssert.ErrorAsync(response, HttpStatusCode.Conflict, "last enabled Admin");
    }

    [Fact]
    public async Task Repeated_wrong_api_passwords_lock_the_account_like_the_log_in_page()
    {
        await HttpForms.CreateAccountAsync(factory, "api-locked@soc.example", "Admin");
        for (var i = 0; i < 5; i++) await Client("api-locked@soc.example", "wrong").GetAsync("/api/users");

        var response = await Client("api-locked@soc.example", TestAccounts.AnalystPassword).GetAsync("/api/users");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "locked");
    }
}
