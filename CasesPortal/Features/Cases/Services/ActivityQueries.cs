using CasesPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Cases.Services;

public sealed record UserActionView(string Id, string CaseId, string Type, string Action, string Payload, string? OldValue,
    string? CommentId, DateTimeOffset CreatedAt, PersonRef CreatedBy);

/// <summary>Reads a case's history (Kibana's user actions), filtered by type and paged in SQL.</summary>
public sealed class ActivityQueries(IDbContextFactory<CasesDbContext> dbFactory)
{
    public async Task<(IReadOnlyList<UserActionView> Actions, int Total)> FindAsync(string caseId, IReadOnlyCollection<string> types,
        bool newestFirst, int page, int perPage, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actions = db.CaseUserActions.Where(a => a.CaseId == caseId);
        if (types.Count > 0) actions = actions.Where(a => types.Contains(a.Type));
        var total = await actions.CountAsync(ct);
        var ordered = newestFirst ? actions.OrderByDescending(a => a.Sequence) : actions.OrderBy(a => a.Sequence);
        perPage = Math.Clamp(perPage, 1, 100);
        var rows = await ordered.Skip((Math.Max(page, 1) - 1) * perPage).Take(perPage).AsNoTracking().ToListAsync(ct);
        var people = await PeopleDirectory.LoadAsync(db, rows.Select(r => r.CreatedById), ct);
        return (rows.Select(r => new UserActionView(r.Id, r.CaseId, r.Type, r.Action, r.Payload, r.OldValue, r.CommentId, r.CreatedAt,
            PeopleDirectory.Resolve(people, r.CreatedById))).ToList(), total);
    }

    public async Task<bool> CaseExistsAsync(string caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Cases.AnyAsync(c => c.Id == caseId && c.DeletedAt == null, ct);
    }
}
