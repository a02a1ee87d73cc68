namespace CasesPortal.Features.Evidence.Ingest;

/// <summary>
/// How many documents go into the next write transaction. Each transaction holds SQLite's single write lock, so it is
/// sized by time, not by count: as many documents as this machine writes in <see cref="IngestOptions.BatchMilliseconds"/>,
/// at most <see cref="IngestOptions.BatchSize"/>. Larger batches write each hot index page fewer times; the time cap keeps
/// an analyst's save from waiting noticeably behind an import, on a fast disk or a slow one.
/// </summary>
public sealed class IngestBatchSize(IngestOptions options)
{
    private const int Smallest = 100;
    private int current = Math.Min(1000, options.BatchSize);

    public int Current => Volatile.Read(ref current);

    /// <summary>Learns from a batch of <paramref name="count"/> documents that took <paramref name="elapsed"/> to write.</summary>
    public void Adjust(int count, TimeSpan elapsed)
    {
        // Batches smaller than the current size (the tail of a request) say little about the rate.
        if (count < Current || elapsed <= TimeSpan.Zero) return;
        var perDocument = elapsed.TotalMilliseconds / count;
        var fitting = (int)(options.BatchMilliseconds / perDocument);
        // Grow gently (a lucky fast batch is not a trend), shrink at once (a slow one holds the lock for everyone).
        var next = fitting > Current ? Math.Min(fitting, Current * 3 / 2) : fitting;
        Volatile.Write(ref current, Math.Clamp(next, Math.Min(Smallest, options.BatchSize), options.BatchSize));
    }
}
