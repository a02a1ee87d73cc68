using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CasesPortal.Tests.Support;

/// <summary>
/// A Jira REST v2 server on loopback: checks method, path, basic auth and body shape of every request, keeps issues
/// and comments in memory, and answers like Jira, errors included. Outages are scripted with <see cref="Outage"/>.
/// </summary>
public sealed class FakeJira : IAsyncDisposable
{
    public const string Email = "soc-bot@example.com";
    public const string Token = "jira-api-token-123";
    public const string Project = "SOC";

    private readonly WebApplication app;
    private int nextId = 10000;

    public ConcurrentDictionary<string, JsonObject> Issues { get; } = new();
    public ConcurrentDictionary<string, List<string>> Comments { get; } = new();
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>What the next requests get instead of an answer: "503", "429", "timeout" (the work is done, the answer held until the caller gives up), "400".</summary>
    public ConcurrentQueue<string> Outage { get; } = new();
    public string BaseUrl { get; }

    private FakeJira(WebApplication app)
    {
        this.app = app;
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public static async Task<FakeJira> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeJira? fake = null;
        app.Use(async (context, next) =>
        {
            fake!.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Email}:{Token}"));
            if (context.Request.Headers.Authorization != expected)
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsJsonAsync(new { errorMessages = new[] { "You are not authenticated. Authentication required to perform this operation." }, errors = new { } });
                return;
            }
            if (fake.Outage.TryDequeue(out var failure) && failure != "ok")
            {
                if (failure == "timeout")
                {
                    // The work is done, but the answer comes after the client gave up.
                    var body = context.Response.Body;
                    using var buffer = new MemoryStream();
                    context.Response.Body = buffer;
                    await next(context);
                    await LateAnswer.HoldUntilCallerGivesUpAsync(context);
                    context.Response.Body = body;
                    buffer.Position = 0;
                    try { await buffer.CopyToAsync(body); } catch (Exception) { /* the client is gone */ }
                    return;
                }
                context.Response.StatusCode = int.Parse(failure);
                if (failure == "429") context.Response.Headers.RetryAfter = "0";
                await context.Response.WriteAsJsonAsync(new { errorMessages = new[] { "Service unavailable" }, errors = new { } });
                return;
            }
            await next(context);
        });
        app.MapGet("/rest/api/2/project/{key}", (string key) => key == Project
            ? Results.Json(new { id = "10000", key, name = "Security operations" })
            : Results.Json(new { errorMessages = new[] { $"No project could be found with key '{key}'." }, errors = new { } }, statusCode: 404));
        app.MapGet("/rest/api/2/issue/createmeta/{key}/issuetypes", () => Results.Json(new { values = new[] { new { id = "10001", name = "Task" }, new { id = "10002", name = "Bug" } } }));
        app.MapGet("/rest/api/2/priority", () => Results.Json(new[] { new { id = "1", name = "Highest" }, new { id = "3", name = "Medium" } }));
        app.MapPost("/rest/api/2/issue", async (HttpRequest request) => fake!.Create(await ReadAsync(request)));
        app.MapPut("/rest/api/2/issue/{key}", async (string key, HttpRequest request) => fake!.Update(key, await ReadAsync(request)));
        app.MapPost("/rest/api/2/issue/{key}/comment", async (string key, HttpRequest request) => fake!.Comment(key, await ReadAsync(request)));
        app.MapGet("/rest/api/2/issue/{key}/comment", (string key, int startAt, int maxResults) => fake!.CommentPage(key, startAt, maxResults));
        app.MapGet("/rest/api/2/search", (string jql) => Results.Json(new
        {
            issues = fake!.Issues.Where(i => jql == $"labels=\"{Label(i.Value)}\"").Select(i => new { id = i.Value["id"]!.ToString(), key = i.Key }).ToArray(),
        }));
        await app.StartAsync();
        return fake = new FakeJira(app);
    }

    private static string? Label(JsonObject issue) =>
        (issue["fields"]?["labels"] as JsonArray)?.Select(l => l!.ToString()).FirstOrDefault(l => l.StartsWith("casesportal-", StringComparison.Ordinal));

    private static async Task<JsonObject> ReadAsync(HttpRequest request) =>
        request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true
            ? (JsonObject)(await JsonNode.ParseAsync(request.Body))! : throw new InvalidOperationException("not JSON");

    private IResult Create(JsonObject body)
    {
        var fields = body["fields"] as JsonObject;
        if (fields?["project"]?["key"]?.ToString() != Project || fields["summary"] is null)
            return Results.Json(new { errorMessages = Array.Empty<string>(), errors = new { project = "project is required" } }, statusCode: 400);
        if (fields["priority"]?["name"]?.ToString() is { } p && p == "Forbidden")
            return Results.Json(new { errorMessages = Array.Empty<string>(), errors = new { priority = "Field 'priority' cannot be set. It is not on the appropriate screen, or unknown." } }, statusCode: 400);
        var id = Interlocked.Increment(ref nextId);
        var key = $"{Project}-{id - 10000}";
        Issues[key] = new JsonObject { ["id"] = $"{id}", ["key"] = key, ["fields"] = fields.DeepClone() };
        Comments[key] = [];
        return Results.Json(new { id = $"{id}", key, self = $"{BaseUrl}/rest/api/2/issue/{id}" }, statusCode: 201);
    }

    private IResult Update(string key, JsonObject body)
    {
        if (!Issues.TryGetValue(key, out var issue)) return Results.Json(new { errorMessages = new[] { "Issue does not exist or you do not have permission to see it." }, errors = new { } }, statusCode: 404);
        foreach (var (name, value) in (JsonObject)body["fields"]!) ((JsonObject)issue["fields"]!)[name] = value?.DeepClone();
        return Results.NoContent();
    }

    private IResult Comment(string key, JsonObject body)
    {
        if (!Comments.TryGetValue(key, out var list)) return Results.Json(new { errorMessages = new[] { "Issue does not exist or you do not have permission to see it." }, errors = new { } }, statusCode: 404);
        lock (list) list.Add(body["body"]!.ToString());
        return Results.Json(new { id = $"{list.Count}", body = body["body"]!.ToString() }, statusCode: 201);
    }

    /// <summary>Jira's page of comments; like Jira Cloud it returns at most 100 whatever <c>maxResults</c> asks.</summary>
    private IResult CommentPage(string key, int startAt, int maxResults)
    {
        if (!Comments.TryGetValue(key, out var list)) return Results.Json(new { errorMessages = new[] { "Issue does not exist or you do not have permission to see it." }, errors = new { } }, statusCode: 404);
        string[] all;
        lock (list) all = [.. list];
        var page = all.Skip(startAt).Take(Math.Clamp(maxResults, 1, 100)).Select((body, i) => new { id = $"{startAt + i + 1}", body });
        return Results.Json(new { startAt, maxResults = Math.Clamp(maxResults, 1, 100), total = all.Length, comments = page.ToArray() });
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
