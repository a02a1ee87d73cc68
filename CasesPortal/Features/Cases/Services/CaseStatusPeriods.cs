using CasesPortal.Data;
using CasesPortal.Features.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Cases.Services;

/// <summary>
/// Keeps a case's status stays, and the figures the dashboard averages in SQL (first acknowledgement, time in
/// progress), in step with its status, inside the change's transaction.
/// </summary>
public static class CaseStatusPeriods
{
    /// <summary>Ends the current stay at <paramref name="now"/> and starts one in <paramref name="status"/>.</summary>
    public static async Task MoveAsync(CasesDbContext db, Case item, CaseStatus status, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var current in await db.CaseStatusPeriods.Where(p => p.CaseId == item.Id && p.EndedAt == null).ToListAsync(ct))
        {
            current.EndedAt = now;
            if (current.Status == CaseStatus.InProgress) item.InProgressSeconds += Seconds(now - current.StartedAt);
        }
        db.CaseStatusPeriods.Add(new CaseStatusPeriod { CaseId = item.Id, Status = status, StartedAt = now });
        if (status == CaseStatus.InProgress && item.AcknowledgedAt is null)
            (item.AcknowledgedAt, item.TimeToAcknowledgeSeconds) = (now, Seconds(now - item.CreatedAt));
    }

    private static long Seconds(TimeSpan span) => Math.Max(0, (long)span.TotalSeconds);
}
