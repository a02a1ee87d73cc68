using CasesPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Cases.Services;

/// <summary>Marks a case as updated by someone now, for changes made beside it (evidence, timelines) rather than to its own fields.</summary>
public static class CaseStamp
{
    public static Task TouchAsync(CasesDbContext db, string caseId, string userId, DateTimeOffset now, CancellationToken ct) =>
        db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(set => set.SetProperty(c => c.UpdatedAt, now).SetProperty(c => c.UpdatedById, userId), ct);
}
