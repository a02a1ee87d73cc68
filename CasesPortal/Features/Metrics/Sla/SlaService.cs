using System.Linq.Expressions;
using CasesPortal.Data;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Metrics.Sla;

/// <summary>
/// Service-level targets per severity (set by Leads and Admins) and the state of cases against them. A case's
/// acknowledge clock runs until it first goes in progress, its resolve clock until it is closed; both from creation,
/// against the case's current severity. Closed cases have no state.
/// </summary>
public sealed class SlaService(IDbContextFactory<CasesDbContext> dbFactory)
{
    public async Task<IReadOnlyDictionary<CaseSeverity, SlaTarget>> TargetsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SlaTargets.AsNoTracking().ToDictionaryAsync(t => t.Severity, ct);
    }

    /// <summary>Replaces every severity's targets; Leads and Admins only.</summary>
    public async Task<ServiceResult<int>> SaveAsync(CaseActor actor, IReadOnlyList<SlaTarget> targets, CancellationToken ct = default)
    {
        if (!actor.CanDelete) return CaseErrors.Forbidden("set the SLA targets");
        foreach (var t in targets)
        {
            var name = CaseNames.Of(t.Severity);
            if (t.AcknowledgeMinutes is < 1 or > SlaTarget.MaxMinutes || t.ResolveMinutes is < 1 or > SlaTarget.MaxMinutes)
                return ServiceError.Invalid($"The {name} targets must be between 1 minute and 365 days.");
            if (t.AcknowledgeMinutes > t.ResolveMinutes)
                return ServiceError.Invalid($"The {name} time to acknowledge cannot be longer than its time to resolve.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SlaTargets.ExecuteDeleteAsync(ct);
        db.SlaTargets.AddRange(targets.Where(t => t.AcknowledgeMinutes is not null || t.ResolveMinutes is not null)
            .Select(t => new SlaTarget { Severity = t.Severity, AcknowledgeMinutes = t.AcknowledgeMinutes, ResolveMinutes = t.ResolveMinutes }));
        var saved = await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ServiceResult<int>.Ok(saved);
    }

    /// <summary>The state of one case from its severity, status, creation and first acknowledgement.</summary>
    public static SlaState StateOf(IReadOnlyDictionary<CaseSeverity, SlaTarget> targets, CaseSeverity severity, CaseStatus status,
        DateTimeOffset createdAt, DateTimeOffset? acknowledgedAt, DateTimeOffset now)
    {
        if (status == CaseStatus.Closed || !targets.TryGetValue(severity, out var target)) return SlaState.None;
        var elapsed = (now - createdAt).TotalMinutes;
        var shares = new List<double>();
        if (target.AcknowledgeMinutes is { } ack && acknowledgedAt is null) shares.Add(elapsed / ack);
        if (target.ResolveMinutes is { } resolve) shares.Add(elapsed / resolve);
        if (shares.Count == 0) return SlaState.None;
        var worst = shares.Max();
        return worst >= 1 ? SlaState.Breached : worst >= SlaStates.AtRiskShare ? SlaState.AtRisk : SlaState.OnTrack;
    }

    /// <summary>The SQL condition for cases in any of the given states, as thresholds on creation time per severity.</summary>
    public static Expression<Func<Case, bool>> Matching(IReadOnlyDictionary<CaseSeverity, SlaTarget> targets, IReadOnlyCollection<SlaState> states,
        DateTimeOffset now)
    {
        var parameter = Expression.Parameter(typeof(Case), "c");
        Expression body = Expression.Constant(false);
        foreach (var state in states)
            foreach (var (severity, target) in targets)
                body = Expression.OrElse(body, Expression.Invoke(InState(target, severity, state, now), parameter));
        return Expression.Lambda<Func<Case, bool>>(body, parameter);
    }

    /// <summary>Breached: past a target. At risk: past 80 % of a target but not past any.</summary>
    private static Expression<Func<Case, bool>> InState(SlaTarget target, CaseSeverity severity, SlaState state, DateTimeOffset now)
    {
        DateTimeOffset? Before(int? minutes, double share) => minutes is { } m ? now.AddMinutes(-m * share) : null;
        var (ackRisk, resolveRisk) = (Before(target.AcknowledgeMinutes, SlaStates.AtRiskShare), Before(target.ResolveMinutes, SlaStates.AtRiskShare));
        var (ackBreach, resolveBreach) = (Before(target.AcknowledgeMinutes, 1), Before(target.ResolveMinutes, 1));
        var breachedOnly = state == SlaState.Breached;
        return c => c.Severity == severity && c.Status != CaseStatus.Closed
            && ((ackBreach != null && c.AcknowledgedAt == null && c.CreatedAt <= ackBreach) || (resolveBreach != null && c.CreatedAt <= resolveBreach)) == breachedOnly
            && (breachedOnly || (ackRisk != null && c.AcknowledgedAt == null && c.CreatedAt <= ackRisk) || (resolveRisk != null && c.CreatedAt <= resolveRisk));
    }
}
