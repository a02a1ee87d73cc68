using CasesPortal.Data;
using CasesPortal.Features.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Cases.Evidence;

/// <summary>
/// Kibana's "sync alert status": the workflow status of the alerts in a case follows the case. Runs as one SQL update
/// inside the caller's transaction, never by loading alerts.
/// </summary>
public static class AlertStatusSync
{
    public static string WorkflowStatusFor(CaseStatus status) => status switch
    {
        CaseStatus.InProgress => "acknowledged",
        CaseStatus.Closed => "closed",
        _ => "open",
    };

    /// <summary>Sets every alert attached to the case to the status the case's status maps to.</summary>
    public static Task<int> FollowCaseAsync(CasesDbContext db, string caseId, CaseStatus status, DateTimeOffset now, CancellationToken ct)
    {
        var workflow = WorkflowStatusFor(status);
        return db.Alerts.Where(a => db.CaseAlerts.Any(l => l.CaseId == caseId && l.AlertId == a.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.WorkflowStatus, workflow).SetProperty(a => a.UpdatedAt, now), ct);
    }

    /// <summary>Sets the alerts attached to the case at <paramref name="attachedAt"/> (those just attached, however many) to the case's status.</summary>
    public static Task<int> FollowCaseAsync(CasesDbContext db, string caseId, DateTimeOffset attachedAt, CaseStatus status, DateTimeOffset now, CancellationToken ct)
    {
        var workflow = WorkflowStatusFor(status);
        return db.Alerts.Where(a => db.CaseAlerts.Any(l => l.CaseId == caseId && l.AlertId == a.Id && l.AttachedAt == attachedAt))
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.WorkflowStatus, workflow).SetProperty(a => a.UpdatedAt, now), ct);
    }
}
