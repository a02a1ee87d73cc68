using System.Text;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;

namespace CasesPortal.Tests.Features.Cases.Observables;

/// <summary>Alerts and events holding observables, put in through the real ingest service.</summary>
public static class ObservableSamples
{
    public const string PhishAlert = "obs-alert-1";
    public const string BeaconAlert = "obs-alert-2";
    public const string DnsEvent = "obs-event-1";

    public static async Task IngestAsync(EvidenceIngestService ingest)
    {
        await IngestAsync(ingest, EvidenceKind.Alerts, """
            {"@timestamp":"2026-11-27T08:00:00Z","kibana.alert.uuid":"obs-alert-1","kibana.alert.rule.name":"Phishing link clicked","host":{"name":"WS-042"},"user":{"name":"ana.diaz","email":"Ana.Diaz@Corp.Example"},"url":{"full":"https://evil.example/login"},"source":{"ip":"10.20.4.42"},"destination":{"ip":"203.0.113.9"}}
            {"@timestamp":"2026-11-27T08:05:00Z","kibana.alert.uuid":"obs-alert-2","kibana.alert.rule.name":"Beacon","host.name":"SRV-DB1","user.name":"svc_backup","destination.ip":"203.0.113.9","file.hash.sha256":"9f914d42706fe215501044acd85a32d58aaef1419d404fddfa5d3b48f66ccd9f"}
            """);
        await IngestAsync(ingest, EvidenceKind.Events, """
            {"@timestamp":"2026-11-27T08:06:00Z","event.id":"obs-event-1","event.category":["network"],"host.name":"WS-042","user.name":"ana.diaz","dns":{"question":{"name":"c2.bad.example"}}}
            """);
    }

    /// <summary><paramref name="count"/> alerts <c>many-00000</c>... over 50 hosts and 200 source IPs.</summary>
    public static async Task<List<string>> IngestManyAsync(EvidenceIngestService ingest, int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => $"many-{i:D5}").ToList();
        var body = new StringBuilder();
        for (var i = 0; i < count; i++)
            body.Append($$"""{"@timestamp":"2026-11-27T00:00:00Z","kibana.alert.uuid":"{{ids[i]}}","host.name":"WS-{{i % 50:D3}}","user.name":"user{{i % 20}}","source.ip":"10.1.{{i % 200 / 100}}.{{i % 100}}","url.full":"https://site{{i % 30}}.example/p"}""").Append('\n');
        await IngestAsync(ingest, EvidenceKind.Alerts, body.ToString());
        return ids;
    }

    private static async Task IngestAsync(EvidenceIngestService ingest, EvidenceKind kind, string ndjson)
    {
        var result = await ingest.IngestAsync(kind, Encoding.UTF8.GetBytes(ndjson.Trim() + "\n"), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.False(result.Value!.Errors);
    }
}
