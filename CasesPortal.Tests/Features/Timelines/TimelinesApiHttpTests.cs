using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Tests.Features.Cases.Evidence;

namespace CasesPortal.Tests.Features.Timelines;

[Trait(Layer.Name, Layer.Http)]
public sealed class TimelinesApiHttpTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private HttpClient analyst = default!, viewer = default!;

    public async Task InitializeAsync()
    {
        analyst = await HttpForms.ApiClientAsync(factory, "timelines.analyst@soc.example", "Analyst");
        viewer = await HttpForms.ApiClientAsync(factory, "timelines.viewer@soc.example", "Viewer");
        await EvidenceSamples.IngestSamplesAsync(factory.Services.GetRequiredService<EvidenceIngestService>());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<JsonElement> CreateAsync(string title = "DC-01 logons")
    {
        var response = await analyst.PostAsync("/api/timelines", Json($$"""
            {"title":"{{title}}","description":"Logons on the DC","query":"host.name:DC-01",
             "filters":[{"field":"event.outcome","operator":"is","values":["failure"],"negate":true}],
             "range":{"from":"2026-11-27T00:00:00Z","to":"2026-11-28T00:00:00Z"},"columns":["@timestamp","user.name"],"sort":"desc"}
            """));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Create_read_find_change_and_delete()
    {
        var created = await CreateAsync();
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("host.name:DC-01", created.GetProperty("query").GetString());
        Assert.True(created.GetProperty("filters")[0].GetProperty("negate").GetBoolean());
        Assert.Equal("2026-11-27T00:00:00+00:00", created.GetProperty("range").GetProperty("from").GetString());

        var read = await viewer.GetFromJsonAsync<JsonElement>($"/api/timelines/{id}");
        Assert.Equal("DC-01 logons", read.GetProperty("title").GetString());
        var found = await viewer.GetFromJsonAsync<JsonElement>("/api/timelines/_find?search=logons");
        Assert.Contains(found.GetProperty("timelines").EnumerateArray(), t => t.GetProperty("id").GetString() == id);

        var version = created.GetProperty("version").GetString();
        var changed = await analyst.PatchAsync($"/api/timelines/{id}", Json($$$"""{"version":"{{{version}}}","title":"DC-01 logons (all)","range":{"relative":"30d"} }"""));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var stale = await analyst.PatchAsync($"/api/timelines/{id}", Json($$"""{"version":"{{version}}","title":"again"}"""));
        await ApiAssert.ErrorAsync(stale, HttpStatusCode.Conflict, "changed by someone else");

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/timelines/{id}")).StatusCode);
        await ApiAssert.ErrorAsync(await viewer.GetAsync($"/api/timelines/{id}"), HttpStatusCode.NotFound, "not found");
    }

    [Fact]
    public async Task Viewers_may_read_and_query_but_not_write()
    {
        var id = (await CreateAsync()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/timelines", Json("""{"title":"x"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PatchAsync($"/api/timelines/{id}", Json("""{"title":"x"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/api/timelines/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/timelines/{id}/pinned_events", Json("""{"eventId":"evt-net-0002"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.PostAsync("/api/timelines/_query", Json("""{"query":"host.name:DC-01"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/timelines/_find")).StatusCode);
    }

    [Fact]
    public async Task Query_answers_events_and_total_and_a_syntax_error_with_its_position()
    {
        var response = await viewer.PostAsync("/api/timelines/_query", Json("""
            {"query":"user.name:svc-backup or process.name:power*","filters":[{"field":"host.name","operator":"is_one_of","values":["DC-01","WS-042"]}],
             "from":"2026-11-27T00:00:00Z","to":"2026-11-28T00:00:00Z","page":1,"perPage":3}
            """));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((4, 3, false), (json.GetProperty("total").GetInt32(), json.GetProperty("events").GetArrayLength(), json.GetProperty("totalIsLowerBound").GetBoolean()));
        Assert.Equal("winsec-4624-000342", json.GetProperty("events")[0].GetProperty("_id").GetString());
        Assert.Equal("DC-01", json.GetProperty("events")[0].GetProperty("document").GetProperty("host").GetProperty("name").GetString());

        var bad = await viewer.PostAsync("/api/timelines/_query", Json("""{"query":"host.name:DC-01 and or"}"""));
        await ApiAssert.ErrorAsync(bad, HttpStatusCode.BadRequest, "at character 21");
        var again = await viewer.PostAsync("/api/timelines/_query", Json("""{"query":"host.name:DC-01 and or"}"""));
        Assert.Equal(20, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("position").GetInt32());
        await ApiAssert.ErrorAsync(await viewer.PostAsync("/api/timelines/_query", Json("""{"perPage":500}""")), HttpStatusCode.BadRequest, "perPage");
        await ApiAssert.ErrorAsync(await viewer.PostAsync("/api/timelines/_query", Json("""{"filters":[{"field":"host.name","operator":"near","values":["x"]}]}""")),
            HttpStatusCode.BadRequest, "operator");
    }

    [Fact]
    public async Task Pins_notes_and_attaching_to_a_case_through_comments()
    {
        var id = (await CreateAsync("Attached timeline")).GetProperty("id").GetString()!;
        var pinned = await analyst.PostAsync($"/api/timelines/{id}/pinned_events", Json("""{"eventId":"winsec-4624-000342"}"""));
        Assert.Equal(["winsec-4624-000342"], (await pinned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pinnedEventIds").EnumerateArray().Select(e => e.GetString()));
        var noted = await analyst.PostAsync($"/api/timelines/{id}/notes", Json("""{"note":"Service account logged on after failures","eventId":"winsec-4624-000342"}"""));
        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);

        var caseResponse = await analyst.PostAsync("/api/cases", Json("""{"title":"Timeline case","description":"","tags":[],"owner":"securitySolution"}"""));
        var caseId = (await caseResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var attached = await analyst.PostAsync($"/api/cases/{caseId}/comments", Json($$"""{"type":"timeline","timelineId":"{{id}}","owner":"securitySolution"}"""));
        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        await ApiAssert.ErrorAsync(await viewer.PostAsync($"/api/cases/{caseId}/comments", Json($$"""{"type":"timeline","timelineId":"{{id}}"}""")),
            HttpStatusCode.Forbidden, "");
        await ApiAssert.ErrorAsync(await analyst.PostAsync($"/api/cases/{caseId}/comments", Json("""{"type":"timeline","timelineId":"nope"}""")),
            HttpStatusCode.BadRequest, "Timeline nope not found");

        var listed = await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/timelines");
        var one = Assert.Single(listed.EnumerateArray());
        Assert.Equal(("Attached timeline", 1, "winsec-4624-000342"),
            (one.GetProperty("title").GetString(), one.GetProperty("eventCount").GetInt32(), one.GetProperty("pinnedEventIds")[0].GetString()));
        var attachmentId = one.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/cases/{caseId}/timelines/{attachmentId}")).StatusCode);
        Assert.Equal(0, (await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/timelines")).GetArrayLength());
    }

    [Fact]
    public async Task A_note_is_deleted_through_the_api_by_its_author_only()
    {
        var id = (await CreateAsync("Noted timeline")).GetProperty("id").GetString()!;
        var noted = await (await analyst.PostAsync($"/api/timelines/{id}/notes", Json("""{"note":"First look"}"""))).Content.ReadFromJsonAsync<JsonElement>();
        var noteId = noted.GetProperty("notes")[0].GetProperty("id").GetString()!;
        var otherAnalyst = await HttpForms.ApiClientAsync(factory, "timelines.other@soc.example", "Analyst");

        await ApiAssert.ErrorAsync(await viewer.DeleteAsync($"/api/timelines/{id}/notes/{noteId}"), HttpStatusCode.Forbidden, "");
        await ApiAssert.ErrorAsync(await otherAnalyst.DeleteAsync($"/api/timelines/{id}/notes/{noteId}"), HttpStatusCode.Forbidden, "Only the note's author");
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/timelines/{id}/notes/{noteId}")).StatusCode);
        await ApiAssert.ErrorAsync(await analyst.DeleteAsync($"/api/timelines/{id}/notes/{noteId}"), HttpStatusCode.NotFound, "not found");
        Assert.Equal(0, (await viewer.GetFromJsonAsync<JsonElement>($"/api/timelines/{id}")).GetProperty("notes").GetArrayLength());
    }

    [Fact]
    public async Task The_sort_field_is_saved_and_a_query_sorts_by_it()
    {
        var id = (await CreateAsync("Sorted timeline")).GetProperty("id").GetString()!;
        var read = await viewer.GetFromJsonAsync<JsonElement>($"/api/timelines/{id}");
        Assert.Equal(("@timestamp", "desc"), (read.GetProperty("sortField").GetString(), read.GetProperty("sort").GetString()));
        var patched = await analyst.PatchAsync($"/api/timelines/{id}", Json($$"""{"version":"{{read.GetProperty("version").GetString()}}","sortField":"host.name","sort":"asc"}"""));
        var saved = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("host.name", "asc"), (saved.GetProperty("sortField").GetString(), saved.GetProperty("sort").GetString()));
        await ApiAssert.ErrorAsync(await analyst.PatchAsync($"/api/timelines/{id}", Json($$"""{"version":"{{saved.GetProperty("version").GetString()}}","sortField":"event.code"}""")),
            HttpStatusCode.BadRequest, "sortField must be one of the indexed fields");

        var events = await (await viewer.PostAsync("/api/timelines/_query", Json("""{"sortField":"host.name","sort":"asc","perPage":100}"""))).Content.ReadFromJsonAsync<JsonElement>();
        var hosts = events.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("document").TryGetProperty("host", out var h) && h.TryGetProperty("name", out var n) ? n.GetString() : null)
            .Where(h => h is not null).ToList();
        Assert.Equal(hosts.Order(StringComparer.Ordinal), hosts);
        await ApiAssert.ErrorAsync(await viewer.PostAsync("/api/timelines/_query", Json("""{"sortField":"message"}""")), HttpStatusCode.BadRequest, "sortField");
    }
}
