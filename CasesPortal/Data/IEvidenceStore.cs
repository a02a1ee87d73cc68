using CasesPortal.Features.Evidence.Model;

namespace CasesPortal.Data;

/// <summary>
/// Bulk upsert of ingested evidence, the one place with engine-specific SQL for it. Each call is one short
/// transaction: all rows are stored or none.
/// </summary>
public interface IEvidenceStore
{
    Task<UpsertResult> UpsertAsync(IReadOnlyList<Alert> rows, CancellationToken ct);
    Task<UpsertResult> UpsertAsync(IReadOnlyList<SecurityEvent> rows, CancellationToken ct);
    Task<UpsertResult> UpsertAsync(IReadOnlyList<Indicator> rows, CancellationToken ct);
}

/// <summary>
/// Whether each row, in order, was new (true) or replaced one with the same id (false), and how long the write
/// transaction held the database (housekeeping after the commit, which blocks nobody, not counted).
/// </summary>
public sealed record UpsertResult(bool[] Created, TimeSpan WriteTime);
