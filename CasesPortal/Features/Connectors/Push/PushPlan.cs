using System.Text.Json.Nodes;
using CasesPortal.Data;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Observables;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using CasesPortal.Features.Connectors.Types;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Connectors.Push;

/// <summary>A comment still to send: new, or edited since it was last sent (an edit changes its text, so it is sent again).</summary>
public sealed record PendingComment(string Id, int Version, string Text);

/// <summary>Everything one push sends, read fresh from the case when the push runs (so a resumed push sends the latest).</summary>
public sealed record PushPlan(PushIncident Incident, ExternalRef? Existing, IReadOnlyList<PendingComment> Comments, int AlertCount, int AlertsPushed, bool CaseClosed)
{
    public int NewAlerts => Math.Max(0, AlertCount - AlertsPushed);

    /// <summary>The total only grows between alert comments, so no two of them read the same.</summary>
    public string AlertsComment => $"{NewAlerts} {(NewAlerts == 1 ? "alert" : "alerts")} attached to the case, {AlertCount} in all. View them: {Incident.CaseUrl}";
}

/// <summary>Maps a case to what is sent, following Kibana: "Added by" lines, a link back, comments and alerts not yet sent.</summary>
public sealed class PushPlanner(PublicLinks links)
{
    public const int MaxObservables = 100;

    public async Task<PushPlan?> PlanAsync(CasesDbContext db, string caseId, string connectorId, string pushedById, CancellationToken ct)
    {
        var item = await db.Cases.AsNoTracking().Include(c => c.Tags).SingleOrDefaultAsync(c => c.Id == caseId && c.DeletedAt == null, ct);
        if (item is null) return null;
        var comments = await db.CaseComments.AsNoTracking().Where(c => c.CaseId == caseId && c.DeletedAt == null)
            .OrderBy(c => c.CreatedAt).ToListAsync(ct);
        var sent = await db.ExternalCommentPushes.Where(p => p.CaseId == caseId && p.ConnectorId == connectorId)
            .ToDictionaryAsync(p => p.CommentId, p => p.Version, ct);
        var people = await PeopleDirectory.LoadAsync(db, comments.Select(c => c.UpdatedById ?? c.CreatedById).Append(pushedById), ct);
        var incident = await db.ExternalIncidents.AsNoTracking().SingleOrDefaultAsync(i => i.CaseId == caseId && i.ConnectorId == connectorId, ct);
        var fields = await db.CaseConnectors.Where(c => c.CaseId == caseId && c.ConnectorId == connectorId).Select(c => c.FieldsJson).SingleOrDefaultAsync(ct);

        var caseUrl = links.CaseUrl(null, (int)item.Number);
        var pusher = PeopleDirectory.Resolve(people, pushedById).DisplayName;
        var push = new PushIncident(item.Id, item.Number, item.Title, $"{item.Description}\n\nAdded by {pusher}.\n\nCasesPortal case #{item.Number}: {caseUrl}",
            item.Tags.Select(t => t.Tag).Order(StringComparer.OrdinalIgnoreCase).ToList(), CaseNames.Of(item.Status), CaseNames.Of(item.Severity),
            (fields is null ? null : JsonNode.Parse(fields) as JsonObject) ?? new JsonObject(), await ObservablesAsync(db, caseId, ct), caseUrl, pusher);
        var pending = comments.Where(c => !sent.TryGetValue(c.Id, out var version) || version < c.Version)
            .Select(c => new PendingComment(c.Id, c.Version, $"{c.Body}\n\nAdded by {PeopleDirectory.Resolve(people, c.UpdatedById ?? c.CreatedById).DisplayName}."))
            .ToList();
        var existing = incident is { ExternalId.Length: > 0 } ? new ExternalRef(incident.ExternalId, incident.ExternalTitle, incident.ExternalUrl) : null;
        var alerts = await db.CaseAlerts.CountAsync(l => l.CaseId == caseId, ct);
        return new PushPlan(push, existing, pending, alerts, incident?.AlertsPushed ?? 0, item.Status == CaseStatus.Closed);
    }

    private static async Task<PushObservables> ObservablesAsync(CasesDbContext db, string caseId, CancellationToken ct)
    {
        var alerts = db.CaseAlerts.Where(l => l.CaseId == caseId).Join(db.Alerts, l => l.AlertId, a => a.Id, (_, a) => a);
        var sources = await alerts.Where(a => a.SourceIp != null).Select(a => a.SourceIp!).Distinct().OrderBy(ip => ip).Take(MaxObservables).ToListAsync(ct);
        var destinations = await alerts.Where(a => a.DestinationIp != null).Select(a => a.DestinationIp!).Distinct().OrderBy(ip => ip).Take(MaxObservables).ToListAsync(ct);
        var values = await db.CaseObservables.Where(o => o.CaseId == caseId && (o.TypeKey == ObservableRules.FileHash || o.TypeKey == ObservableRules.Url))
            .OrderBy(o => o.Value).Select(o => new { o.TypeKey, o.Value }).Take(2 * MaxObservables).ToListAsync(ct);
        return new PushObservables(sources, destinations,
            values.Where(v => v.TypeKey == ObservableRules.FileHash && v.Value.Length == 64).Select(v => v.Value).ToList(),
            values.Where(v => v.TypeKey == ObservableRules.Url).Select(v => v.Value).ToList());
    }
}
