using CasesPortal.Data;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Cases.Services;

public sealed record CommentView(string Id, string CaseId, string Body, string Owner, DateTimeOffset CreatedAt, PersonRef CreatedBy,
    DateTimeOffset? UpdatedAt, PersonRef? UpdatedBy, string Version);

/// <summary>
/// Comments on cases. Analysts edit and delete their own, Leads and Admins anyone's; a deleted comment stays as a
/// tombstone in the history. A comment does not change the case's version, so it never conflicts with a field edit.
/// </summary>
public sealed class CommentService(IDbContextFactory<CasesDbContext> dbFactory, CaseEvents events, TimeProvider clock)
{
    public async Task<ServiceResult<CommentView>> AddAsync(CaseActor actor, string caseId, string? body, string? owner = null, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("comment on cases");
        if (CaseRules.ValidateComment(body) is { } problem) return ServiceError.Invalid(problem);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Cases.AnyAsync(c => c.Id == caseId && c.DeletedAt == null, ct)) return CaseErrors.NotFound(caseId);

        var now = clock.GetUtcNow();
        var comment = new CaseComment { CaseId = caseId, Body = body!, CreatedAt = now, CreatedById = actor.UserId, Owner = owner ?? Case.DefaultOwner };
        db.CaseComments.Add(comment);
        new CaseHistoryWriter(db, actor.UserId, now).Add(caseId, CaseActions.Comment, CaseActions.Create,
            new { comment = new { comment = comment.Body, type = "user", owner = comment.Owner } }, commentId: comment.Id);
        await db.SaveChangesAsync(ct);
        await TouchCaseAsync(db, caseId, actor.UserId, now, +1, ct);
        await tx.CommitAsync(ct);
        events.Publish(new CaseChanged(caseId, actor.UserId, "comment"));
        return ServiceResult<CommentView>.Ok((await GetAsync(caseId, comment.Id, ct))!);
    }

    public async Task<ServiceResult<CommentView>> UpdateAsync(CaseActor actor, string caseId, string commentId, string? version, string? body, CancellationToken ct = default)
    {
        if (CaseRules.ValidateComment(body) is { } problem) return ServiceError.Invalid(problem);
        if (CaseVersion.Decode(version) is not { } expected) return ServiceError.Invalid("version is required (the comment version you last read).");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var comment = await db.CaseComments.SingleOrDefaultAsync(c => c.Id == commentId && c.CaseId == caseId && c.DeletedAt == null, ct);
        if (comment is null) return ServiceError.NotFound($"Comment {commentId} not found in case {caseId}.");
        if (!MayChange(actor, comment)) return CaseErrors.Forbidden("edit other people's comments");
        if (comment.Version != expected)
            return ServiceError.Conflict($"This comment {commentId} has been updated. Please refresh before saving additional updates.");
        if (comment.Body == body) return new ServiceError(StatusCodes.Status406NotAcceptable, "All update fields are identical to current version.");

        var now = clock.GetUtcNow();
        var previous = comment.Body;
        (comment.Body, comment.UpdatedAt, comment.UpdatedById, comment.Version) = (body!, now, actor.UserId, comment.Version + 1);
        new CaseHistoryWriter(db, actor.UserId, now).Add(caseId, CaseActions.Comment, CaseActions.Update,
            new { comment = new { comment = body, type = "user", owner = comment.Owner } }, previous, commentId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceError.Conflict($"This comment {commentId} has been updated. Please refresh before saving additional updates.");
        }
        events.Publish(new CaseChanged(caseId, actor.UserId, "comment"));
        return ServiceResult<CommentView>.Ok((await GetAsync(caseId, commentId, ct))!);
    }

    public async Task<ServiceResult<int>> DeleteAsync(CaseActor actor, string caseId, string? commentId, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("delete comments");
        if (commentId is null && !actor.CanDelete) return CaseErrors.Forbidden("delete all comments of a case");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Cases.AnyAsync(c => c.Id == caseId && c.DeletedAt == null, ct)) return CaseErrors.NotFound(caseId);
        var comments = await db.CaseComments.Where(c => c.CaseId == caseId && c.DeletedAt == null && (commentId == null || c.Id == commentId)).ToListAsync(ct);
        if (commentId is not null && comments.Count == 0) return ServiceError.NotFound($"Comment {commentId} not found in case {caseId}.");
        if (comments.Any(c => !MayChange(actor, c))) return CaseErrors.Forbidden("delete other people's comments");

        var now = clock.GetUtcNow();
        var history = new CaseHistoryWriter(db, actor.UserId, now);
        foreach (var comment in comments)
        {
            (comment.DeletedAt, comment.DeletedById) = (now, actor.UserId);
            history.Add(caseId, CaseActions.Comment, CaseActions.Delete, new { comment = new { type = "user", owner = comment.Owner } }, commentId: comment.Id);
        }
        await db.SaveChangesAsync(ct);
        if (comments.Count > 0) await TouchCaseAsync(db, caseId, actor.UserId, now, -comments.Count, ct);
        await tx.CommitAsync(ct);
        events.Publish(new CaseChanged(caseId, actor.UserId, "comment"));
        return ServiceResult<int>.Ok(comments.Count);
    }

    public async Task<CommentView?> GetAsync(string caseId, string commentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await ProjectAsync(db, db.CaseComments.Where(c => c.CaseId == caseId && c.Id == commentId && c.DeletedAt == null), ct)).SingleOrDefault();
    }

    public async Task<(IReadOnlyList<CommentView> Comments, int Total)> FindAsync(string caseId, int page, int perPage, bool newestFirst, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var comments = db.CaseComments.Where(c => c.CaseId == caseId && c.DeletedAt == null);
        var total = await comments.CountAsync(ct);
        var ordered = newestFirst ? comments.OrderByDescending(c => c.CreatedAt) : comments.OrderBy(c => c.CreatedAt);
        perPage = Math.Clamp(perPage, 1, 100);
        return (await ProjectAsync(db, ordered.Skip((Math.Max(page, 1) - 1) * perPage).Take(perPage), ct), total);
    }

    /// <summary>The current text of the given comments (deleted ones absent), for the activity tab.</summary>
    public async Task<Dictionary<string, CommentView>> GetManyAsync(string caseId, IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await ProjectAsync(db, db.CaseComments.Where(c => c.CaseId == caseId && ids.Contains(c.Id) && c.DeletedAt == null), ct))
            .ToDictionary(c => c.Id);
    }

    private static bool MayChange(CaseActor actor, CaseComment comment) => actor.MayChangeComment(comment.CreatedById);

    private static Task TouchCaseAsync(CasesDbContext db, string caseId, string userId, DateTimeOffset now, int delta, CancellationToken ct) =>
        db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.CommentCount, c => c.CommentCount + delta)
            .SetProperty(c => c.UpdatedAt, now)
            .SetProperty(c => c.UpdatedById, userId), ct);

    private static async Task<List<CommentView>> ProjectAsync(CasesDbContext db, IQueryable<CaseComment> rows, CancellationToken ct)
    {
        var comments = await rows.AsNoTracking().ToListAsync(ct);
        var people = await PeopleDirectory.LoadAsync(db, comments.SelectMany(c => new[] { c.CreatedById, c.UpdatedById }), ct);
        return comments.Select(c => new CommentView(c.Id, c.CaseId, c.Body, c.Owner, c.CreatedAt, PeopleDirectory.Resolve(people, c.CreatedById),
            c.UpdatedAt, c.UpdatedById is null ? null : PeopleDirectory.Resolve(people, c.UpdatedById), CaseVersion.Encode(c.Version))).ToList();
    }
}
