using CasesPortal.Features.Cases.Model;

namespace CasesPortal.Features.Cases.Services;

/// <summary>
/// Turns a bulk action on selected cases into one all-or-nothing batch, each case carrying the version the
/// analyst saw in the list. Tags and assignees are added to or removed from each case's own list.
/// </summary>
public static class CaseBulkChanges
{
    public static List<CaseChanges> Status(IEnumerable<CaseView> cases, CaseStatus status) =>
        cases.Where(c => c.Status != status).Select(c => new CaseChanges(c.Id, c.Version) { Status = status }).ToList();

    public static List<CaseChanges> Severity(IEnumerable<CaseView> cases, CaseSeverity severity) =>
        cases.Where(c => c.Severity != severity).Select(c => new CaseChanges(c.Id, c.Version) { Severity = severity }).ToList();

    public static List<CaseChanges> Tags(IEnumerable<CaseView> cases, IReadOnlyCollection<string> tags, bool add) => cases
        .Select(c => (c, next: add
            ? c.Tags.Concat(tags.Where(t => !c.Tags.Contains(t, StringComparer.OrdinalIgnoreCase))).ToList()
            : c.Tags.Where(t => !tags.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList()))
        .Where(x => x.next.Count != x.c.Tags.Count)
        .Select(x => new CaseChanges(x.c.Id, x.c.Version) { Tags = x.next }).ToList();

    public static List<CaseChanges> Assignees(IEnumerable<CaseView> cases, IReadOnlyCollection<string> userIds, bool add) => cases
        .Select(c => (c, current: c.Assignees.Select(a => a.UserId).ToList()))
        .Select(x => (x.c, x.current, next: add ? x.current.Union(userIds).ToList() : x.current.Except(userIds).ToList()))
        .Where(x => !x.next.ToHashSet().SetEquals(x.current))
        .Select(x => new CaseChanges(x.c.Id, x.c.Version) { AssigneeIds = x.next }).ToList();
}
