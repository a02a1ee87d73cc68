using CasesPortal.Data;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Cases.Observables;

/// <summary>
/// The observables of cases: added by hand or pasted in bulk, edited, flagged (IOC, TLP) and removed. Viewers read;
/// Analysts, Leads and Admins write. Each action is one history line (type <c>observable</c>, payload
/// <c>{"observables":N}</c>) in the same transaction, and open case pages hear about it.
/// </summary>
public sealed class ObservableService(IDbContextFactory<CasesDbContext> dbFactory, ObservableTypeService types, CaseEvents events, TimeProvider clock)
{
    public const int MaxPerPage = 100;
    public const int MaxPastedLines = 1_000;
    public const string AlreadyExists = "Observable already exists";

    public async Task<ServiceResult<ObservableView>> AddAsync(CaseActor actor, string caseId, NewObservable input, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("add observables to cases");
        var all = await types.AllAsync(ct);
        var (row, problem) = Build(all, input, CaseObservable.ManualSource, actor.UserId, clock.GetUtcNow());
        if (problem is not null) return ServiceError.Invalid(problem);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await LiveAsync(db, caseId, ct)) return CaseErrors.NotFound(caseId);
        if (await db.CaseObservables.AnyAsync(o => o.CaseId == caseId && o.TypeKey == row!.TypeKey && o.Value == row.Value, ct))
            return ServiceError.Invalid(AlreadyExists);
        row!.CaseId = caseId;
        db.CaseObservables.Add(row);
        await FinishAsync(db, actor, caseId, CaseActions.Add, 1, ct);
        await tx.CommitAsync(ct);
        events.Publish(new CaseChanged(caseId, actor.UserId, "observables"));
        return ServiceResult<ObservableView>.Ok(await ViewAsync(db, row, all, ct));
    }

    /// <summary>Types each pasted line (the override when given, else detected) and says what it would store or why not; nothing is saved.</summary>
    public async Task<IReadOnlyList<PastedLine>> PreviewAsync(string text, IReadOnlyDictionary<int, string>? overrides = null, CancellationToken ct = default) =>
        Preview(text, await types.AllAsync(ct), overrides);

    /// <summary>The same, with the types already loaded (the paste dialog previews as the analyst types).</summary>
    public static IReadOnlyList<PastedLine> Preview(string? text, IReadOnlyList<ObservableTypeInfo> all, IReadOnlyDictionary<int, string>? overrides = null)
    {
        var lines = (text ?? "").Split('\n').Select(l => l.Trim()).ToList();
        var result = new List<PastedLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length == 0) continue;
            var key = overrides?.GetValueOrDefault(i + 1) ?? ObservableRules.Detect(lines[i]);
            if (key is null) { result.Add(new(i + 1, lines[i], null, null, "Type not recognised: choose one.")); continue; }
            var type = all.FirstOrDefault(t => t.Key == key);
            var (value, problem) = type is null ? (null, $"Unknown observable type {key}.") : ObservableRules.Normalize(type, lines[i]);
            result.Add(new(i + 1, lines[i], key, value, problem));
        }
        return result;
    }

    /// <summary>Adds many values in one action (one history line); duplicates and invalid lines are skipped and counted.</summary>
    public async Task<ServiceResult<PasteOutcome>> AddManyAsync(CaseActor actor, string caseId, IReadOnlyList<NewObservable> inputs, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("add observables to cases");
        if (inputs.Count == 0) return ServiceError.Invalid("Paste at least one value.");
        if (inputs.Count > MaxPastedLines) return ServiceError.Invalid($"At most {MaxPastedLines:N0} values can be added at once (got {inputs.Count:N0}).");
        var all = await types.AllAsync(ct);
        var now = clock.GetUtcNow();
        var invalid = new List<string>();
        var rows = new List<CaseObservable>();
        foreach (var input in inputs)
        {
            var (row, problem) = Build(all, input, CaseObservable.ManualSource, actor.UserId, now);
            if (problem is not null) invalid.Add($"{input.Value?.Trim()}: {problem}");
            else rows.Add(row!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await LiveAsync(db, caseId, ct)) return CaseErrors.NotFound(caseId);
        var existing = await ExistingKeysAsync(db, caseId, ct);
        var added = rows.Where(r => existing.Add((r.TypeKey, r.Value))).ToList();
        var duplicates = rows.Count - added.Count;
        if (added.Count > 0)
        {
            foreach (var row in added) row.CaseId = caseId;
            db.CaseObservables.AddRange(added);
            await FinishAsync(db, actor, caseId, CaseActions.Add, added.Count, ct);
            await tx.CommitAsync(ct);
            events.Publish(new CaseChanged(caseId, actor.UserId, "observables"));
        }
        return ServiceResult<PasteOutcome>.Ok(new PasteOutcome(added.Count, duplicates, invalid));
    }

    public async Task<ServiceResult<ObservableView>> UpdateAsync(CaseActor actor, string caseId, string observableId, ObservableChanges changes,
        CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("change observables");
        if (changes.Description is { Length: > CaseObservable.DescriptionMaxLength })
            return ServiceError.Invalid($"The description must be at most {CaseObservable.DescriptionMaxLength:N0} characters.");
        var all = await types.AllAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await LiveAsync(db, caseId, ct)) return CaseErrors.NotFound(caseId);
        var row = await db.CaseObservables.SingleOrDefaultAsync(o => o.Id == observableId && o.CaseId == caseId, ct);
        if (row is null) return ServiceError.NotFound($"Observable {observableId} not found in case {caseId}.");
        var typeKey = changes.TypeKey?.Trim() ?? row.TypeKey;
        if (all.FirstOrDefault(t => t.Key == typeKey) is not { } type) return ServiceError.Invalid(UnknownType(typeKey));
        var (value, problem) = ObservableRules.Normalize(type, changes.Value ?? row.Value);
        if (problem is not null) return ServiceError.Invalid(problem);
        if ((typeKey != row.TypeKey || value != row.Value)
            && await db.CaseObservables.AnyAsync(o => o.CaseId == caseId && o.TypeKey == typeKey && o.Value == value && o.Id != row.Id, ct))
            return ServiceError.Invalid(AlreadyExists);
        (row.TypeKey, row.Value) = (typeKey, value!);
        if (changes.Description is { } description) row.Description = Blank(description);
        if (changes.IsIoc is { } ioc) row.IsIoc = ioc;
        if (changes.Tlp is { } tlp) row.Tlp = tlp;
        (row.UpdatedAt, row.UpdatedById) = (clock.GetUtcNow(), actor.UserId);
        await FinishAsync(db, actor, caseId, CaseActions.Update, 1, ct);
        await tx.CommitAsync(ct);
        events.Publish(new CaseChanged(caseId, actor.UserId, "observables"));
        return ServiceResult<ObservableView>.Ok(await ViewAsync(db, row, all, ct));
    }

    /// <summary>Marks the given observables as IOC or not and/or sets their TLP, in one action.</summary>
    public async Task<ServiceResult<int>> MarkAsync(CaseActor actor, string caseId, IReadOnlyList<string> ids, bool? isIoc, Tlp? tlp, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("change observables");
        if (ids.Count == 0 || (isIoc is null && tlp is null)) return ServiceError.Invalid("Select observables and what to set.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await LiveAsync(db, caseId, ct)) return CaseErrors.NotFound(caseId);
        var now = clock.GetUtcNow();
        var rows = db.CaseObservables.Where(o => o.CaseId == caseId && ids.Contains(o.Id));
        var changed = await rows.ExecuteUpdateAsync(set => set
            .SetProperty(o => o.IsIoc, o => isIoc ?? o.IsIoc).SetProperty(o => o.Tlp, o => tlp ?? o.Tlp)
            .SetProperty(o => o.UpdatedAt, now).SetProperty(o => o.UpdatedById, actor.UserId), ct);
        if (changed == 0) return ServiceError.NotFound("None of the selected observables is in this case any more.");
        await FinishAsync(db, actor, caseId, CaseActions.Update, changed, ct);
        await tx.CommitAsync(ct);
        events.Publish(new CaseChanged(caseId, actor.UserId, "observables"));
        return ServiceResult<int>.Ok(changed);
    }

    public async Task<ServiceResult<int>> DeleteAsync(CaseActor actor, string caseId, IReadOnlyList<string> ids, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("remove observables from cases");
        if (ids.Count == 0) return ServiceError.Invalid("Name at least one observable to remove.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await LiveAsync(db, caseId, ct)) return CaseErrors.NotFound(caseId);
        var rows = db.CaseObservables.Where(o => o.CaseId == caseId && ids.Contains(o.Id));
        var found = await rows.Select(o => o.Id).ToListAsync(ct);
        if (ids.FirstOrDefault(id => !found.Contains(id)) is { } missing) return ServiceError.NotFound($"Observable {missing} not found in case {caseId}.");
        var removed = await rows.ExecuteDeleteAsync(ct);
        await FinishAsync(db, actor, caseId, CaseActions.Delete, removed, ct);
        await tx.CommitAsync(ct);
        events.Publish(new CaseChanged(caseId, actor.UserId, "observables"));
        return ServiceResult<int>.Ok(removed);
    }

    /// <summary>A page of the case's observables, newest first; null when the case is unknown or in the Trash.</summary>
    public async Task<ObservablePage?> ListAsync(string caseId, ObservableFilter filter, int page = 1, int perPage = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await LiveAsync(db, caseId, ct)) return null;
        var rows = Filtered(db, caseId, filter);
        var total = await rows.CountAsync(ct);
        var size = Math.Clamp(perPage, 1, MaxPerPage);
        var items = await rows.OrderByDescending(o => o.CreatedAt).ThenBy(o => o.TypeKey).ThenBy(o => o.Value)
            .Skip((Math.Max(page, 1) - 1) * size).Take(size).AsNoTracking().ToListAsync(ct);
        return new ObservablePage(await ViewsAsync(db, items, await types.AllAsync(ct), ct), total);
    }

    /// <summary>All the case's observables in the export order (type, value); null for an unknown case.</summary>
    public async Task<IReadOnlyList<ObservableView>?> AllAsync(string caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await LiveAsync(db, caseId, ct)) return null;
        var items = await db.CaseObservables.AsNoTracking().Where(o => o.CaseId == caseId).OrderBy(o => o.TypeKey).ThenBy(o => o.Value).ToListAsync(ct);
        return await ViewsAsync(db, items, await types.AllAsync(ct), ct);
    }

    /// <summary>The observables of a page of cases in one query, for the case JSON.</summary>
    internal static async Task<ILookup<string, ObservableSummary>> ForCasesAsync(CasesDbContext db, IReadOnlyList<string> caseIds, CancellationToken ct)
    {
        var rows = await db.CaseObservables.Where(o => caseIds.Contains(o.CaseId)).OrderBy(o => o.CreatedAt).ThenBy(o => o.Value)
            .Select(o => new { o.CaseId, Summary = new ObservableSummary(o.Id, o.TypeKey, o.Value, o.Description, o.CreatedAt, o.UpdatedAt) })
            .ToListAsync(ct);
        return rows.ToLookup(r => r.CaseId, r => r.Summary);
    }

    internal static async Task<HashSet<(string, string)>> ExistingKeysAsync(CasesDbContext db, string caseId, CancellationToken ct) =>
        (await db.CaseObservables.Where(o => o.CaseId == caseId).Select(o => new { o.TypeKey, o.Value }).ToListAsync(ct))
            .Select(o => (o.TypeKey, o.Value)).ToHashSet();

    private static IQueryable<CaseObservable> Filtered(CasesDbContext db, string caseId, ObservableFilter filter)
    {
        var rows = db.CaseObservables.Where(o => o.CaseId == caseId);
        if (!string.IsNullOrEmpty(filter.TypeKey)) rows = rows.Where(o => o.TypeKey == filter.TypeKey);
        if (filter.IocOnly) rows = rows.Where(o => o.IsIoc);
        return rows;
    }

    private static (CaseObservable? Row, string? Problem) Build(IReadOnlyList<ObservableTypeInfo> all, NewObservable input, string source, string userId,
        DateTimeOffset now)
    {
        var key = input.TypeKey?.Trim() ?? "";
        if (key.Length == 0) return (null, "typeKey is required (e.g. observable-type-ipv4).");
        if (all.FirstOrDefault(t => t.Key == key) is not { } type) return (null, UnknownType(key));
        if (input.Description is { Length: > CaseObservable.DescriptionMaxLength })
            return (null, $"The description must be at most {CaseObservable.DescriptionMaxLength:N0} characters.");
        var (value, problem) = ObservableRules.Normalize(type, input.Value);
        if (problem is not null) return (null, problem);
        return (new CaseObservable
        {
            TypeKey = key, Value = value!, Description = Blank(input.Description), IsIoc = input.IsIoc, Tlp = input.Tlp,
            Source = source, CreatedAt = now, CreatedById = userId,
        }, null);
    }

    private static string UnknownType(string key) => $"Unknown observable type {key}: use one of the built-in types (e.g. {ObservableRules.Ipv4}) or a type an administrator added.";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task FinishAsync(CasesDbContext db, CaseActor actor, string caseId, string action, int count, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        new CaseHistoryWriter(db, actor.UserId, now).Add(caseId, CaseActions.Observable, action, new { observables = count });
        await db.SaveChangesAsync(ct);
        await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(set => set.SetProperty(c => c.UpdatedAt, now).SetProperty(c => c.UpdatedById, actor.UserId), ct);
    }

    private static Task<bool> LiveAsync(CasesDbContext db, string caseId, CancellationToken ct) =>
        db.Cases.AnyAsync(c => c.Id == caseId && c.DeletedAt == null, ct);

    private static async Task<ObservableView> ViewAsync(CasesDbContext db, CaseObservable row, IReadOnlyList<ObservableTypeInfo> all, CancellationToken ct) =>
        (await ViewsAsync(db, [row], all, ct))[0];

    private static async Task<List<ObservableView>> ViewsAsync(CasesDbContext db, IReadOnlyList<CaseObservable> rows, IReadOnlyList<ObservableTypeInfo> all,
        CancellationToken ct)
    {
        var people = await PeopleDirectory.LoadAsync(db, rows.Select(r => r.CreatedById), ct);
        var labels = all.ToDictionary(t => t.Key, t => t.Label);
        return rows.Select(r => new ObservableView(r.Id, r.CaseId, r.TypeKey, labels.GetValueOrDefault(r.TypeKey, r.TypeKey), r.Value, r.Description,
            r.IsIoc, r.Tlp, r.Source, r.CreatedAt, PeopleDirectory.Resolve(people, r.CreatedById), r.UpdatedAt)).ToList();
    }
}
