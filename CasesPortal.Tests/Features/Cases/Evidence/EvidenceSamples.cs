using System.Text;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;
using CasesPortal.Tests.Features.Evidence;

namespace CasesPortal.Tests.Features.Cases.Evidence;

/// <summary>Alerts and events put in through the real ingest service, as a shipper would send them.</summary>
public static class EvidenceSamples
{
    public const string PowerShellAlert = "5f1c0a5e8e0b4bb7a1f1b0f3e6c2a901";
    public const string ProcessEvent = "evt-proc-0001";

    public static async Task IngestSamplesAsync(EvidenceIngestService ingest)
    {
        await IngestAsync(ingest, EvidenceKind.Alerts, Samples.Bytes(Samples.Alerts));
        await IngestAsync(ingest, EvidenceKind.Events, Samples.Bytes(Samples.Events));
    }

    /// <summary>Ingests <paramref name="count"/> generated alerts <c>gen-00000</c>... (open, one a second) and returns their ids.</summary>
    public static async Task<List<string>> IngestGeneratedAlertsAsync(EvidenceIngestService ingest, int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => $"gen-{i:D5}").ToList();
        var start = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
        var body = new StringBuilder();
        for (var i = 0; i < count; i++)
            body.Append($$"""{"@timestamp":"{{start.AddSeconds(i):O}}","kibana.alert.uuid":"{{ids[i]}}","kibana.alert.workflow_status":"open","kibana.alert.severity":"low","kibana.alert.rule.name":"Generated rule","host.name":"WS-{{i % 50:D3}}"}""").Append('\n');
        await IngestAsync(ingest, EvidenceKind.Alerts, Encoding.UTF8.GetBytes(body.ToString()));
        return ids;
    }

    private static async Task IngestAsync(EvidenceIngestService ingest, EvidenceKind kind, byte[] body)
    {
        var result = await ingest.IngestAsync(kind, body, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.False(result.Value!.Errors);
    }
}
