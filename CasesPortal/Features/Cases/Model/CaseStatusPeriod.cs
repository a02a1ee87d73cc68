namespace CasesPortal.Features.Cases.Model;

/// <summary>
/// One stay of a case in one status, from the change that started it to the change that ended it (null while current).
/// The duration metrics (open, in progress, time to acknowledge and resolve, reopens) are sums and minimums over these rows.
/// </summary>
public sealed class CaseStatusPeriod
{
    public long Id { get; set; }
    public string CaseId { get; set; } = "";
    public CaseStatus Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}
