using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Features.Cases.Detail;

/// <summary>The first pages of a case's activity and whether more is left.</summary>
public sealed record ActivityPage(IReadOnlyList<ActivityItem> Items, int LoadedLines, int TotalLines)
{
    public bool HasMore => LoadedLines < TotalLines;
}

/// <summary>
/// Reads the activity tab through the case services: history lines paged in SQL, the current text of the comments
/// they mention, and the names of the people and cases they point to.
/// </summary>
public sealed class ActivityFeed(ActivityQueries activity, CommentService comments, CaseQueries cases)
{
    public const int PageSize = 50;

    /// <summary>Loads pages 1 to <paramref name="pages"/> again, so a refresh after a change keeps what the analyst has opened.</summary>
    public async Task<ActivityPage> LoadAsync(string caseId, ActivityFilter filter, bool newestFirst, int pages, CancellationToken ct = default)
    {
        var types = ActivityTimeline.Types(filter);
        var actions = new List<UserActionView>();
        var seen = new HashSet<string>();
        var total = 0;
        for (var page = 1; page <= Math.Max(1, pages); page++)
        {
            var (rows, count) = await activity.FindAsync(caseId, types, newestFirst, page, PageSize, ct);
            total = count;
            // A line written between two page reads shifts the pages by one; it must not show twice.
            actions.AddRange(rows.Where(r => seen.Add(r.Id)));
            if (rows.Count < PageSize) break;
        }

        var commentIds = actions.Where(a => a.Type == CaseActions.Comment && a.CommentId is not null).Select(a => a.CommentId!).Distinct().ToList();
        var current = await comments.GetManyAsync(caseId, commentIds, ct);
        var names = new ActivityNames(
            await cases.PeopleAsync(ActivitySentences.MentionedPeople(actions), ct),
            await cases.LinksAsync(ActivitySentences.MentionedCases(actions), ct));
        return new ActivityPage(ActivityTimeline.Build(actions, current, names), Math.Min(pages * PageSize, total), total);
    }
}
