using CasesPortal.Data;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Observables;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Cases.Services;

/// <summary>Reads cases: one case, the filtered list with its figures, and the values filters suggest. All filtering is SQL.</summary>
public sealed class CaseQueries(IDbContextFactory<CasesDbContext> dbFactory, TimeProvider clock)
{
    public async Task<CaseView?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await ProjectAsync(db, db.Cases.Where(c => c.Id == id && c.DeletedAt == null), ct)).SingleOrDefault();
    }

    public async Task<CaseView?> GetByNumberAsync(long number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await ProjectAsync(db, db.Cases.Where(c => c.Number == number && c.DeletedAt == null), ct)).SingleOrDefault();
    }

    public async Task<CaseFindResult> FindAsync(CaseQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var withoutStatus = await MatchingAsync(db, query, ct);
        // One pass gives the status counts and the time-to-close sums, so the mean over the chosen statuses needs no second scan.
        var counts = await withoutStatus.GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Closes = g.Count(c => c.DurationSeconds != null), Seconds = g.Sum(c => (double?)c.DurationSeconds) })
            .ToListAsync(ct);
        int Count(CaseStatus s) => counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0;

        var filtered = query.Statuses.Count > 0 ? withoutStatus.Where(c => query.Statuses.Contains(c.Status)) : withoutStatus;
        var chosen = query.Statuses.Count > 0 ? counts.Where(c => query.Statuses.Contains(c.Status)).ToList() : counts;
        var total = chosen.Sum(c => c.Count);
        var closes = chosen.Sum(c => c.Closes);
        double? averageToClose = closes == 0 ? null : chosen.Sum(c => c.Seconds ?? 0) / closes;

        var perPage = Math.Clamp(query.PerPage, 1, CaseQuery.MaxPerPage);
        var page = Math.Max(1, query.Page);
        var rows = Sort(filtered, query.Sort, query.Descending).Skip((page - 1) * perPage).Take(perPage);
        var cases = await ProjectAsync(db, rows, ct);
        return new CaseFindResult(cases, page, perPage, total, Count(CaseStatus.Open), Count(CaseStatus.InProgress), Count(CaseStatus.Closed), averageToClose);
    }

    /// <summary>How many cases match the query's filters, statuses included, without reading any of them.</summary>
    public async Task<int> CountAsync(CaseQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matching = await MatchingAsync(db, query, ct);
        return await (query.Statuses.Count > 0 ? matching.Where(c => query.Statuses.Contains(c.Status)) : matching).CountAsync(ct);
    }

    /// <summary>The cases matching every filter but the statuses.</summary>
    private async Task<IQueryable<Case>> MatchingAsync(CasesDbContext db, CaseQuery query, CancellationToken ct)
    {
        var matching = Filter(db, query);
        if (query.SlaStates.Count == 0) return matching;
        var targets = await db.SlaTargets.AsNoTracking().ToDictionaryAsync(t => t.Severity, ct);
        return matching.Where(Metrics.Sla.SlaService.Matching(targets, query.SlaStates, clock.GetUtcNow()));
    }

    public async Task<IReadOnlyList<string>> TagsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tags = await db.CaseTags.Where(t => db.Cases.Any(c => c.Id == t.CaseId && c.DeletedAt == null))
            .GroupBy(t => t.NormalizedTag).Select(g => g.Min(t => t.Tag)!).ToListAsync(ct);
        return tags.Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<IReadOnlyList<string>> CategoriesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var categories = await db.Cases.Where(c => c.DeletedAt == null && c.Category != null).Select(c => c.Category!).Distinct().ToListAsync(ct);
        return categories.Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<IReadOnlyList<PersonRef>> ReportersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Cases.Where(c => c.DeletedAt == null).Select(c => c.CreatedById).Distinct().ToListAsync(ct);
        return (await PeopleDirectory.LoadAsync(db, ids, ct)).Values.OrderBy(p => p.DisplayName, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Accounts that can be assigned (enabled), for pickers.</summary>
    public async Task<IReadOnlyList<PersonRef>> AssignableAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => !u.IsDisabled).OrderBy(u => u.DisplayName)
            .Select(u => new PersonRef(u.Id, u.Email!, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>How the given accounts are shown (disabled ones included), for history lines that name people by id.</summary>
    public async Task<IReadOnlyDictionary<string, PersonRef>> PeopleAsync(IEnumerable<string> ids, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PeopleDirectory.LoadAsync(db, ids, ct);
    }

    /// <summary>Number and title of the given cases, those in the Trash included, for history lines that point to other cases.</summary>
    public async Task<IReadOnlyDictionary<string, CaseLink>> LinksAsync(IEnumerable<string> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return new Dictionary<string, CaseLink>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Cases.Where(c => wanted.Contains(c.Id)).Select(c => new CaseLink(c.Id, c.Number, c.Title)).ToDictionaryAsync(c => c.Id, ct);
    }

    /// <summary>Maps account keys as API clients send them (account id or email) to account ids; unknown keys stay as given.</summary>
    public async Task<List<string>> ResolveAccountsAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        if (keys.Count == 0) return [];
        var normalized = keys.Select(k => k.Trim().ToUpperInvariant()).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Users.Where(u => keys.Contains(u.Id) || normalized.Contains(u.NormalizedEmail!))
            .Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct);
        return keys.Select(k => found.FirstOrDefault(u => u.Id == k || u.NormalizedEmail == k.Trim().ToUpperInvariant())?.Id ?? k).ToList();
    }

    /// <summary>Cases closed as duplicates of this one, for the link shown on both.</summary>
    public async Task<IReadOnlyList<CaseLink>> DuplicatesOfAsync(string caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Cases.Where(c => c.DuplicateOfId == caseId && c.DeletedAt == null).OrderBy(c => c.Number)
            .Select(c => new CaseLink(c.Id, c.Number, c.Title)).ToListAsync(ct);
    }

    /// <summary>Live cases matching every filter of a query except its statuses.</summary>
    internal static IQueryable<Case> Filter(CasesDbContext db, CaseQuery q)
    {
        var cases = db.Cases.Where(c => c.DeletedAt == null);
        if (q.Severities.Count > 0) cases = cases.Where(c => q.Severities.Contains(c.Severity));
        if (q.Categories.Count > 0) cases = cases.Where(c => c.Category != null && q.Categories.Contains(c.Category));
        if (q.CloseReasons.Count > 0) cases = cases.Where(c => c.CloseReason != null && q.CloseReasons.Contains(c.CloseReason.Value));
        if (q.ReporterIds.Count > 0) cases = cases.Where(c => q.ReporterIds.Contains(c.CreatedById));
        if (q.CreatedFrom is { } from) cases = cases.Where(c => c.CreatedAt >= from);
        if (q.CreatedTo is { } to) cases = cases.Where(c => c.CreatedAt <= to);
        if (q.ClosedFrom is { } closedFrom) cases = cases.Where(c => c.ClosedAt >= closedFrom);
        if (q.ClosedTo is { } closedTo) cases = cases.Where(c => c.ClosedAt <= closedTo);
        if (q.Tags.Count > 0)
        {
            var tags = q.Tags.Select(CaseRules.NormalizeTag).ToList();
            cases = cases.Where(c => db.CaseTags.Any(t => t.CaseId == c.Id && tags.Contains(t.NormalizedTag)));
        }
        if (q.AssigneeIds.Count > 0)
        {
            var ids = q.AssigneeIds.Where(id => id != CaseQuery.Unassigned).ToList();
            var unassigned = q.AssigneeIds.Contains(CaseQuery.Unassigned);
            cases = cases.Where(c => (unassigned && !db.CaseAssignees.Any(a => a.CaseId == c.Id))
                || db.CaseAssignees.Any(a => a.CaseId == c.Id && ids.Contains(a.UserId)));
        }
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var text = q.Search.Trim();
            var pattern = $"%{text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            long? number = long.TryParse(text.TrimStart('#'), out var n) ? n : null;
            cases = cases.Where(c => c.Number == number
                || EF.Functions.Like(c.Title, pattern, "\\") || EF.Functions.Like(c.Description, pattern, "\\"));
        }
        return cases;
    }

    private static IQueryable<Case> Sort(IQueryable<Case> cases, CaseSortField field, bool descending) => (field, descending) switch
    {
        (CaseSortField.UpdatedAt, true) => cases.OrderByDescending(c => c.UpdatedAt ?? c.CreatedAt).ThenByDescending(c => c.Number),
        (CaseSortField.UpdatedAt, false) => cases.OrderBy(c => c.UpdatedAt ?? c.CreatedAt).ThenBy(c => c.Number),
        (CaseSortField.ClosedAt, true) => cases.OrderByDescending(c => c.ClosedAt).ThenByDescending(c => c.Number),
        (CaseSortField.ClosedAt, false) => cases.OrderBy(c => c.ClosedAt).ThenBy(c => c.Number),
        (CaseSortField.Title, true) => cases.OrderByDescending(c => c.Title).ThenByDescending(c => c.Number),
        (CaseSortField.Title, false) => cases.OrderBy(c => c.Title).ThenBy(c => c.Number),
        (CaseSortField.Severity, true) => cases.OrderByDescending(c => c.Severity).ThenByDescending(c => c.Number),
        (CaseSortField.Severity, false) => cases.OrderBy(c => c.Severity).ThenBy(c => c.Number),
        (CaseSortField.Status, true) => cases.OrderByDescending(c => c.Status).ThenByDescending(c => c.Number),
        (CaseSortField.Status, false) => cases.OrderBy(c => c.Status).ThenBy(c => c.Number),
        (_, false) => cases.OrderBy(c => c.Number),
        _ => cases.OrderByDescending(c => c.Number),
    };

    /// <summary>Turns case rows into views with ten queries in all (cases with tags and assignees, people, duplicate targets, alert, event and indicator counts, observables, connector, last push).</summary>
    internal static async Task<List<CaseView>> ProjectAsync(CasesDbContext db, IQueryable<Case> rows, CancellationToken ct)
    {
        var cases = await rows.AsNoTracking().Include(c => c.Tags).Include(c => c.Assignees).AsSplitQuery().ToListAsync(ct);
        if (cases.Count == 0) return [];
        var people = await PeopleDirectory.LoadAsync(db,
            cases.SelectMany(c => c.Assignees.Select(a => a.UserId).Append(c.CreatedById).Append(c.UpdatedById).Append(c.ClosedById)), ct);
        var duplicateIds = cases.Where(c => c.DuplicateOfId != null).Select(c => c.DuplicateOfId!).Distinct().ToList();
        var duplicates = duplicateIds.Count == 0 ? [] : await db.Cases.Where(c => duplicateIds.Contains(c.Id))
            .Select(c => new CaseLink(c.Id, c.Number, c.Title)).ToDictionaryAsync(c => c.Id, ct);

        var ids = cases.Select(c => c.Id).ToList();
        var alerts = await db.CaseAlertFacets.Where(f => f.Kind == AlertFacetKind.All && ids.Contains(f.CaseId))
            .ToDictionaryAsync(f => f.CaseId, f => f.Alerts, ct);
        var events = await db.CaseEvents.Where(l => ids.Contains(l.CaseId)).GroupBy(l => l.CaseId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var indicators = await db.CaseIndicators.Where(l => ids.Contains(l.CaseId)).GroupBy(l => l.CaseId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var observables = await ObservableService.ForCasesAsync(db, ids, ct);
        var connectors = await Connectors.Push.ExternalIncidentQueries.ChosenAsync(db, ids, ct);
        var pushed = await Connectors.Push.ExternalIncidentQueries.LastPushedAsync(db, ids, ct);

        PersonRef? Maybe(string? id) => id is null ? null : PeopleDirectory.Resolve(people, id);
        return cases.Select(c => new CaseView(
            c.Id, c.Number, c.Title, c.Description, c.Status, c.Severity,
            c.Tags.Select(t => t.Tag).Order(StringComparer.OrdinalIgnoreCase).ToList(),
            c.Assignees.Select(a => PeopleDirectory.Resolve(people, a.UserId)).OrderBy(p => p.DisplayName).ToList(),
            c.Category, c.SyncAlerts, c.Owner, c.CloseReason, c.CloseReasonNote,
            c.DuplicateOfId is { } dup && duplicates.TryGetValue(dup, out var link) ? link : null,
            c.CreatedAt, PeopleDirectory.Resolve(people, c.CreatedById), c.UpdatedAt, Maybe(c.UpdatedById),
            c.ClosedAt, Maybe(c.ClosedById), c.DurationSeconds, c.CommentCount,
            alerts.GetValueOrDefault(c.Id), events.GetValueOrDefault(c.Id), indicators.GetValueOrDefault(c.Id), CaseVersion.Encode(c.Version))
        {
            ExtractObservables = c.ExtractObservables,
            Observables = observables[c.Id].ToList(),
            AcknowledgedAt = c.AcknowledgedAt,
            Connector = connectors.GetValueOrDefault(c.Id),
            ExternalService = pushed.TryGetValue(c.Id, out var push) ? push.Incident : null,
            ExternalServicePushedBy = pushed.TryGetValue(c.Id, out var by) ? by.By : null,
        }).ToList();
    }
}
