using System.Globalization;
using System.Text.Json;

namespace CasesPortal.Hosting.Benchmark;

/// <summary>One generated ECS event: its indexed values and its whole document.</summary>
public sealed record BenchEvent(string Id, long TimestampTicks, string HostId, string HostName, string HostOs, string UserName,
    string? SourceIp, string? DestinationIp, string ProcessName, string Category, string Action, string Outcome, string Message, string Document);

/// <summary>
/// Endpoint and network events (≈ 800 bytes of nested ECS) over the six months before <paramref name="end"/>,
/// chronological, from the same skewed fleet of hosts and users as <see cref="BenchAlerts"/>. Deterministic for a seed.
/// </summary>
public sealed class BenchEvents(int count, DateTimeOffset end, int seed = 20261129)
{
    /// <summary>The busiest host, where the timeline query is measured (its first page is the newest of many thousands).</summary>
    public const string BusiestHost = "SRV-0000";

    private static readonly (string Category, string Action, string Process)[] Kinds =
    [
        ("process", "start", "powershell.exe"), ("network", "connection_attempted", "chrome.exe"), ("authentication", "logged-in", "lsass.exe"),
        ("file", "creation", "explorer.exe"), ("process", "end", "svchost.exe"), ("network", "dns_query", "svchost.exe"),
        ("registry", "modification", "reg.exe"), ("authentication", "logon-failed", "sshd"),
    ];

    private const string EndDocument = "}";

    public IEnumerable<BenchEvent> All()
    {
        var random = new Random(seed);
        var start = end - TimeSpan.FromDays(182);
        var step = (end - start).Ticks / Math.Max(1, count);
        for (var i = 0; i < count; i++) yield return Event(random, start.AddTicks(step * i + random.NextInt64(step + 1)));
    }

    private static BenchEvent Event(Random random, DateTimeOffset time)
    {
        var host = BenchFleet.Host(random);
        var hostName = BenchFleet.HostName(host);
        var os = BenchFleet.Os(host);
        var user = BenchFleet.User(random);
        var kind = Kinds[BenchFleet.Skewed(random, Kinds.Length)];
        var outcome = random.Next(10) == 0 ? "failure" : "success";
        var network = kind.Category == "network";
        var source = network ? BenchFleet.Ip(host) : null;
        var destination = network ? $"203.0.{random.Next(0, 256)}.{random.Next(1, 255)}" : null;
        var id = Convert.ToHexStringLower(BenchFleet.RandomBytes(random, 12));
        var stamp = time.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var message = $"{kind.Process} {kind.Action} by {user} on {hostName}";
        var networkPart = network
            ? $$"""
                ,"source":{"ip":"{{source}}","port":{{random.Next(1024, 65535)}}},"destination":{"ip":"{{destination}}","port":443}
                """
            : "";
        var document = $$"""
            {"@timestamp":"{{stamp}}","event":{"kind":"event","category":["{{kind.Category}}"],"type":["info"],"action":"{{kind.Action}}","outcome":"{{outcome}}","module":"endpoint","dataset":"endpoint.events.{{kind.Category}}"},"host":{"id":"{{BenchFleet.HostId(hostName)}}","name":"{{hostName}}","hostname":"{{hostName.ToLowerInvariant()}}","os":{"name":"{{os}}","version":"23H2"},"ip":["{{BenchFleet.Ip(host)}}"]},"user":{"name":"{{user}}","domain":"CORP"},"process":{"name":"{{kind.Process}}","pid":{{random.Next(300, 65000)}},"executable":"C:\\Windows\\System32\\{{kind.Process}}"}{{networkPart}},"agent":{"type":"endpoint","version":"8.15.0"},"ecs":{"version":"8.11.0"},"message":{{JsonSerializer.Serialize(message)}}{{EndDocument}}
            """;
        return new BenchEvent(id, time.UtcTicks, BenchFleet.HostId(hostName), hostName, os, user, source, destination, kind.Process,
            kind.Category, kind.Action, outcome, message, document);
    }
}

/// <summary>The shared fleet: 5,000 hosts and 20,000 users, a few of them carrying most of the activity (Zipf-like).</summary>
public static class BenchFleet
{
    public static int Host(Random random) => Skewed(random, 5000);

    public static string HostName(int host) => host % 10 == 0 ? $"SRV-{host:D4}" : $"WS-{host:D4}";

    public static string HostId(string hostName) => Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(hostName)).PadRight(32, '0');

    public static string Os(int host) => host % 10 == 0 ? "Windows Server 2022" : host % 7 == 0 ? "Ubuntu 22.04.4 LTS" : "Windows 11 Pro";

    public static string Ip(int host) => $"10.{host / 250 % 250}.{host % 250}.{10 + host % 200}";

    public static string User(Random random) => $"user{Skewed(random, 20000):D5}";

    /// <summary>Zipf-like: index 0 is the busiest, the tail is long.</summary>
    public static int Skewed(Random random, int length) => (int)(Math.Pow(random.NextDouble(), 3) * length);

    public static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
