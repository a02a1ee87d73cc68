using System.Diagnostics;
using CasesPortal.Data;
using CasesPortal.Features.Common;
using CasesPortal.Features.Evidence.Model;
using Microsoft.Extensions.Options;

namespace CasesPortal.Features.Evidence.Ingest;

/// <summary>
/// Stores alerts, events and indicators sent in bulk, for the <c>_bulk</c> endpoints and the Import page alike.
/// Documents are upserted by id in short transactions of <see cref="IngestOptions.BatchSize"/>; a bad document is
/// reported in its item and never holds back the good ones.
/// </summary>
public sealed class EvidenceIngestService(IEvidenceStore store, IOptions<IngestOptions> options, TimeProvider clock, ILogger<EvidenceIngestService> logger)
{
    public IngestOptions Limits => options.Value;

    /// <summary>Ingests a whole request body: NDJSON, a JSON array or one JSON object (a STIX bundle counts its objects).</summary>
    public async Task<ServiceResult<BulkResponse>> IngestAsync(EvidenceKind kind, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var (documents, problem) = BulkBodyReader.Read(body, Limits);
        if (problem is not null) return ServiceError.Invalid(problem);

        var items = new List<BulkResponseItem>();
        foreach (var batch in documents!.Chunk(Limits.BatchSize))
            items.AddRange((await IngestDocumentsAsync(kind, batch, ct)).Select(r => new BulkResponseItem(r)));
        var took = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var failed = items.Count(i => i.Index.Error is not null);
        logger.LogInformation("Ingested {Count} {Kind} documents in {Took} ms ({Failed} refused)", items.Count, kind, took, failed);
        return ServiceResult<BulkResponse>.Ok(new BulkResponse(took, failed > 0, items));
    }

    /// <summary>Ingests documents already cut out of a body, in batches; one result per document, in order.</summary>
    public async Task<IReadOnlyList<BulkItemResult>> IngestDocumentsAsync(EvidenceKind kind, IReadOnlyList<BulkDocument> documents, CancellationToken ct)
    {
        var results = new List<BulkItemResult>(documents.Count);
        foreach (var batch in documents.Chunk(Limits.BatchSize))
        {
            var now = clock.GetUtcNow();
            results.AddRange(kind switch
            {
                EvidenceKind.Alerts => await StoreAsync(batch.Select(d => EvidenceMapper.MapAlert(d, Limits, now)).ToList(), store.UpsertAsync, ct),
                EvidenceKind.Events => await StoreAsync(batch.Select(d => EvidenceMapper.MapEvent(d, Limits, now)).ToList(), store.UpsertAsync, ct),
                _ => await StoreAsync(batch.Select(d => EvidenceMapper.MapIndicator(d, Limits, now)).ToList(), store.UpsertAsync, ct),
            });
        }
        return results;
    }

    private static async Task<IEnumerable<BulkItemResult>> StoreAsync<T>(List<MappedDocument<T>> mapped,
        Func<IReadOnlyList<T>, CancellationToken, Task<bool[]>> upsert, CancellationToken ct) where T : class
    {
        var rows = mapped.Where(m => m.Record is not null).Select(m => m.Record!).ToList();
        var created = await upsert(rows, ct);
        var next = 0;
        return mapped.Select(m => m switch
        {
            { Error: { } error } => BulkItemResult.Failed(m.Id, error),
            { Skipped: true } => new BulkItemResult(m.Id, StatusCodes.Status200OK, BulkItemResult.Noop, null),
            _ => created[next++]
                ? new BulkItemResult(m.Id, StatusCodes.Status201Created, BulkItemResult.Created, null)
                : new BulkItemResult(m.Id, StatusCodes.Status200OK, BulkItemResult.Updated, null),
        }).ToList();
    }
}
