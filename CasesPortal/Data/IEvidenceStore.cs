using CasesPortal.Features.Evidence.Model;

namespace CasesPortal.Data;

/// <summary>
/// Bulk upsert of ingested evidence, the one place with engine-specific SQL for it. Each call is one short
/// transaction: all rows are stored or none. The answer says, in order, whether each row was new (true) or
/// replaced an existing one with the same id (false).
/// </summary>
public interface IEvidenceStore
{
    Task<bool[]> UpsertAsync(IReadOnlyList<Alert> rows, CancellationToken ct);
    Task<bool[]> UpsertAsync(IReadOnlyList<SecurityEvent> rows, CancellationToken ct);
    Task<bool[]> UpsertAsync(IReadOnlyList<Indicator> rows, CancellationToken ct);
}
