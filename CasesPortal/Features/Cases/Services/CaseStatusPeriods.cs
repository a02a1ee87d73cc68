using CasesPortal.Data;
using CasesPortal.Features.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Cases.Services;

/// <summary>Keeps a case's status stays in step with its status, inside the change's transaction.</summary>
public static class CaseStatusPeriods
{
    /// <summary>Ends the current stay at <paramref name="now"/> and starts one in <paramref name="status"/>.</summary>
    public static async Task MoveAsync(CasesDbContext db, string caseId, CaseStatus status, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var current in await db.CaseStatusPeriods.Where(p => p.CaseId == caseId && p.EndedAt == null).ToListAsync(ct))
            current.EndedAt = now;
        db.CaseStatusPeriods.Add(new CaseStatusPeriod { CaseId = caseId, Status = status, StartedAt = now });
    }
}
