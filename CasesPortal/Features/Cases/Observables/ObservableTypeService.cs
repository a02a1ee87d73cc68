using CasesPortal.Data;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Cases.Observables;

/// <summary>The observable types: Kibana's built-in ones and those administrators add (key <c>observable-type-&lt;label&gt;</c>, optional pattern).</summary>
public sealed class ObservableTypeService(IDbContextFactory<CasesDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxCustomTypes = 100;

    /// <summary>Built-in types first, then custom ones by label.</summary>
    public async Task<IReadOnlyList<ObservableTypeInfo>> AllAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var custom = await db.ObservableTypes.AsNoTracking().OrderBy(t => t.Label).ToListAsync(ct);
        return [.. ObservableRules.BuiltIn, .. custom.Select(t => new ObservableTypeInfo(t.Key, t.Label, false, t.Pattern))];
    }

    public async Task<ServiceResult<ObservableTypeInfo>> AddAsync(CaseActor actor, string? label, string? pattern, CancellationToken ct = default)
    {
        if (!actor.Roles.Contains(Roles.Admin)) return CaseErrors.Forbidden("manage observable types");
        var name = label?.Trim() ?? "";
        if (name.Length == 0) return ServiceError.Invalid("Enter a label.");
        if (name.Length > ObservableType.LabelMaxLength) return ServiceError.Invalid($"The label must be at most {ObservableType.LabelMaxLength} characters.");
        var key = ObservableRules.KeyFor(name);
        if (key.Length == ObservableRules.Prefix.Length) return ServiceError.Invalid("The label must hold at least one letter or digit.");
        if (key.Length > ObservableType.KeyMaxLength) return ServiceError.Invalid("The label is too long to make a key of it.");
        if (ObservableRules.ValidatePattern(pattern) is { } problem) return ServiceError.Invalid(problem);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var taken = ObservableRules.BuiltIn.Any(t => t.Key == key || string.Equals(t.Label, name, StringComparison.OrdinalIgnoreCase))
            || await db.ObservableTypes.AnyAsync(t => t.Key == key, ct);
        if (taken) return ServiceError.Conflict($"An observable type {key} already exists.");
        if (await db.ObservableTypes.CountAsync(ct) >= MaxCustomTypes) return ServiceError.Invalid($"At most {MaxCustomTypes} custom types can be defined.");
        var row = new ObservableType
        {
            Key = key, Label = name, Pattern = string.IsNullOrWhiteSpace(pattern) ? null : pattern.Trim(),
            CreatedAt = clock.GetUtcNow(), CreatedById = actor.UserId,
        };
        db.ObservableTypes.Add(row);
        await db.SaveChangesAsync(ct);
        return ServiceResult<ObservableTypeInfo>.Ok(new ObservableTypeInfo(row.Key, row.Label, false, row.Pattern));
    }

    /// <summary>Removes a custom type no observable uses (409 naming how many do).</summary>
    public async Task<ServiceResult<int>> DeleteAsync(CaseActor actor, string key, CancellationToken ct = default)
    {
        if (!actor.Roles.Contains(Roles.Admin)) return CaseErrors.Forbidden("manage observable types");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ObservableTypes.SingleOrDefaultAsync(t => t.Key == key, ct) is not { } row)
            return ServiceError.NotFound($"Observable type {key} not found (built-in types cannot be removed).");
        var used = await db.CaseObservables.CountAsync(o => o.TypeKey == key, ct);
        if (used > 0) return ServiceError.Conflict($"{row.Label} is used by {used:N0} observable{(used == 1 ? "" : "s")}; remove them first.");
        db.ObservableTypes.Remove(row);
        await db.SaveChangesAsync(ct);
        return ServiceResult<int>.Ok(1);
    }
}
