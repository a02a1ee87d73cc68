using CasesPortal.Data;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Observables;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using CasesPortal.Features.Evidence.Explore;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Cases.Evidence;

/// <summary>
/// Alerts, events and indicators attached to cases. Viewers read; Analysts, Leads and Admins attach and remove. Any
/// number of ids, or every record matching an explore filter, go in one transaction with one history line (type
/// <c>attachment</c>, payload <c>{"alerts":N}</c>, <c>{"events":N}</c> or <c>{"indicators":N}</c>); what is already
/// attached is skipped. Attaching alerts to a case with alert sync on sets their workflow status to follow the case.
/// </summary>
public sealed class CaseEvidenceService(IDbContextFactory<CasesDbContext> dbFactory, CaseService cases, CaseEvents events, TimeProvider clock)
{
    public const int MaxPerPage = 100;

    /// <summary>Most ids one call may name; larger sets are attached by filter.</summary>
    public const int MaxIds = 10_000;

    public Task<ServiceResult<int>> AttachAlertsAsync(CaseActor actor, string caseId, IReadOnlyList<string> alertIds, CancellationToken ct = default) =>
        AttachAsync(actor, caseId, EvidenceSelection.Of(CaseEvidenceKind.Alerts, alertIds), ct);

    public Task<ServiceResult<int>> AttachEventsAsync(CaseActor actor, string caseId, IReadOnlyList<string> eventIds, CancellationToken ct = default) =>
        AttachAsync(actor, caseId, EvidenceSelection.Of(CaseEvidenceKind.Events, eventIds), ct);

    public Task<ServiceResult<int>> DetachAlertsAsync(CaseActor actor, string caseId, IReadOnlyList<string> alertIds, CancellationToken ct = default) =>
        DetachAsync(actor, caseId, CaseEvidenceKind.Alerts, alertIds, ct);

    public Task<ServiceResult<int>> DetachEventsAsync(CaseActor actor, string caseId, IReadOnlyList<string> eventIds, CancellationToken ct = default) =>
        DetachAsync(actor, caseId, CaseEvidenceKind.Events, eventIds, ct);

    /// <summary>
    /// Attaches the selection (ids, or every record its filter matches) to a live case. Naming an unknown id is a 400
    /// naming it. Returns how many were newly attached.
    /// </summary>
    public async Task<ServiceResult<int>> AttachAsync(CaseActor actor, string caseId, EvidenceSelection selection, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden($"attach {selection.Kind.Plural} to cases");
        if (Validate(selection) is { } problem) return problem;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LiveCaseAsync(db, caseId, ct) is not { } item) return CaseErrors.NotFound(caseId);
        var linked = await LinkAsync(db, item, actor, selection, clock.GetUtcNow(), ct);
        if (!linked.Succeeded || linked.Value == 0) return linked;
        await tx.CommitAsync(ct);
        await NoteLinksAsync(db, selection.Kind, linked.Value, ct);
        events.Publish(new CaseChanged(caseId, actor.UserId, selection.Kind.Plural));
        return linked;
    }

    /// <summary>Creates a case and attaches the selection to it in one transaction: if attaching fails, no case is left.</summary>
    public async Task<ServiceResult<(CaseView Case, int Attached)>> CreateCaseWithAsync(CaseActor actor, NewCase input, EvidenceSelection selection,
        CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden($"attach {selection.Kind.Plural} to cases");
        if (Validate(selection) is { } problem) return problem;
        var attached = 0;
        var created = await cases.CreateAsync(actor, input, async (db, item, now, token) =>
        {
            var linked = await LinkAsync(db, item, actor, selection, now, token);
            attached = linked.Value;
            return linked.Error;
        }, ct);
        if (!created.Succeeded) return created.Error!;
        if (attached > 0)
            await using (var db = await dbFactory.CreateDbContextAsync(ct)) await NoteLinksAsync(db, selection.Kind, attached, ct);
        events.Publish(new CaseChanged(created.Value!.Id, actor.UserId, selection.Kind.Plural));
        return ServiceResult<(CaseView, int)>.Ok((created.Value!, attached));
    }

    /// <summary>Removes records from the case; 404 naming the first one that is not attached to it.</summary>
    public async Task<ServiceResult<int>> DetachAsync(CaseActor actor, string caseId, CaseEvidenceKind kind, IReadOnlyList<string> evidenceIds,
        CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden($"remove {kind.Plural} from cases");
        if (Clean(evidenceIds) is not { Count: > 0 } ids) return ServiceError.Invalid($"Name at least one {kind.Singular} to remove.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LiveCaseAsync(db, caseId, ct) is null) return CaseErrors.NotFound(caseId);
        var attached = await kind.AttachedAsync(db, caseId, ids, ct);
        if (ids.FirstOrDefault(id => !attached.Contains(id)) is { } missing)
            return ServiceError.NotFound($"{Capitalized(kind.Singular)} {missing} is not attached to case {caseId}.");
        var removed = await kind.DeleteAsync(db, caseId, ids, ct);
        var now = clock.GetUtcNow();
        new CaseHistoryWriter(db, actor.UserId, now).Add(caseId, CaseActions.Attachment, CaseActions.Delete, Payload(kind, removed));
        await db.SaveChangesAsync(ct);
        await CaseStamp.TouchAsync(db, caseId, actor.UserId, now, ct);
        await tx.CommitAsync(ct);
        events.Publish(new CaseChanged(caseId, actor.UserId, kind.Plural));
        return ServiceResult<int>.Ok(removed);
    }

    /// <summary>
    /// Links the selection to the case inside the caller's transaction: the links, one history line with the count,
    /// the alert status sync for exactly the links made now, and the case's updated stamp. Nothing when all were attached.
    /// </summary>
    private async Task<ServiceResult<int>> LinkAsync(CasesDbContext db, Case item, CaseActor actor, EvidenceSelection selection, DateTimeOffset now,
        CancellationToken ct)
    {
        var kind = selection.Kind;
        int added;
        if (selection.Filter is { } filter)
            added = await kind.InsertMatchingAsync(db, item.Id, EvidenceQueries.MatchingIds(db, filter), now, actor.UserId, null, ct);
        else
        {
            var (ids, indexes) = Clean(selection.Refs);
            var known = (await kind.Existing(db, ids).ToListAsync(ct)).ToHashSet();
            if (ids.FirstOrDefault(id => !known.Contains(id)) is { } unknown) return ServiceError.Invalid($"{Capitalized(kind.Singular)} {unknown} not found.");
            added = await AddLinksAsync(db, item.Id, kind, ids, indexes, actor, now, ct);
        }
        if (added == 0) return ServiceResult<int>.Ok(0);
        new CaseHistoryWriter(db, actor.UserId, now).Add(item.Id, CaseActions.Attachment, CaseActions.Create, Payload(kind, added));
        await db.SaveChangesAsync(ct);
        if (kind == CaseEvidenceKind.Alerts && item.SyncAlerts) await AlertStatusSync.FollowCaseAsync(db, item.Id, now, item.Status, now, ct);
        await ObservableExtraction.FromNewLinksAsync(db, item.Id, kind.Kind, actor.UserId, now, ct);
        await CaseStamp.TouchAsync(db, item.Id, actor.UserId, now, ct);
        return ServiceResult<int>.Ok(added);
    }

    /// <summary>Many links made at once can leave the engine's statistics of the link table behind; told after the commit.</summary>
    private static Task NoteLinksAsync(CasesDbContext db, CaseEvidenceKind kind, int links, CancellationToken ct) =>
        db.Dialect.NoteRowsWrittenAsync(db, kind.LinkTable(db), links, ct);

    /// <summary>The usual call names one index (or none) for all its ids: then the links are made in SQL, else one by one.</summary>
    private static async Task<int> AddLinksAsync(CasesDbContext db, string caseId, CaseEvidenceKind kind, List<string> ids,
        Dictionary<string, string?> indexes, CaseActor actor, DateTimeOffset now, CancellationToken ct)
    {
        var distinctIndexes = indexes.Values.Distinct().ToList();
        if (distinctIndexes.Count == 1) return await kind.InsertMatchingAsync(db, caseId, kind.Existing(db, ids), now, actor.UserId, distinctIndexes[0], ct);
        var already = await kind.AttachedAsync(db, caseId, ids, ct);
        var fresh = ids.Where(id => !already.Contains(id)).ToList();
        await kind.AddAsync(db, caseId, fresh.Select(id => new EvidenceRef(id, indexes[id])).ToList(), now, actor.UserId, ct);
        return fresh.Count;
    }

    private static ServiceError? Validate(EvidenceSelection selection)
    {
        if (selection.Filter is { } filter)
            return filter.Kind == selection.Kind.Kind ? null : ServiceError.Invalid($"The filter is not a filter of {selection.Kind.Plural}.");
        var count = Clean(selection.Refs).Ids.Count;
        if (count == 0) return ServiceError.Invalid($"{selection.Kind.IdField} must name at least one {selection.Kind.Singular}.");
        return count > MaxIds ? ServiceError.Invalid($"{selection.Kind.IdField} may name at most {MaxIds:N0} ids at once (got {count:N0}).") : null;
    }

    private static Dictionary<string, int> Payload(CaseEvidenceKind kind, int count) => new() { [kind.Plural] = count };

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];

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

    /// <summary>The case's indicators, most recently seen first; null when the case is unknown or in the Trash.</summary>
    public async Task<EvidencePage<AttachedIndicatorView>?> ListIndicatorsAsync(string caseId, int page = 1, int perPage = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LiveCaseAsync(db, caseId, ct) is null) return null;
        var links = db.CaseIndicators.Where(l => l.CaseId == caseId);
        var total = await links.CountAsync(ct);
        var rows = await links.Join(db.Indicators, l => l.IndicatorId, i => i.Id, (l, i) => new { l, i })
            .OrderBy(x => x.i.LastSeen == null).ThenByDescending(x => x.i.LastSeen).ThenBy(x => x.i.Id).Skip(Skip(page, perPage)).Take(Clamp(perPage))
            .Select(x => new { x.i.Id, x.i.Type, x.i.Value, x.i.Provider, x.i.Confidence, x.i.LastSeen, x.l.AttachedAt, x.l.AttachedById })
            .ToListAsync(ct);
        var people = await PeopleDirectory.LoadAsync(db, rows.Select(r => r.AttachedById), ct);
        return new EvidencePage<AttachedIndicatorView>(rows.Select(r => new AttachedIndicatorView(r.Id, r.Type, r.Value, r.Provider, r.Confidence,
            r.LastSeen, r.AttachedAt, PeopleDirectory.Resolve(people, r.AttachedById))).ToList(), total);
    }

    public async Task<EvidenceCounts> CountAsync(string caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new EvidenceCounts(await db.CaseAlertFacets.Where(f => f.CaseId == caseId && f.Kind == AlertFacetKind.All).SumAsync(f => f.Alerts, ct), await db.CaseEvents.CountAsync(l => l.CaseId == caseId, ct),
            await db.CaseIndicators.CountAsync(l => l.CaseId == caseId, ct));
    }

    /// <summary>The live cases an alert is attached to, newest first, with their alert and comment totals.</summary>
    public Task<IReadOnlyList<CaseOfAlert>> CasesOfAlertAsync(string alertId, CancellationToken ct = default) =>
        CasesHoldingAsync(CaseEvidenceKind.Alerts, alertId, ct);

    /// <summary>The live cases holding one alert, event or indicator, newest first, with their alert and comment totals.</summary>
    public async Task<IReadOnlyList<CaseOfAlert>> CasesHoldingAsync(CaseEvidenceKind kind, string evidenceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var holding = kind.CasesHolding(db, evidenceId);
        return await db.Cases.Where(c => c.DeletedAt == null && holding.Contains(c.Id))
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Number)
            .Select(c => new CaseOfAlert(c.Id, c.Number, c.Title, c.Description, c.Status, c.CreatedAt,
                db.CaseAlertFacets.Where(f => f.CaseId == c.Id && f.Kind == AlertFacetKind.All).Sum(f => f.Alerts), c.CommentCount))
            .ToListAsync(ct);
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
}
