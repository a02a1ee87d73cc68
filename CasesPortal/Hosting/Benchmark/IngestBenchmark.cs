using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using CasesPortal.Features.Evidence.Ingest;

namespace CasesPortal.Hosting.Benchmark;

public sealed record IngestFigures(int Alerts, double PortalPerSecond, double HandPerSecond, double BatchP50Ms, double BatchMaxMs, int Batches);

/// <summary>
/// Bulk ingest over HTTP (NDJSON, 20,000 alerts per request, the way a shipper sends them) into the built database,
/// beside the physical limit: as many alerts of the same shapes (other ids) written into the same database by the
/// engine's fastest hand-written insert (<see cref="IBenchHandIngest"/>) in transactions of 5,000, with every indexed
/// value already known (no JSON parsing, no HTTP).
/// </summary>
public static class IngestBenchmark
{
    private const int RequestSize = 20_000;
    private const int HandBatch = 5_000;

    public static async Task<IngestFigures> RunAsync(BenchPortal portal, IBenchEngine engine, BenchAlerts alerts, BenchAlerts handAlerts, TextWriter log)
    {
        var batchTimes = new List<double>();
        using var listener = ListenToBatches(batchTimes);
        using var client = portal.Client();
        var portalTime = TimeSpan.Zero;
        foreach (var part in alerts.Parts(RequestSize))
        {
            using var content = new ByteArrayContent(BenchAlerts.Ndjson(part));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync("/api/alerts/_bulk", content);
            portalTime += Stopwatch.GetElapsedTime(started);
            if (!response.IsSuccessStatusCode || (await response.Content.ReadAsStringAsync()).Contains("\"errors\":true", StringComparison.Ordinal))
                throw new InvalidOperationException($"The portal refused a bulk request: {(int)response.StatusCode}.");
            log.Write('.');
        }
        log.WriteLine();

        var handTime = TimeSpan.Zero;
        await using (var hand = await engine.OpenHandIngestAsync())
        {
            foreach (var part in handAlerts.Parts(HandBatch))
            {
                var started = Stopwatch.GetTimestamp();
                await hand.InsertAsync(part);
                handTime += Stopwatch.GetElapsedTime(started);
            }
        }

        batchTimes.Sort();
        return new IngestFigures(alerts.Count, alerts.Count / portalTime.TotalSeconds, alerts.Count / handTime.TotalSeconds,
            batchTimes.Count == 0 ? 0 : batchTimes[batchTimes.Count / 2], batchTimes.Count == 0 ? 0 : batchTimes[^1], batchTimes.Count);
    }

    private static MeterListener ListenToBatches(List<double> times)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == IngestMetrics.MeterName && instrument.Name == IngestMetrics.BatchDurationName) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => { lock (times) times.Add(value); });
        listener.Start();
        return listener;
    }
}
