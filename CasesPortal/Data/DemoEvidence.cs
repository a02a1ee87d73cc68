using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;

namespace CasesPortal.Data;

/// <summary>
/// Demo alerts, events and indicators: the realistic sample files shipped with the tests, loaded as they are, plus
/// variations of their alerts and events spread over the demo period, across a fleet of hosts and users. Everything
/// goes through the real ingest service, so the demo shows exactly what an import would.
/// </summary>
public sealed class DemoEvidence(EvidenceIngestService ingest)
{
    public const int GeneratedAlerts = 900;
    public const int GeneratedEvents = 2400;

    private static readonly string[] Hosts =
    [
        "WS-042", "FS01", "SRV-DB02", "DC-01", "web-03", "LT-118", "WS-007", "WS-013", "WS-021", "WS-058", "WS-077", "WS-101",
        "LT-204", "LT-233", "LT-305", "SRV-APP01", "SRV-APP02", "SRV-MAIL01", "KIOSK-02", "BUILD-07", "VPN-GW1", "HR-WS-12",
    ];

    private static readonly string[] Users =
    [
        "ana.diaz", "j.morgan", "svc-backup", "m.chen", "r.patel", "l.nguyen", "k.schmidt", "administrator", "s.oconnor",
        "build-agent", "t.ivanova", "p.santos", "hr.kiosk", "e.walsh",
    ];

    /// <summary>Where each kind's documents come from, as embedded copies of the test project's sample files.</summary>
    private static readonly (EvidenceKind Kind, string File)[] SampleFiles =
    [
        (EvidenceKind.Alerts, "alerts.ndjson"), (EvidenceKind.Events, "events.ndjson"),
        (EvidenceKind.Indicators, "indicators-bundle.stix.json"), (EvidenceKind.Indicators, "indicators-ecs.ndjson"),
    ];

    public async Task SeedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        foreach (var (kind, file) in SampleFiles)
            await ingest.IngestAsync(kind, Sample(file), ct);

        var random = new Random(20261128);
        await ingest.IngestAsync(EvidenceKind.Alerts, Variations(Sample("alerts.ndjson"), GeneratedAlerts, from, to, random, AlertIdFields), ct);
        await ingest.IngestAsync(EvidenceKind.Events, Variations(Sample("events.ndjson"), GeneratedEvents, from, to, random, EventIdFields), ct);
    }

    private static readonly string[] AlertIdFields = ["kibana.alert.uuid"];
    private static readonly string[] EventIdFields = ["_id", "event.id"];

    /// <summary>Copies of the templates with new ids, times, hosts and users, as NDJSON.</summary>
    private static byte[] Variations(byte[] sample, int count, DateTimeOffset from, DateTimeOffset to, Random random, string[] idFields)
    {
        // Templates wrapped as search hits ({"_source":..}) are left to the verbatim load.
        var templates = Encoding.UTF8.GetString(sample).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!.AsObject()).Where(t => !t.ContainsKey("_source")).ToList();
        var span = (to - from).TotalSeconds;
        var output = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var document = templates[random.Next(templates.Count)].DeepClone().AsObject();
            var id = Convert.ToHexStringLower(RandomBytes(random, 16));
            var idField = idFields.FirstOrDefault(f => EcsPath.Has(document, f)) ?? idFields[^1];
            EcsPath.Set(document, idField, id);
            EcsPath.Set(document, "@timestamp", from.AddSeconds(random.NextDouble() * span).ToString("yyyy-MM-ddTHH:mm:ss.fffZ"));
            // Skewed like a real fleet: a few hosts and users carry most of the activity.
            var host = Hosts[Skewed(random, Hosts.Length)];
            EcsPath.Set(document, "host.name", host);
            EcsPath.Set(document, "host.id", Convert.ToHexStringLower(Encoding.UTF8.GetBytes(host.ToLowerInvariant())).PadRight(32, '0')[..32]);
            EcsPath.Set(document, "host.os.name", OperatingSystem(host));
            EcsPath.Set(document, "user.name", Users[Skewed(random, Users.Length)]);
            output.Append(document.ToJsonString()).Append('\n');
        }
        return Encoding.UTF8.GetBytes(output.ToString());
    }

    private static string OperatingSystem(string host) => host switch
    {
        "web-03" or "BUILD-07" => "Ubuntu 22.04.4 LTS",
        "VPN-GW1" => "FortiOS 7.4",
        _ when host.StartsWith("SRV-") || host is "FS01" or "DC-01" => "Windows Server 2022",
        _ => "Windows 11 Pro",
    };

    private static int Skewed(Random random, int length) => (int)(Math.Pow(random.NextDouble(), 2) * length);

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Sample(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"DemoSamples.{file}")
            ?? throw new InvalidOperationException($"The demo sample {file} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>Reads and writes an ECS field by its dotted name in a document that may nest it, dot it, or mix both.</summary>
public static class EcsPath
{
    public static bool Has(JsonObject document, string path) => Find(document, path) is not null;

    public static void Set(JsonObject document, string path, string value)
    {
        if (Find(document, path) is var (owner, key)) owner[key] = value;
        else Create(document, path.Split('.'))[path[(path.LastIndexOf('.') + 1)..]] = value;
    }

    /// <summary>The object holding the field and its key there: <c>host.name</c> may be <c>{"host":{"name"}}</c>, <c>{"host.name"}</c>, …</summary>
    private static (JsonObject Owner, string Key)? Find(JsonObject node, string path)
    {
        if (node.ContainsKey(path)) return (node, path);
        for (var dot = path.IndexOf('.'); dot > 0; dot = path.IndexOf('.', dot + 1))
            if (node[path[..dot]] is JsonObject child && Find(child, path[(dot + 1)..]) is { } found)
                return found;
        return null;
    }

    private static JsonObject Create(JsonObject node, string[] segments)
    {
        foreach (var segment in segments[..^1])
        {
            if (node[segment] is not JsonObject child) node[segment] = child = new JsonObject();
            node = child;
        }
        return node;
    }
}
