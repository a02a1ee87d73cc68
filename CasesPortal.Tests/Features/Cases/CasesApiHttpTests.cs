using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CasesPortal.Tests.Features.Cases;

[Trait(Layer.Name, Layer.Http)]
public sealed class CasesApiHttpTests : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private readonly PortalFactory factory;
    private HttpClient analyst = default!, lead = default!, viewer = default!;

    public CasesApiHttpTests(PortalFactory factory) => this.factory = factory;

    public async Task InitializeAsync()
    {
        analyst = await ClientFor("api.analyst@soc.example", "Analyst");
        lead = await ClientFor("api.lead@soc.example", "Lead");
        viewer = await ClientFor("api.viewer@soc.example", "Viewer");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpClient> ClientFor(string email, string role) => HttpForms.ApiClientAsync(factory, email, role);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<JsonElement> CreateCaseAsync(string title = "Suspicious PowerShell on WS-042", string tags = "[\"powershell\",\"endpoint\"]")
    {
        // Kibana's documented create body, as-is.
        var response = await analyst.PostAsync("/api/cases", Json($$"""
            {"title":"{{title}}","description":"Encoded command line seen.","tags":{{tags}},
             "connector":{"id":"none","name":"none","type":".none","fields":null},
             "settings":{"syncAlerts":true},"owner":"securitySolution","severity":"high","category":"Execution",
             "customFields":[],"some_future_field":42}
            """));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Create_and_get_answer_kibanas_case_shape()
    {
        var created = await CreateCaseAsync();

        Assert.Equal("high", created.GetProperty("severity").GetString());
        Assert.Equal("open", created.GetProperty("status").GetString());
        Assert.True(created.GetProperty("settings").GetProperty("syncAlerts").GetBoolean());
        Assert.Equal(".none", created.GetProperty("connector").GetProperty("type").GetString());
        Assert.Equal("api.analyst@soc.example", created.GetProperty("created_by").GetProperty("username").GetString());
        Assert.Equal(0, created.GetProperty("totalComment").GetInt32());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("closed_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("duration").ValueKind);

        var id = created.GetProperty("id").GetString();
        var fetched = await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal(created.GetProperty("version").GetString(), fetched.GetProperty("version").GetString());
        Assert.Equal(0, fetched.GetProperty("comments").GetArrayLength());
    }

    [Fact]
    public async Task Credentials_and_roles_are_checked()
    {
        var anonymous = factory.CreateBrowserlessClient();
        await ApiAssert.ErrorAsync(await anonymous.GetAsync("/api/cases/_find"), HttpStatusCode.Unauthorized, "Authentication required");
        await ApiAssert.ErrorAsync(await viewer.PostAsync("/api/cases", Json("""{"title":"x"}""")), HttpStatusCode.Forbidden, "roles");
        var created = await CreateCaseAsync();
        await ApiAssert.ErrorAsync(await analyst.DeleteAsync($"/api/cases?ids=[\"{created.GetProperty("id").GetString()}\"]"), HttpStatusCode.Forbidden, "roles");
    }

    [Fact]
    public async Task Bad_input_is_400_naming_the_field()
    {
        await ApiAssert.ErrorAsync(await analyst.PostAsync("/api/cases", Json("""{"description":"no title"}""")), HttpStatusCode.BadRequest, "title is required");
        await ApiAssert.ErrorAsync(await analyst.PostAsync("/api/cases", Json($$"""{"title":"{{new string('x', 161)}}"}""")), HttpStatusCode.BadRequest, "title must be at most 160");
        await ApiAssert.ErrorAsync(await analyst.PostAsync("/api/cases", Json("""{"title":"t","severity":"urgent"}""")), HttpStatusCode.BadRequest, "severity must be one of low, medium, high, critical");
        await ApiAssert.ErrorAsync(await analyst.PostAsync("/api/cases", Json("""{"title":"t","tags":"notalist"}""")), HttpStatusCode.BadRequest, "tags must be an array of strings");
        await ApiAssert.ErrorAsync(await analyst.PostAsync("/api/cases", Json("""{"title":"t","assignees":[{"uid":"ghost"}]}""")), HttpStatusCode.BadRequest, "'ghost' is not an enabled account");
        await ApiAssert.ErrorAsync(await analyst.PostAsync("/api/cases", Json("{broken")), HttpStatusCode.BadRequest, "not valid JSON");
        await ApiAssert.ErrorAsync(await analyst.GetAsync("/api/cases/_find?perPage=101"), HttpStatusCode.BadRequest, "perPage must be a whole number from 1 to 100");
        await ApiAssert.ErrorAsync(await analyst.GetAsync("/api/cases/_find?sortField=color"), HttpStatusCode.BadRequest, "sortField must be one of");
        await ApiAssert.ErrorAsync(await analyst.GetAsync("/api/cases/nope"), HttpStatusCode.NotFound, "Case nope not found");
    }

    [Fact]
    public async Task Patch_is_all_or_nothing_with_409_for_a_stale_version_and_406_for_no_change()
    {
        var a = await CreateCaseAsync("A");
        var b = await CreateCaseAsync("B");
        string Id(JsonElement c) => c.GetProperty("id").GetString()!;
        string Version(JsonElement c) => c.GetProperty("version").GetString()!;

        var ok = await analyst.PatchAsync("/api/cases", Json($$"""{"cases":[{"id":"{{Id(a)}}","version":"{{Version(a)}}","status":"closed","close_reason":"false_positive","assignees":[{"uid":"api.lead@soc.example"}]}]}"""));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var closed = (await ok.Content.ReadFromJsonAsync<JsonElement>())[0];
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("false_positive", closed.GetProperty("close_reason").GetString());
        Assert.Equal(1, closed.GetProperty("assignees").GetArrayLength());
        Assert.True(closed.GetProperty("duration").GetInt64() >= 0);

        var stale = await analyst.PatchAsync("/api/cases", Json($$"""{"cases":[{"id":"{{Id(b)}}","version":"{{Version(b)}}","title":"B2"},{"id":"{{Id(a)}}","version":"{{Version(a)}}","title":"A2"}]}"""));
        await ApiAssert.ErrorAsync(stale, HttpStatusCode.Conflict, $"These cases {Id(a)} has been updated. Please refresh before saving additional updates.");
        Assert.Equal("B", (await analyst.GetFromJsonAsync<JsonElement>($"/api/cases/{Id(b)}")).GetProperty("title").GetString());

        var same = await analyst.PatchAsync("/api/cases", Json($$"""{"cases":[{"id":"{{Id(b)}}","version":"{{Version(b)}}","title":"B"}]}"""));
        await ApiAssert.ErrorAsync(same, HttpStatusCode.NotAcceptable, "identical");
        await ApiAssert.ErrorAsync(await analyst.PatchAsync("/api/cases", Json("""{"cases":[{"id":"nope","version":"WzEsMV0=","title":"x"}]}""")), HttpStatusCode.NotFound, "not found");
    }

    [Fact]
    public async Task Find_filters_pages_and_counts_like_kibana()
    {
        var tag = $"find-{Guid.NewGuid():N}"[..12];
        var open = await CreateCaseAsync("Find open", $"[\"{tag}\"]");
        var toClose = await CreateCaseAsync("Find closed", $"[\"{tag}\"]");
        await analyst.PatchAsync("/api/cases", Json($$"""{"cases":[{"id":"{{toClose.GetProperty("id").GetString()}}","version":"{{toClose.GetProperty("version").GetString()}}","status":"closed"}]}"""));

        var found = await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/_find?tags={tag}&status=open&perPage=1&sortField=createdAt&sortOrder=desc");

        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal(1, found.GetProperty("per_page").GetInt32());
        Assert.Equal(1, found.GetProperty("count_open_cases").GetInt32());
        Assert.Equal(1, found.GetProperty("count_closed_cases").GetInt32());
        Assert.Equal(open.GetProperty("id").GetString(), found.GetProperty("cases")[0].GetProperty("id").GetString());
        Assert.Contains(tag, await viewer.GetFromJsonAsync<List<string>>("/api/cases/tags") ?? []);
        Assert.Contains("Execution", await viewer.GetFromJsonAsync<List<string>>("/api/cases/categories") ?? []);
        var reporters = await viewer.GetFromJsonAsync<JsonElement>("/api/cases/reporters");
        Assert.Contains(reporters.EnumerateArray(), r => r.GetProperty("username").GetString() == "api.analyst@soc.example");
    }

    [Fact]
    public async Task Comments_and_user_actions_follow_kibanas_routes()
    {
        var item = await CreateCaseAsync();
        var id = item.GetProperty("id").GetString();

        var added = await analyst.PostAsync($"/api/cases/{id}/comments", Json("""{"type":"user","comment":"Isolated the host.","owner":"securitySolution"}"""));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var withComment = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, withComment.GetProperty("totalComment").GetInt32());
        var comment = withComment.GetProperty("comments")[0];
        var commentId = comment.GetProperty("id").GetString();
        await ApiAssert.ErrorAsync(await analyst.PostAsync($"/api/cases/{id}/comments", Json("""{"type":"actions","comment":"x"}""")), HttpStatusCode.BadRequest, "type 'actions' is not supported");
        await ApiAssert.ErrorAsync(await viewer.PostAsync($"/api/cases/{id}/comments", Json("""{"type":"user","comment":"hi"}""")), HttpStatusCode.Forbidden, "roles");

        var patched = await analyst.PatchAsync($"/api/cases/{id}/comments", Json($$"""{"id":"{{commentId}}","version":"{{comment.GetProperty("version").GetString()}}","type":"user","comment":"Isolated the host at 10:02.","owner":"securitySolution"}"""));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        await ApiAssert.ErrorAsync(await analyst.PatchAsync($"/api/cases/{id}/comments", Json($$"""{"id":"{{commentId}}","version":"{{comment.GetProperty("version").GetString()}}","type":"user","comment":"stale"}""")), HttpStatusCode.Conflict, "has been updated");

        Assert.Equal("Isolated the host at 10:02.", (await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/comments/{commentId}")).GetProperty("comment").GetString());
        var find = await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/comments/_find?perPage=5&sortOrder=desc");
        Assert.Equal(1, find.GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/cases/{id}/comments/{commentId}")).StatusCode);
        await ApiAssert.ErrorAsync(await viewer.GetAsync($"/api/cases/{id}/comments/{commentId}"), HttpStatusCode.NotFound, "not found");
        await ApiAssert.ErrorAsync(await analyst.DeleteAsync($"/api/cases/{id}/comments"), HttpStatusCode.Forbidden, "roles");
        Assert.Equal(HttpStatusCode.NoContent, (await lead.DeleteAsync($"/api/cases/{id}/comments")).StatusCode);

        var actions = await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/user_actions/_find?types=[\"user\"]&sortOrder=asc");
        Assert.Equal(["create", "update", "delete"], actions.GetProperty("userActions").EnumerateArray().Select(a => a.GetProperty("action").GetString()));
        var all = await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/user_actions/_find");
        Assert.Equal("create_case", all.GetProperty("userActions")[0].GetProperty("type").GetString());
        await ApiAssert.ErrorAsync(await viewer.GetAsync($"/api/cases/{id}/user_actions/_find?types=bogus"), HttpStatusCode.BadRequest, "types must be among");
    }

    [Fact]
    public async Task Delete_moves_cases_to_the_trash_and_they_disappear_from_the_api()
    {
        var item = await CreateCaseAsync();
        var id = item.GetProperty("id").GetString();

        await ApiAssert.ErrorAsync(await lead.DeleteAsync("/api/cases?ids=notjson["), HttpStatusCode.NotFound, "not found");
        Assert.Equal(HttpStatusCode.NoContent, (await lead.DeleteAsync($"/api/cases?ids=[\"{id}\"]")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/cases/{id}")).StatusCode);
        await ApiAssert.ErrorAsync(await lead.DeleteAsync($"/api/cases?ids=[\"{id}\"]"), HttpStatusCode.NotFound, "not found");
    }

    [Fact]
    public async Task The_ui_cookie_is_not_accepted_by_the_api()
    {
        var browser = await HttpForms.LoggedInClientAsync(factory, TestAccounts.AdminEmail, TestAccounts.AdminPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsync("/api/cases", Json("""{"title":"forged"}"""))).StatusCode);
    }
}
