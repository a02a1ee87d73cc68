using CasesPortal.Data;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Cases.Services;

/// <summary>
/// Creates, changes, deletes and restores cases. Every change is checked against the caller's roles and the version
/// they saw, and written with its history lines in one transaction; open pages hear about it afterwards.
/// </summary>
public sealed class CaseService(IDbContextFactory<CasesDbContext> dbFactory, CaseQueries queries, CaseEvents events, TimeProvider clock)
{
    public const int MaxBatch = 100;
    public static readonly TimeSpan TrashRetention = TimeSpan.FromDays(30);

    public Task<ServiceResult<CaseView>> CreateAsync(CaseActor actor, NewCase input, CancellationToken ct = default) =>
        CreateAsync(actor, input, null, ct);

    /// <summary>
    /// Creates a case; <paramref name="alsoInTransaction"/> (e.g. attaching evidence) runs in the same transaction once
    /// the case is written, and an error from it leaves no case behind.
    /// </summary>
    public async Task<ServiceResult<CaseView>> CreateAsync(CaseActor actor, NewCase input,
        Func<CasesDbContext, Case, DateTimeOffset, CancellationToken, Task<ServiceError?>>? alsoInTransaction, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("create cases");
        var (tags, tagProblem) = CaseRules.NormalizeTags(input.Tags);
        var problem = CaseRules.ValidateTitle(input.Title) ?? CaseRules.ValidateDescription(input.Description)
            ?? CaseRules.ValidateCategory(input.Category) ?? tagProblem;
        if (problem is not null) return ServiceError.Invalid(problem);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assignees = input.AssigneeIds?.Distinct().ToList() ?? [];
        if (await CaseAssigneeRules.ValidateAsync(db, assignees, ct) is { } assigneeProblem) return ServiceError.Invalid(assigneeProblem);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Dialect.LockCaseNumbersAsync(db, ct);
        var now = clock.GetUtcNow();
        var item = new Case
        {
            Number = (await db.Cases.MaxAsync(c => (long?)c.Number, ct) ?? 0) + 1,
            Title = input.Title!.Trim(),
            Description = input.Description ?? "",
            Severity = input.Severity,
            Category = CaseRules.NormalizeCategory(input.Category),
            SyncAlerts = input.SyncAlerts,
            ExtractObservables = input.ExtractObservables,
            Owner = string.IsNullOrWhiteSpace(input.Owner) ? Case.DefaultOwner : input.Owner.Trim(),
            CreatedAt = now,
            CreatedById = actor.UserId,
            Tags = tags.Select(t => new CaseTag { Tag = t, NormalizedTag = CaseRules.NormalizeTag(t) }).ToList(),
            Assignees = assignees.Select(id => new CaseAssignee { UserId = id }).ToList(),
        };
        db.Cases.Add(item);
        await Connectors.Configure.CasesConfigurationService.ApplyDefaultAsync(db, item.Id, ct);
        db.CaseStatusPeriods.Add(new CaseStatusPeriod { CaseId = item.Id, Status = CaseStatus.Open, StartedAt = now });
        new CaseHistoryWriter(db, actor.UserId, now).Add(item.Id, CaseActions.CreateCase, CaseActions.Create, new
        {
            title = item.Title,
            description = item.Description,
            tags,
            severity = CaseNames.Of(item.Severity),
            status = CaseNames.Of(CaseStatus.Open),
            assignees = assignees.Select(uid => new { uid }),
            category = item.Category,
            settings = new { syncAlerts = item.SyncAlerts, extractObservables = item.ExtractObservables },
            owner = item.Owner,
        });
        await db.SaveChangesAsync(ct);
        if (alsoInTransaction is not null && await alsoInTransaction(db, item, now, ct) is { } failure) return failure;
        await tx.CommitAsync(ct);

        events.Publish(new CaseChanged(item.Id, actor.UserId, "created"));
        return ServiceResult<CaseView>.Ok((await queries.GetAsync(item.Id, ct))!);
    }

    /// <summary>Applies a batch of changes all-or-nothing, as Kibana's PATCH: any stale version refuses the whole batch.</summary>
    public async Task<ServiceResult<IReadOnlyList<CaseView>>> UpdateAsync(CaseActor actor, IReadOnlyList<CaseChanges> batch, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("update cases");
        if (batch.Count == 0) return ServiceError.Invalid("cases must hold at least one case to update.");
        if (batch.Count > MaxBatch) return ServiceError.Invalid($"at most {MaxBatch} cases can be updated in one request (got {batch.Count}).");
        if (batch.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return ServiceError.Invalid($"case {twice.Key} appears more than once in the request.");
        foreach (var change in batch)
            if (CaseChangeApplier.Validate(change) is { } problem) return ServiceError.Invalid(problem);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = batch.Select(c => c.Id).ToList();
        var cases = await db.Cases.Include(c => c.Tags).Include(c => c.Assignees).AsSplitQuery()
            .Where(c => ids.Contains(c.Id) && c.DeletedAt == null).ToDictionaryAsync(c => c.Id, ct);
        if (ids.FirstOrDefault(id => !cases.ContainsKey(id)) is { } missing) return CaseErrors.NotFound(missing);

        var stale = batch.Where(c => CaseVersion.Decode(c.Version) != cases[c.Id].Version).Select(c => c.Id).ToList();
        if (stale.Count > 0) return CaseErrors.Stale(stale);

        var now = clock.GetUtcNow();
        var history = new CaseHistoryWriter(db, actor.UserId, now);
        var applier = new CaseChangeApplier(db, history, actor.UserId, now);
        var changed = new List<string>();
        foreach (var change in batch)
        {
            var before = history.Count;
            if (await applier.ApplyAsync(cases[change.Id], change, ct) is { } problem) return ServiceError.Invalid(problem);
            if (history.Count == before) continue;
            var item = cases[change.Id];
            (item.UpdatedAt, item.UpdatedById, item.Version) = (now, actor.UserId, item.Version + 1);
            changed.Add(item.Id);
        }
        if (changed.Count == 0) return new ServiceError(StatusCodes.Status406NotAcceptable, "All update fields are identical to current version.");

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CaseErrors.Stale(changed);
        }

        foreach (var id in changed) events.Publish(new CaseChanged(id, actor.UserId, "updated"));
        await using var read = await dbFactory.CreateDbContextAsync(ct);
        var views = await CaseQueries.ProjectAsync(read, read.Cases.Where(c => ids.Contains(c.Id)), ct);
        return ServiceResult<IReadOnlyList<CaseView>>.Ok(ids.Select(id => views.Single(v => v.Id == id)).ToList());
    }

    /// <summary>Moves cases to the Trash (kept 30 days, restorable by Leads and Admins).</summary>
    public async Task<ServiceResult<int>> DeleteAsync(CaseActor actor, IReadOnlyList<string> ids, CancellationToken ct = default)
    {
        if (!actor.CanDelete) return CaseErrors.Forbidden("delete cases");
        if (ids.Count == 0) return ServiceError.Invalid("ids must name at least one case.");
        if (ids.Count > MaxBatch) return ServiceError.Invalid($"at most {MaxBatch} cases can be deleted in one request (got {ids.Count}).");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var distinct = ids.Distinct().ToList();
        var cases = await db.Cases.Where(c => distinct.Contains(c.Id) && c.DeletedAt == null).ToListAsync(ct);
        if (distinct.FirstOrDefault(id => cases.All(c => c.Id != id)) is { } missing) return CaseErrors.NotFound(missing);

        var now = clock.GetUtcNow();
        var history = new CaseHistoryWriter(db, actor.UserId, now);
        foreach (var item in cases)
        {
            (item.DeletedAt, item.DeletedById) = (now, actor.UserId);
            history.Add(item.Id, CaseActions.DeleteCase, CaseActions.Delete, new { });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var item in cases) events.Publish(new CaseChanged(item.Id, actor.UserId, "deleted"));
        return ServiceResult<int>.Ok(cases.Count);
    }

    public async Task<ServiceResult<CaseView>> RestoreAsync(CaseActor actor, string id, CancellationToken ct = default)
    {
        if (!actor.CanDelete) return CaseErrors.Forbidden("restore cases");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Cases.SingleOrDefaultAsync(c => c.Id == id && c.DeletedAt != null, ct);
        if (item is null) return ServiceError.NotFound($"Case {id} is not in the Trash.");
        var now = clock.GetUtcNow();
        (item.DeletedAt, item.DeletedById, item.UpdatedAt, item.UpdatedById, item.Version) = (null, null, now, actor.UserId, item.Version + 1);
        new CaseHistoryWriter(db, actor.UserId, now).Add(item.Id, CaseActions.DeleteCase, CaseActions.Create, new { restored = true });
        await db.SaveChangesAsync(ct);
        events.Publish(new CaseChanged(item.Id, actor.UserId, "restored"));
        return ServiceResult<CaseView>.Ok((await queries.GetAsync(id, ct))!);
    }

    public async Task<IReadOnlyList<TrashedCase>> TrashAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Cases.Where(c => c.DeletedAt != null).OrderByDescending(c => c.DeletedAt)
            .Select(c => new { c.Id, c.Number, c.Title, c.DeletedAt, c.DeletedById }).ToListAsync(ct);
        var people = await PeopleDirectory.LoadAsync(db, rows.Select(r => r.DeletedById), ct);
        return rows.Select(r => new TrashedCase(r.Id, r.Number, r.Title, r.DeletedAt!.Value, PeopleDirectory.Resolve(people, r.DeletedById!),
            r.DeletedAt.Value + TrashRetention)).ToList();
    }

    /// <summary>Removes cases that have been in the Trash longer than the retention, with their comments and history.</summary>
    public async Task<int> PurgeTrashAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cutoff = clock.GetUtcNow() - TrashRetention;
        return await db.Cases.Where(c => c.DeletedAt != null && c.DeletedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}

public sealed record TrashedCase(string Id, long Number, string Title, DateTimeOffset DeletedAt, PersonRef DeletedBy, DateTimeOffset PurgedAt);
