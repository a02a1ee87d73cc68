using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using CasesPortal.Features.Evidence.Ingest;
using Microsoft.Data.Sqlite;

namespace CasesPortal.Hosting.Benchmark;

public sealed record IngestFigures(int Alerts, double PortalPerSecond, double HandPerSecond, double BatchP50Ms, double BatchMaxMs, int Batches);

/// <summary>
/// Bulk ingest over HTTP (NDJSON, 20,000 alerts per request, the way a shipper sends them) into the built database,
/// beside the physical limit: as many alerts of the same shapes (other ids) written into the same database by a
/// hand-written prepared INSERT in transactions of 5,000, with every indexed value already known (no JSON parsing, no HTTP).
/// </summary>
public static class IngestBenchmark
{
    private const int RequestSize = 20_000;
    private const int HandBatch = 5_000;

    public static async Task<IngestFigures> RunAsync(BenchPortal portal, string databaseFile, BenchAlerts alerts, BenchAlerts handAlerts, TextWriter log)
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
        await using (var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=false"))
        {
            await connection.OpenAsync();
            await Execute(connection, "PRAGMA cache_size = -65536; PRAGMA synchronous = NORMAL;");
            foreach (var part in handAlerts.Parts(HandBatch))
            {
                var started = Stopwatch.GetTimestamp();
                await HandInsertAsync(connection, part);
                handTime += Stopwatch.GetElapsedTime(started);
            }
        }

        batchTimes.Sort();
        return new IngestFigures(alerts.Count, alerts.Count / portalTime.TotalSeconds, alerts.Count / handTime.TotalSeconds,
            batchTimes.Count == 0 ? 0 : batchTimes[batchTimes.Count / 2], batchTimes.Count == 0 ? 0 : batchTimes[^1], batchTimes.Count);
    }

    private static async Task HandInsertAsync(SqliteConnection connection, IReadOnlyList<BenchAlert> rows)
    {
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "Alerts" ("Id", "Timestamp", "RuleName", "RuleUuid", "Severity", "RiskScore", "WorkflowStatus", "Reason",
                "HostId", "HostName", "HostOsName", "HostIp", "UserName", "ProcessName", "EventCategory", "EventAction", "EventOutcome",
                "Document", "IngestedAt", "UpdatedAt", "Revision")
            VALUES ($id, $ts, $rule, $ruleUuid, $severity, $risk, 'open', $reason, $hostId, $host, $os, $ip, $user, $process,
                'process', 'start', 'success', $document, $now, $now, 1);
            """;
        var names = new[] { "$id", "$ts", "$rule", "$ruleUuid", "$severity", "$risk", "$reason", "$hostId", "$host", "$os", "$ip", "$user", "$process", "$document", "$now" };
        var p = names.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        insert.Prepare();
        var now = DateTimeOffset.UtcNow.UtcTicks;
        foreach (var a in rows)
        {
            (p[0].Value, p[1].Value, p[2].Value, p[3].Value, p[4].Value) = (a.Id, a.TimestampTicks, a.RuleName, a.RuleUuid, a.Severity);
            (p[5].Value, p[6].Value, p[7].Value, p[8].Value, p[9].Value) = (a.RiskScore, a.Reason, a.HostId, a.HostName, a.HostOs);
            (p[10].Value, p[11].Value, p[12].Value, p[13].Value, p[14].Value) = (a.HostIp, a.UserName, a.ProcessName, a.Document, now);
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
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

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
