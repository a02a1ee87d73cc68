using System.Diagnostics.Metrics;
using CasesPortal.Features.Evidence.Model;

namespace CasesPortal.Features.Evidence.Ingest;

/// <summary>
/// Ingest figures for operators' metrics collectors (<c>dotnet-counters monitor --counters CasesPortal.Ingest</c>)
/// and for the benchmark: documents written and how long each write transaction held the database.
/// </summary>
public static class IngestMetrics
{
    public const string MeterName = "CasesPortal.Ingest";
    public const string BatchDurationName = "casesportal.ingest.batch.duration";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Documents = Meter.CreateCounter<long>("casesportal.ingest.documents", "{document}", "Documents written by the ingest API and the Import page.");
    private static readonly Histogram<double> BatchDuration = Meter.CreateHistogram<double>(BatchDurationName, "ms", "How long one ingest write transaction took.");

    public static void BatchWritten(EvidenceKind kind, int documents, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind.ToString().ToLowerInvariant());
        Documents.Add(documents, tag);
        BatchDuration.Record(elapsed.TotalMilliseconds, tag);
    }
}
