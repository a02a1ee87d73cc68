using CasesPortal.Features.Evidence.Model;

namespace CasesPortal.Data;

/// <summary>
/// Bulk upsert of ingested evidence, the one place with engine-specific SQL for it. Each call is one short
/// transaction: the rows it reports written are stored whole, the others not at all.
/// </summary>
public interface IEvidenceStore
{
    Task<UpsertResult> UpsertAsync(IReadOnlyList<Alert> rows, CancellationToken ct);
    Task<UpsertResult> UpsertAsync(IReadOnlyList<SecurityEvent> rows, CancellationToken ct);
    Task<UpsertResult> UpsertAsync(IReadOnlyList<Indicator> rows, CancellationToken ct);
}

/// <summary>
/// How many of the rows, from the first, were written (a store may commit a first part and leave the rest for another
/// call), whether each of those was new (true) or replaced one with the same id (false), and how long the write
/// transaction held the database (housekeeping after the commit, which blocks nobody, not counted).
/// </summary>
public sealed record UpsertResult(bool[] Created, TimeSpan WriteTime, int Written);
