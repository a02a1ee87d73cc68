using CasesPortal.Data;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Connectors.Model;
using CasesPortal.Features.Connectors.Types;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Connectors.Push;

/// <summary>Records what a push achieved: the incident as soon as it exists, then the completed push with its history line and the closure option.</summary>
public sealed class PushCompletion(CaseService cases, CaseEvents events, TimeProvider clock)
{
    public const string PushedType = "pushed";
    public const string PushAction = "push_to_service";

    /// <summary>Stores the external incident the moment it is known, so no later attempt creates another.</summary>
    public async Task SaveIncidentAsync(CasesDbContext db, ConnectorPush push, ConnectorSettings settings, ExternalRef external, CancellationToken ct)
    {
        var row = await db.ExternalIncidents.SingleOrDefaultAsync(i => i.CaseId == push.CaseId && i.ConnectorId == push.ConnectorId, ct);
        if (row is null) db.ExternalIncidents.Add(row = new ExternalIncident { CaseId = push.CaseId, ConnectorId = push.ConnectorId });
        (row.ConnectorName, row.ExternalId, row.ExternalTitle, row.ExternalUrl) = (settings.Name, external.Id, external.Title, external.Url);
        push.CreateSentAt = null;
        await db.SaveChangesAsync(ct);
    }

    public async Task CompleteAsync(CasesDbContext db, ConnectorPush push, ConnectorSettings settings, ExternalRef external, CancellationToken ct)
    {
        var closeByPushing = await db.CasesConfigurations.AnyAsync(c => c.ClosureType == ClosureType.CloseByPushing, ct);
        var item = await db.Cases.AsNoTracking().Where(c => c.Id == push.CaseId).Select(c => new { c.Status, c.Version }).SingleAsync(ct);
        if (closeByPushing && item.Status != CaseStatus.Closed)
        {
            // As the person who pushed: closing records its own history line and syncs the alerts when the case says so.
            var actor = new CaseActor(push.RequestedById, new HashSet<string> { Roles.Analyst });
            await cases.UpdateAsync(actor, [new CaseChanges(push.CaseId, CaseVersion.Encode(item.Version)) { Status = CaseStatus.Closed }], ct);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var incident = await db.ExternalIncidents.SingleAsync(i => i.CaseId == push.CaseId && i.ConnectorId == push.ConnectorId, ct);
        (incident.ConnectorName, incident.ExternalTitle, incident.ExternalUrl) = (settings.Name, external.Title, external.Url);
        (incident.PushedAt, incident.PushedById) = (now, push.RequestedById);
        (push.State, push.CompletedAt, push.LeaseUntil, push.LastError) = (PushState.Succeeded, now, null, null);
        new CaseHistoryWriter(db, push.RequestedById, now).Add(push.CaseId, PushedType, PushAction, new
        {
            externalService = new
            {
                connector_id = settings.Id,
                connector_name = settings.Name,
                external_id = external.Id,
                external_title = external.Title,
                external_url = external.Url,
                pushed_at = now,
            },
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Notify(push);
    }

    public void Notify(ConnectorPush push) => events.Publish(new CaseChanged(push.CaseId, push.RequestedById, "pushed"));
}
