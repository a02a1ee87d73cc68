using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CasesPortal.Hosting.Benchmark;

/// <summary>
/// Headless Chromium driven over the DevTools protocol (a WebSocket, no driver to install): opens pages as real tabs,
/// each of which starts its own Blazor circuit. Used only to hold circuits open while the server's memory is read.
/// </summary>
public sealed class ChromiumTabs : IAsyncDisposable
{
    private readonly Process browser;
    private readonly ClientWebSocket socket;
    private readonly string profile;
    private int lastId;

    private ChromiumTabs(Process browser, ClientWebSocket socket, string profile) => (this.browser, this.socket, this.profile) = (browser, socket, profile);

    public static string? ExecutablePath =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium" }.FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    public static async Task<ChromiumTabs> StartAsync(string executable)
    {
        var profile = Path.Combine(Path.GetTempPath(), $"casesportal-bench-chromium-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank" })
            start.ArgumentList.Add(argument);
        var browser = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        _ = browser.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        string? endpoint = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (endpoint is null && await browser.StandardError.ReadLineAsync(timeout.Token) is { } line)
            if (line.IndexOf("ws://", StringComparison.Ordinal) is var at and >= 0) endpoint = line[at..].Trim();
        if (endpoint is null) throw new InvalidOperationException("Chromium did not open its DevTools endpoint.");
        _ = browser.StandardError.BaseStream.CopyToAsync(Stream.Null);
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(endpoint), timeout.Token);
        return new ChromiumTabs(browser, socket, profile);
    }

    /// <summary>Opens <paramref name="count"/> tabs on <paramref name="address"/> with the cookies; answers how many became interactive within the time.</summary>
    public async Task<int> OpenInteractiveAsync(Uri address, CookieCollection cookies, int count, TimeSpan within)
    {
        await SendAsync("Storage.setCookies", new JsonObject
        {
            ["cookies"] = new JsonArray(cookies.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name, ["value"] = c.Value, ["domain"] = address.Host, ["path"] = "/", ["httpOnly"] = true,
            }).ToArray()),
        });
        var sessions = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var target = (await SendAsync("Target.createTarget", new JsonObject { ["url"] = address.ToString() }))["targetId"]!.GetValue<string>();
            var session = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target, ["flatten"] = true });
            sessions.Add(session["sessionId"]!.GetValue<string>());
        }
        var waiting = sessions.ToHashSet();
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (waiting.Count > 0 && Stopwatch.GetTimestamp() < deadline)
        {
            foreach (var session in waiting.ToList())
            {
                var result = await SendAsync("Runtime.evaluate", new JsonObject
                {
                    ["expression"] = "!!document.querySelector(\"#circuit-state[data-interactive='true']\")", ["returnByValue"] = true,
                }, session);
                if (result["result"]?["value"]?.GetValue<bool>() == true) waiting.Remove(session);
            }
            if (waiting.Count > 0) await Task.Delay(500);
        }
        return sessions.Count - waiting.Count;
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject parameters, string? session = null)
    {
        var id = ++lastId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (session is not null) message["sessionId"] = session;
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var text = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                text.Write(buffer, 0, received.Count);
            } while (!received.EndOfMessage);
            var answer = JsonNode.Parse(text.ToArray())!;
            if (answer["id"]?.GetValue<int>() != id) continue;
            if (answer["error"] is { } error) throw new InvalidOperationException($"Chromium refused {method}: {error.ToJsonString()}");
            return answer["result"] ?? new JsonObject();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await SendAsync("Browser.close", []);
        }
        catch (Exception ex) when (ex is WebSocketException or InvalidOperationException or JsonException)
        {
            // Closed already; the process is ended below either way.
        }
        socket.Dispose();
        if (!browser.WaitForExit(5000)) browser.Kill(entireProcessTree: true);
        browser.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // A profile file still held by an exiting renderer; it is in the temporary folder.
        }
    }
}
