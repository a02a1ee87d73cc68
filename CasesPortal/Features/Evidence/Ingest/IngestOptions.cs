using System.ComponentModel.DataAnnotations;

namespace CasesPortal.Features.Evidence.Ingest;

/// <summary>Limits of the ingest endpoints and the Import page (section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Largest request body (or imported file): 100 MiB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Largest single document (one NDJSON line): 1 MiB.</summary>
    [Range(256, int.MaxValue)]
    public int MaxLineBytes { get; set; } = 1024 * 1024;

    /// <summary>Most fields in one document, as Elasticsearch's default mapping limit.</summary>
    [Range(10, 100_000)]
    public int MaxFieldsPerDocument { get; set; } = 1000;

    /// <summary>Most documents per write transaction (see <see cref="IngestBatchSize"/>).</summary>
    [Range(1, 50_000)]
    public int BatchSize { get; set; } = 5000;

    /// <summary>How long one write transaction may hold the database's write lock, roughly: batches are sized to it.</summary>
    [Range(10, 5_000)]
    public int BatchMilliseconds { get; set; } = 100;
}
