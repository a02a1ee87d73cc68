using CasesPortal.Data;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Observables;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Cases.Evidence;

/// <summary>
/// Alerts and events attached to cases. Viewers read; Analysts, Leads and Admins attach and remove. Any number of
/// ids go in one transaction with one history line (type <c>attachment</c>, payload <c>{"alerts":N}</c> or
/// <c>{"events":N}</c>); ids already attached are skipped. Attaching alerts to a case with alert sync on sets their
/// workflow status to follow the case.
/// </summary>
public sealed class CaseEvidenceService(IDbContextFactory<CasesDbContext> dbFactory, CaseEvents events, TimeProvider clock)
{
    public const int MaxPerPage = 100;

    public Task<ServiceResult<int>> AttachAlertsAsync(CaseActor actor, string caseId, IReadOnlyList<string> alertIds, CancellationToken ct = default) =>
        AttachAlertsAsync(actor, caseId, alertIds.Select(id => new EvidenceRef(id, null)).ToList(), ct);

    /// <summary>Attaches alerts; 400 naming the first unknown id. Returns how many were newly attached.</summary>
    public async Task<ServiceResult<int>> AttachAlertsAsync(CaseActor actor, string caseId, IReadOnlyList<EvidenceRef> alerts, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("attach alerts to cases");
        var (ids, indexes) = Clean(alerts);
        if (ids.Count == 0) return ServiceError.Invalid("alertId must name at least one alert.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LiveCaseAsync(db, caseId, ct) is not { } item) return CaseErrors.NotFound(caseId);
        var known = (await db.Alerts.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        if (ids.FirstOrDefault(id => !known.Contains(id)) is { } unknown) return ServiceError.Invalid($"Alert {unknown} not found.");
        var already = (await db.CaseAlerts.Where(l => l.CaseId == caseId && ids.Contains(l.AlertId)).Select(l => l.AlertId).ToListAsync(ct)).ToHashSet();
        var added = ids.Where(id => !already.Contains(id)).ToList();
        if (added.Count == 0) return ServiceResult<int>.Ok(0);

        var now = clock.GetUtcNow();
        db.CaseAlerts.AddRange(added.Select(id => new CaseAlert { CaseId = caseId, AlertId = id, Index = indexes.GetValueOrDefault(id), AttachedAt = now, AttachedById = actor.UserId }));
        new CaseHistoryWriter(db, actor.UserId, now).Add(caseId, CaseActions.Attachment, CaseActions.Create, new { alerts = added.Count });
        await db.SaveChangesAsync(ct);
        if (item.SyncAlerts) await AlertStatusSync.FollowCaseAsync(db, added, item.Status, now, ct);
        await ObservableExtraction.FromAlertsAsync(db, caseId, added, actor.UserId, now, ct);
        await TouchCaseAsync(db, caseId, actor.UserId, now, ct);
        await tx.CommitAsync(ct);
        events.Publish(new CaseChanged(caseId, actor.UserId, "alerts"));
        return ServiceResult<int>.Ok(added.Count);
    }

    public Task<ServiceResult<int>> AttachEventsAsync(CaseActor actor, string caseId, IReadOnlyList<string> eventIds, CancellationToken ct = default) =>
        AttachEventsAsync(actor, caseId, eventIds.Select(id => new EvidenceRef(id, null)).ToList(), ct);

    /// <summary>Attaches events; 400 naming the first unknown id. Returns how many were newly attached.</summary>
    public async Task<ServiceResult<int>> AttachEventsAsync(CaseActor actor, string caseId, IReadOnlyList<EvidenceRef> items, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("attach events to cases");
        var (ids, indexes) = Clean(items);
        if (ids.Count == 0) return ServiceError.Invalid("eventId must name at least one event.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LiveCaseAsync(db, caseId, ct) is null) return CaseErrors.NotFound(caseId);
        var known = (await db.SecurityEvents.Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        if (ids.FirstOrDefault(id => !known.Contains(id)) is { } unknown) return ServiceError.Invalid($"Event {unknown} not found.");
        var already = (await db.CaseEvents.Where(l => l.CaseId == caseId && ids.Contains(l.EventId)).Select(l => l.EventId).ToListAsync(ct)).ToHashSet();
        var added = ids.Where(id => !already.Contains(id)).ToList();
        if (added.Count == 0) return ServiceResult<int>.Ok(0);

        var now = clock.GetUtcNow();
        db.CaseEvents.AddRange(added.Select(id => new CaseEvent { CaseId = caseId, EventId = id, Index = indexes.GetValueOrDefault(id), AttachedAt = now, AttachedById = actor.UserId }));
        new CaseHistoryWriter(db, actor.UserId, now).Add(caseId, CaseActions.Attachment, CaseActions.Create, new { events = added.Count });
        await db.SaveChangesAsync(ct);
        await ObservableExtraction.FromEventsAsync(db, caseId, added, actor.UserId, now, ct);
        await TouchCaseAsync(db, caseId, actor.UserId, now, ct);
        await tx.CommitAsync(ct);
        events.Publish(new CaseChanged(caseId, actor.UserId, "events"));
        return ServiceResult<int>.Ok(added.Count);
    }

    /// <summary>Removes alerts from the case; 404 naming the first one that is not attached to it.</summary>
    public async Task<ServiceResult<int>> DetachAlertsAsync(CaseActor actor, string caseId, IReadOnlyList<string> alertIds, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("remove alerts from cases");
        if (Clean(alertIds) is not { Count: > 0 } ids) return ServiceError.Invalid("Name at least one alert to remove.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LiveCaseAsync(db, caseId, ct) is null) return CaseErrors.NotFound(caseId);
        var links = db.CaseAlerts.Where(l => l.CaseId == caseId && ids.Contains(l.AlertId));
        var attached = (await links.Select(l => l.AlertId).ToListAsync(ct)).ToHashSet();
        if (ids.FirstOrDefault(id => !attached.Contains(id)) is { } missing)
            return ServiceError.NotFound($"Alert {missing} is not attached to case {caseId}.");
        var removed = await links.ExecuteDeleteAsync(ct);
        await FinishRemovalAsync(db, actor, caseId, new { alerts = removed }, ct);
        await tx.CommitAsync(ct);
        events.Publish(new CaseChanged(caseId, actor.UserId, "alerts"));
        return ServiceResult<int>.Ok(removed);
    }

    /// <summary>Removes events from the case; 404 naming the first one that is not attached to it.</summary>
    public async Task<ServiceResult<int>> DetachEventsAsync(CaseActor actor, string caseId, IReadOnlyList<string> eventIds, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("remove events from cases");
        if (Clean(eventIds) is not { Count: > 0 } ids) return ServiceError.Invalid("Name at least one event to remove.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LiveCaseAsync(db, caseId, ct) is null) return CaseErrors.NotFound(caseId);
        var links = db.CaseEvents.Where(l => l.CaseId == caseId && ids.Contains(l.EventId));
        var attached = (await links.Select(l => l.EventId).ToListAsync(ct)).ToHashSet();
        if (ids.FirstOrDefault(id => !attached.Contains(id)) is { } missing)
            return ServiceError.NotFound($"Event {missing} is not attached to case {caseId}.");
        var removed = await links.ExecuteDeleteAsync(ct);
        await FinishRemovalAsync(db, actor, caseId, new { events = removed }, ct);
        await tx.CommitAsync(ct);
        events.Publish(new CaseChanged(caseId, actor.UserId, "events"));
        return ServiceResult<int>.Ok(removed);
    }

    /// <summary>The case's alerts, newest first by the alert's @timestamp; null when the case is unknown or in the Trash.</summary>
    public async Task<EvidencePage<AttachedAlertView>?> ListAlertsAsync(string caseId, int page = 1, int perPage = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LiveCaseAsync(db, caseId, ct) is null) return null;
        var links = db.CaseAlerts.Where(l => l.CaseId == caseId);
        var total = await links.CountAsync(ct);
        var rows = await links.Join(db.Alerts, l => l.AlertId, a => a.Id, (l, a) => new { l, a })
            .OrderByDescending(x => x.a.Timestamp).ThenBy(x => x.a.Id).Skip(Skip(page, perPage)).Take(Clamp(perPage))
            .Select(x => new { x.a.Id, x.l.Index, x.a.Timestamp, x.a.RuleName, x.a.Severity, x.a.HostName, x.a.UserName, x.a.WorkflowStatus,
                x.l.AttachedAt, x.l.AttachedById })
            .ToListAsync(ct);
        var people = await PeopleDirectory.LoadAsync(db, rows.Select(r => r.AttachedById), ct);
        return new EvidencePage<AttachedAlertView>(rows.Select(r => new AttachedAlertView(r.Id, r.Index, r.Timestamp, r.RuleName, r.Severity,
            r.HostName, r.UserName, r.WorkflowStatus, r.AttachedAt, PeopleDirectory.Resolve(people, r.AttachedById))).ToList(), total);
    }

    /// <summary>The case's events, newest first by the event's @timestamp; null when the case is unknown or in the Trash.</summary>
    public async Task<EvidencePage<AttachedEventView>?> ListEventsAsync(string caseId, int page = 1, int perPage = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LiveCaseAsync(db, caseId, ct) is null) return null;
        var links = db.CaseEvents.Where(l => l.CaseId == caseId);
        var total = await links.CountAsync(ct);
        var rows = await links.Join(db.SecurityEvents, l => l.EventId, e => e.Id, (l, e) => new { l, e })
            .OrderByDescending(x => x.e.Timestamp).ThenBy(x => x.e.Id).Skip(Skip(page, perPage)).Take(Clamp(perPage))
            .Select(x => new { x.e.Id, x.l.Index, x.e.Timestamp, x.e.HostName, x.e.UserName, x.e.EventAction, x.e.EventOutcome, x.e.Message,
                x.e.Document, x.l.AttachedAt, x.l.AttachedById })
            .ToListAsync(ct);
        var people = await PeopleDirectory.LoadAsync(db, rows.Select(r => r.AttachedById), ct);
        return new EvidencePage<AttachedEventView>(rows.Select(r => new AttachedEventView(r.Id, r.Index, r.Timestamp, r.HostName, r.UserName,
            r.EventAction, r.EventOutcome, r.Message, r.Document, r.AttachedAt, PeopleDirectory.Resolve(people, r.AttachedById))).ToList(), total);
    }

    /// <summary>Every alert of the case as Kibana lists them (id, index, attached at), newest attachment first; null for an unknown case.</summary>
    public async Task<IReadOnlyList<CaseAlert>?> AlertLinksAsync(string caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LiveCaseAsync(db, caseId, ct) is null) return null;
        return await db.CaseAlerts.AsNoTracking().Where(l => l.CaseId == caseId).OrderByDescending(l => l.AttachedAt).ThenBy(l => l.AlertId).ToListAsync(ct);
    }

    public async Task<EvidenceCounts> CountAsync(string caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new EvidenceCounts(await db.CaseAlerts.CountAsync(l => l.CaseId == caseId, ct), await db.CaseEvents.CountAsync(l => l.CaseId == caseId, ct));
    }

    /// <summary>The live cases an alert is attached to, newest first, with their alert and comment totals.</summary>
    public async Task<IReadOnlyList<CaseOfAlert>> CasesOfAlertAsync(string alertId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Cases.Where(c => c.DeletedAt == null && db.CaseAlerts.Any(l => l.CaseId == c.Id && l.AlertId == alertId))
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Number)
            .Select(c => new CaseOfAlert(c.Id, c.Number, c.Title, c.Description, c.Status, c.CreatedAt,
                db.CaseAlerts.Count(l => l.CaseId == c.Id), c.CommentCount))
            .ToListAsync(ct);
    }

    private async Task FinishRemovalAsync(CasesDbContext db, CaseActor actor, string caseId, object payload, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        new CaseHistoryWriter(db, actor.UserId, now).Add(caseId, CaseActions.Attachment, CaseActions.Delete, payload);
        await db.SaveChangesAsync(ct);
        await TouchCaseAsync(db, caseId, actor.UserId, now, ct);
    }

    private static List<string> Clean(IReadOnlyList<string> ids) => ids.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct().ToList();

    private static (List<string> Ids, Dictionary<string, string?> Indexes) Clean(IReadOnlyList<EvidenceRef> refs)
    {
        var indexes = new Dictionary<string, string?>();
        foreach (var r in refs.Where(r => !string.IsNullOrWhiteSpace(r.Id)))
            indexes.TryAdd(r.Id.Trim(), string.IsNullOrWhiteSpace(r.Index) ? null : r.Index.Trim()[..Math.Min(r.Index.Trim().Length, CaseAlert.IndexMaxLength)]);
        return (indexes.Keys.ToList(), indexes);
    }

    private static int Clamp(int perPage) => Math.Clamp(perPage, 1, MaxPerPage);

    private static int Skip(int page, int perPage) => (Math.Max(page, 1) - 1) * Clamp(perPage);

    private static Task<Case?> LiveCaseAsync(CasesDbContext db, string caseId, CancellationToken ct) =>
        db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId && c.DeletedAt == null, ct);

    private static Task TouchCaseAsync(CasesDbContext db, string caseId, string userId, DateTimeOffset now, CancellationToken ct) =>
        db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(set => set.SetProperty(c => c.UpdatedAt, now).SetProperty(c => c.UpdatedById, userId), ct);
}
