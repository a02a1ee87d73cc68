using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Metrics.Sla;

namespace CasesPortal.Features.Home;

/// <summary>The team's queue at a glance: unclosed cases by status, those nobody has taken, and those at risk of or past their SLA.</summary>
public sealed record TeamQueue(int Open, int InProgress, int Unassigned, bool HasSlaTargets, int SlaAtRisk, int SlaBreached);

/// <summary>Counts the overview's team queue in SQL, with the case list's own filters, so every figure matches the list it links to.</summary>
public sealed class TeamQueueQueries(CaseQueries cases, SlaService sla)
{
    public static readonly IReadOnlyList<CaseStatus> Unclosed = [CaseStatus.Open, CaseStatus.InProgress];

    public async Task<TeamQueue> GetAsync(CancellationToken ct = default)
    {
        var open = await cases.CountAsync(new CaseQuery { Statuses = [CaseStatus.Open] }, ct);
        var inProgress = await cases.CountAsync(new CaseQuery { Statuses = [CaseStatus.InProgress] }, ct);
        var unassigned = await cases.CountAsync(new CaseQuery { AssigneeIds = [CaseQuery.Unassigned], Statuses = Unclosed }, ct);
        if ((await sla.TargetsAsync(ct)).Count == 0) return new TeamQueue(open, inProgress, unassigned, false, 0, 0);
        var atRisk = await cases.CountAsync(new CaseQuery { SlaStates = [SlaState.AtRisk] }, ct);
        var breached = await cases.CountAsync(new CaseQuery { SlaStates = [SlaState.Breached] }, ct);
        return new TeamQueue(open, inProgress, unassigned, true, atRisk, breached);
    }
}
