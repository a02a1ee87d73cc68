using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;

namespace CasesPortal.Tests.Support;

/// <summary>One request as a fake system received it.</summary>
public sealed record FakeRequest(string Method, string PathAndQuery, string? Authorization, JsonNode? Body);

/// <summary>
/// A loopback HTTP server standing in for ServiceNow, IBM Resilient or a webhook target: it records every request
/// and answers through <see cref="Answer"/>, which plays the real system (its shapes and its error bodies).
/// </summary>
public sealed class FakeSystem : IAsyncDisposable
{
    private readonly WebApplication app;

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();
    public Func<FakeRequest, (int Status, object? Body)> Answer { get; set; } = _ => (404, null);

    /// <summary>
    /// What the next requests get instead of their answer: "503" or "429" (nothing done), "timeout" (done, but the
    /// answer is held until the caller gives up), "drop" (never done, and no answer until the caller gives up), "ok".
    /// </summary>
    public ConcurrentQueue<string> Outage { get; } = new();
    public string BaseUrl { get; }

    private FakeSystem(WebApplication app)
    {
        this.app = app;
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public static async Task<FakeSystem> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeSystem? fake = null;
        app.Run(async context =>
        {
            JsonNode? body = null;
            if (context.Request.ContentLength > 0) body = await JsonNode.ParseAsync(context.Request.Body);
            var request = new FakeRequest(context.Request.Method, $"{context.Request.Path}{context.Request.QueryString}", context.Request.Headers.Authorization, body);
            fake!.Requests.Enqueue(request);
            fake.Outage.TryDequeue(out var failure);
            if (failure is "503" or "429")
            {
                context.Response.StatusCode = int.Parse(failure);
                if (failure == "429") context.Response.Headers.RetryAfter = "0";
                await context.Response.WriteAsJsonAsync(new { error = new { message = "Service Unavailable", detail = "The instance is not available." }, status = "failure" });
                return;
            }
            if (failure == "drop")
            {
                await LateAnswer.HoldUntilCallerGivesUpAsync(context);
                return;
            }
            var (status, answer) = fake.Answer(request);
            if (failure == "timeout") await LateAnswer.HoldUntilCallerGivesUpAsync(context);
            context.Response.StatusCode = status;
            if (answer is not null) await context.Response.WriteAsJsonAsync(answer);
        });
        await app.StartAsync();
        return fake = new FakeSystem(app);
    }

    public static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}"));

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
