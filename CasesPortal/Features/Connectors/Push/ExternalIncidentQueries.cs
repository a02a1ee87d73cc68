using System.Text.Json.Nodes;
using CasesPortal.Data;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Connectors.Model;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Connectors.Push;

/// <summary>A case's incident on one connector, with its last push and the state of the push in the outbox.</summary>
public sealed record ExternalIncidentStatus(
    string ConnectorId, string ConnectorName, string? ExternalId, string? ExternalTitle, string? ExternalUrl,
    DateTimeOffset? PushedAt, PersonRef? PushedBy, bool NeedsUpdate, PushState? OutboxState, string? OutboxError, int Attempts, DateTimeOffset? NextAttemptAt);

/// <summary>The connector chosen for a case (Kibana's <c>case.connector</c>).</summary>
public sealed record CaseConnectorView(string Id, string Name, string TypeId, JsonObject? Fields);

/// <summary>Reads the external side of cases: chosen connector, incidents, last pushes, and whether the case changed since.</summary>
public sealed class ExternalIncidentQueries(IDbContextFactory<CasesDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ExternalIncidentStatus>> ForCaseAsync(string caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incidents = await db.ExternalIncidents.AsNoTracking().Where(i => i.CaseId == caseId).ToListAsync(ct);
        var pushes = (await db.ConnectorPushes.AsNoTracking().Where(p => p.CaseId == caseId).ToListAsync(ct))
            .GroupBy(p => p.ConnectorId).Select(g => g.MaxBy(p => p.Id)!).ToList();
        var names = await db.Connectors.Where(c => pushes.Select(p => p.ConnectorId).Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var people = await PeopleDirectory.LoadAsync(db, incidents.Select(i => i.PushedById), ct);
        var changedAt = await LastChangeAsync(db, caseId, ct);
        var alerts = await db.CaseAlerts.CountAsync(l => l.CaseId == caseId, ct);

        var result = incidents.Select(i =>
        {
            var push = pushes.FirstOrDefault(p => p.ConnectorId == i.ConnectorId);
            return new ExternalIncidentStatus(i.ConnectorId, i.ConnectorName, i.ExternalId, i.ExternalTitle, i.ExternalUrl, i.PushedAt,
                i.PushedById is null ? null : PeopleDirectory.Resolve(people, i.PushedById),
                i.PushedAt is null || changedAt > i.PushedAt || alerts > i.AlertsPushed,
                push?.State, push?.LastError, push?.Attempts ?? 0, push?.State == PushState.Pending ? push.NextAttemptAt : null);
        }).ToList();
        // A push that has not created its incident yet still shows, with its state.
        result.AddRange(pushes.Where(p => incidents.All(i => i.ConnectorId != p.ConnectorId)).Select(p => new ExternalIncidentStatus(
            p.ConnectorId, names.GetValueOrDefault(p.ConnectorId) ?? "A deleted connector", null, null, null, null, null, true,
            p.State, p.LastError, p.Attempts, p.State == PushState.Pending ? p.NextAttemptAt : null)));
        return result;
    }

    public async Task<CaseConnectorView?> ChosenAsync(string caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await ChosenAsync(db, [caseId], ct)).GetValueOrDefault(caseId);
    }

    /// <summary>The chosen connector of each case, for the case JSON.</summary>
    public static async Task<Dictionary<string, CaseConnectorView>> ChosenAsync(CasesDbContext db, IReadOnlyCollection<string> caseIds, CancellationToken ct) =>
        (await db.CaseConnectors.Where(c => caseIds.Contains(c.CaseId))
            .Join(db.Connectors, c => c.ConnectorId, k => k.Id, (c, k) => new { c.CaseId, k.Id, k.Name, k.TypeId, c.FieldsJson }).ToListAsync(ct))
        .ToDictionary(c => c.CaseId, c => new CaseConnectorView(c.Id, c.Name, c.TypeId, c.FieldsJson is null ? null : JsonNode.Parse(c.FieldsJson) as JsonObject));

    /// <summary>The latest push of each case (to its chosen connector if pushed there), for the case JSON's <c>external_service</c>.</summary>
    public static async Task<Dictionary<string, (ExternalIncident Incident, PersonRef? By)>> LastPushedAsync(CasesDbContext db, IReadOnlyCollection<string> caseIds, CancellationToken ct)
    {
        var incidents = await db.ExternalIncidents.AsNoTracking().Where(i => caseIds.Contains(i.CaseId) && i.PushedAt != null).ToListAsync(ct);
        var people = await PeopleDirectory.LoadAsync(db, incidents.Select(i => i.PushedById), ct);
        return incidents.GroupBy(i => i.CaseId).ToDictionary(g => g.Key, g =>
        {
            var last = g.OrderByDescending(i => i.PushedAt).First();
            return (last, last.PushedById is null ? null : (PersonRef?)PeopleDirectory.Resolve(people, last.PushedById));
        });
    }

    private static async Task<DateTimeOffset?> LastChangeAsync(CasesDbContext db, string caseId, CancellationToken ct)
    {
        var caseChanged = await db.Cases.Where(c => c.Id == caseId).Select(c => c.UpdatedAt).SingleOrDefaultAsync(ct);
        var commentChanged = await db.CaseComments.Where(c => c.CaseId == caseId && c.DeletedAt == null)
            .MaxAsync(c => (DateTimeOffset?)(c.UpdatedAt ?? c.CreatedAt), ct);
        return caseChanged > commentChanged || commentChanged is null ? caseChanged : commentChanged;
    }
}
