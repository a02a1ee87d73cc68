using System.Diagnostics;
using CasesPortal.Data;
using CasesPortal.Features.Common;
using CasesPortal.Features.Evidence.Model;
using Microsoft.Extensions.Options;

namespace CasesPortal.Features.Evidence.Ingest;

/// <summary>
/// Stores alerts, events and indicators sent in bulk, for the <c>_bulk</c> endpoints and the Import page alike.
/// Documents are upserted by id in short transactions (see <see cref="IngestBatchSize"/>); a bad document is
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

        var actions = new List<string>();
        var results = await IngestDocumentsAsync(kind, NotingActions(documents!, actions), ct);
        var items = results.Select((result, i) => new BulkResponseItem(result, actions[i])).ToList();
        var took = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var failed = items.Count(i => i.Index.Error is not null);
        logger.LogInformation("Ingested {Count} {Kind} documents in {Took} ms ({Failed} refused)", items.Count, kind, took, failed);
        return ServiceResult<BulkResponse>.Ok(new BulkResponse(took, failed > 0, items));
    }

    /// <summary>The documents as they are read, noting the action each one came with, for the name of its item.</summary>
    private static IEnumerable<BulkDocument> NotingActions(IEnumerable<BulkDocument> documents, List<string> actions)
    {
        foreach (var document in documents)
        {
            actions.Add(document.Action ?? BulkResponseItem.IndexAction);
            yield return document;
        }
    }

    /// <summary>
    /// Ingests documents already cut out of a body, in batches; one result per document, in order. Parsing is CPU work
    /// that needs no lock, so the next batch is parsed on another core while the current one is written.
    /// </summary>
    public async Task<IReadOnlyList<BulkItemResult>> IngestDocumentsAsync(EvidenceKind kind, IEnumerable<BulkDocument> documents, CancellationToken ct)
    {
        var results = new List<BulkItemResult>();
        using var remaining = documents.GetEnumerator();
        // One parse runs at a time, so the (possibly lazy) documents are read in order by one thread at a time.
        var next = Task.Run(() => ParseNext(kind, remaining), ct);
        try
        {
            while (await next is { } parsed)
            {
                next = Task.Run(() => ParseNext(kind, remaining), ct);
                var (items, writeTime) = await parsed.StoreAsync(store, (count, elapsed) => IngestMetrics.BatchWritten(kind, count, elapsed), ct);
                results.AddRange(items);
                batchSize.Adjust(parsed.Count, writeTime);
            }
        }
        finally
        {
            // A failed write must not dispose the documents while the next parse still reads them.
            await next.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return results;
    }

    private readonly IngestBatchSize batchSize = new(options.Value);

    private ParsedBatch? ParseNext(EvidenceKind kind, IEnumerator<BulkDocument> remaining)
    {
        var batch = new List<BulkDocument>(batchSize.Current);
        while (batch.Count < batchSize.Current && remaining.MoveNext()) batch.Add(remaining.Current);
        if (batch.Count == 0) return null;
        var now = clock.GetUtcNow();
        return kind switch
        {
            EvidenceKind.Alerts => new ParsedBatch<Alert>(batch.Select(d => EvidenceMapper.MapAlert(d, Limits, now)).ToList(), (s, rows, ct) => s.UpsertAsync(rows, ct)),
            EvidenceKind.Events => new ParsedBatch<SecurityEvent>(batch.Select(d => EvidenceMapper.MapEvent(d, Limits, now)).ToList(), (s, rows, ct) => s.UpsertAsync(rows, ct)),
            _ => new ParsedBatch<Indicator>(batch.Select(d => EvidenceMapper.MapIndicator(d, Limits, now)).ToList(), (s, rows, ct) => s.UpsertAsync(rows, ct)),
        };
    }

    private abstract class ParsedBatch
    {
        public abstract int Count { get; }

        public abstract Task<(IEnumerable<BulkItemResult> Items, TimeSpan WriteTime)> StoreAsync(IEvidenceStore store, Action<int, TimeSpan> committed,
            CancellationToken ct);
    }

    private sealed class ParsedBatch<T>(List<MappedDocument<T>> mapped, Func<IEvidenceStore, IReadOnlyList<T>, CancellationToken, Task<UpsertResult>> upsert)
        : ParsedBatch where T : class
    {
        public override int Count => mapped.Count;

        public override Task<(IEnumerable<BulkItemResult> Items, TimeSpan WriteTime)> StoreAsync(IEvidenceStore store, Action<int, TimeSpan> committed,
            CancellationToken ct) =>
            EvidenceIngestService.StoreAsync(mapped, (rows, token) => upsert(store, rows, token), committed, ct);
    }

    /// <summary>
    /// Writes the batch's valid rows, in as many transactions as the store needs (each reported to <paramref name="committed"/>),
    /// and answers one result per document with the write time of them all.
    /// </summary>
    private static async Task<(IEnumerable<BulkItemResult> Items, TimeSpan WriteTime)> StoreAsync<T>(List<MappedDocument<T>> mapped,
        Func<IReadOnlyList<T>, CancellationToken, Task<UpsertResult>> upsert, Action<int, TimeSpan> committed, CancellationToken ct) where T : class
    {
        var rows = mapped.Where(m => m.Record is not null).Select(m => m.Record!).ToList();
        var created = new bool[rows.Count];
        var writeTime = TimeSpan.Zero;
        for (var done = 0; done < rows.Count;)
        {
            var part = await upsert(done == 0 ? rows : rows.GetRange(done, rows.Count - done), ct);
            Array.Copy(part.Created, 0, created, done, part.Written);
            committed(part.Written, part.WriteTime);
            (done, writeTime) = (done + part.Written, writeTime + part.WriteTime);
        }
        var next = 0;
        return (mapped.Select(m => m switch
        {
            { Error: { } error } => BulkItemResult.Failed(m.Id, error),
            { Skipped: true } => new BulkItemResult(m.Id, StatusCodes.Status200OK, BulkItemResult.Noop, null),
            _ => created[next++]
                ? new BulkItemResult(m.Id, StatusCodes.Status201Created, BulkItemResult.Created, null)
                : new BulkItemResult(m.Id, StatusCodes.Status200OK, BulkItemResult.Updated, null),
        }).ToList(), writeTime);
    }
}
