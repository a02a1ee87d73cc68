using System.Text.Json;
using CasesPortal.Data;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using CasesPortal.Features.Timelines.Model;
using CasesPortal.Features.Timelines.Query;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Timelines;

/// <summary>
/// Timelines attached to cases. Attaching keeps a snapshot (title, query, filters, range, pinned events, notes and
/// how many events matched then), so the case shows what the analyst examined even after the timeline changes. Each
/// attach and removal is one history line (<c>{"timelines":1}</c>) and refreshes open case pages.
/// </summary>
public sealed class CaseTimelineService(IDbContextFactory<CasesDbContext> factory, TimelineService timelines, TimelineEventSearch search,
    CaseEvents events, TimeProvider clock)
{
    public const string HistoryField = "timelines";

    public async Task<ServiceResult<CaseTimelineView>> AttachAsync(CaseActor actor, string caseId, string? timelineId, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("attach timelines to cases");
        if (string.IsNullOrWhiteSpace(timelineId)) return ServiceError.Invalid("timelineId is required.");
        if (await timelines.GetAsync(timelineId, ct) is not { } timeline) return ServiceError.Invalid($"Timeline {timelineId} not found.");
        var now = clock.GetUtcNow();
        // Counted before the write transaction: a long count must not hold the database's write lock.
        var query = timeline.Search(now, perPage: 1);
        var counted = await search.FindAsync(query, ct);
        var snapshot = new TimelineSnapshot(timeline.Id, timeline.Title, timeline.Description, timeline.Query, timeline.Filters, timeline.Range,
            timeline.Columns, timeline.Pins.Select(p => p.EventId).ToList(), timeline.Notes,
            counted.Value?.Total, counted.Value?.TotalIsAtLeast ?? false, query.From, query.To, timeline.UpdatedAt, timeline.Version);

        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Cases.AnyAsync(c => c.Id == caseId && c.DeletedAt == null, ct)) return CaseErrors.NotFound(caseId);
        var link = new CaseTimeline
        {
            CaseId = caseId, TimelineId = timeline.Id, Title = timeline.Title, Snapshot = JsonSerializer.Serialize(snapshot, TimelineService.Json),
            AttachedAt = now, AttachedById = actor.UserId,
        };
        db.CaseTimelines.Add(link);
        new CaseHistoryWriter(db, actor.UserId, now).Add(caseId, CaseActions.Attachment, CaseActions.Create,
            new Dictionary<string, object> { [HistoryField] = 1, ["timeline"] = new { id = timeline.Id, title = timeline.Title } });
        await db.SaveChangesAsync(ct);
        await CaseStamp.TouchAsync(db, caseId, actor.UserId, now, ct);
        await tx.CommitAsync(ct);
        events.Publish(new CaseChanged(caseId, actor.UserId, HistoryField));
        var people = await PeopleDirectory.LoadAsync(db, [actor.UserId], ct);
        return ServiceResult<CaseTimelineView>.Ok(new CaseTimelineView(link.Id, caseId, snapshot, now, PeopleDirectory.Resolve(people, actor.UserId)));
    }

    public async Task<ServiceResult<bool>> DetachAsync(CaseActor actor, string caseId, string attachmentId, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("remove timelines from cases");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Cases.AnyAsync(c => c.Id == caseId && c.DeletedAt == null, ct)) return CaseErrors.NotFound(caseId);
        if (await db.CaseTimelines.SingleOrDefaultAsync(l => l.Id == attachmentId && l.CaseId == caseId, ct) is not { } link)
            return ServiceError.NotFound($"Timeline attachment {attachmentId} is not on case {caseId}.");
        db.CaseTimelines.Remove(link);
        var now = clock.GetUtcNow();
        new CaseHistoryWriter(db, actor.UserId, now).Add(caseId, CaseActions.Attachment, CaseActions.Delete,
            new Dictionary<string, object> { [HistoryField] = 1, ["timeline"] = new { id = link.TimelineId, title = link.Title } });
        await db.SaveChangesAsync(ct);
        await CaseStamp.TouchAsync(db, caseId, actor.UserId, now, ct);
        await tx.CommitAsync(ct);
        events.Publish(new CaseChanged(caseId, actor.UserId, HistoryField));
        return ServiceResult<bool>.Ok(true);
    }

    /// <summary>The case's timelines, newest attachment first.</summary>
    public async Task<IReadOnlyList<CaseTimelineView>> ListAsync(string caseId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var links = await db.CaseTimelines.AsNoTracking().Where(l => l.CaseId == caseId).OrderByDescending(l => l.AttachedAt).ThenBy(l => l.Id).ToListAsync(ct);
        return await ViewsAsync(db, links, ct);
    }

    /// <summary>One attachment, as the snapshot page opens it.</summary>
    public async Task<CaseTimelineView?> GetAsync(string attachmentId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var links = await db.CaseTimelines.AsNoTracking().Where(l => l.Id == attachmentId).ToListAsync(ct);
        return (await ViewsAsync(db, links, ct)).FirstOrDefault();
    }

    public async Task<int> CountAsync(string caseId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.CaseTimelines.CountAsync(l => l.CaseId == caseId, ct);
    }

    private static async Task<IReadOnlyList<CaseTimelineView>> ViewsAsync(CasesDbContext db, List<CaseTimeline> links, CancellationToken ct)
    {
        var people = await PeopleDirectory.LoadAsync(db, links.Select(l => l.AttachedById), ct);
        return links.Select(l => new CaseTimelineView(l.Id, l.CaseId, JsonSerializer.Deserialize<TimelineSnapshot>(l.Snapshot, TimelineService.Json)!,
            l.AttachedAt, PeopleDirectory.Resolve(people, l.AttachedById))).ToList();
    }
}
