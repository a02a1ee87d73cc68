using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Features.Cases.Detail;

public enum ActivityFilter { All, Comments, History }

/// <summary>One entry of the activity tab: a comment (with its current text) or a history sentence.</summary>
public sealed record ActivityItem(string Id, string Type, DateTimeOffset At, PersonRef Actor, CommentView? Comment, ActivitySentence? Sentence);

/// <summary>
/// Interleaves comments and history as the activity tab shows them. A comment appears where it was written, with its
/// current text; its edits show on the comment itself rather than as lines of their own; once deleted, only the
/// "deleted a comment" line remains. A close and its reason, written together, read as one line.
/// </summary>
public static class ActivityTimeline
{
    public static IReadOnlyList<string> Types(ActivityFilter filter) => filter switch
    {
        ActivityFilter.Comments => [CaseActions.Comment],
        ActivityFilter.History => CaseActions.AllTypes.Where(t => t != CaseActions.Comment).ToList(),
        _ => [],
    };

    public static IReadOnlyList<ActivityItem> Build(IReadOnlyList<UserActionView> actions, IReadOnlyDictionary<string, CommentView> comments,
        ActivityNames names)
    {
        var closeReasons = actions.Where(a => a.Type == CaseActions.CloseReason).Select(a => (a.CreatedAt, a.CreatedBy.UserId)).ToHashSet();
        var items = new List<ActivityItem>(actions.Count);
        foreach (var action in actions)
        {
            if (action.Type == CaseActions.Comment && action.Action != CaseActions.Delete)
            {
                if (action.Action == CaseActions.Create && action.CommentId is { } id && comments.TryGetValue(id, out var comment))
                    items.Add(new ActivityItem(action.Id, action.Type, action.CreatedAt, action.CreatedBy, comment, null));
                continue;
            }
            if (action.Type == CaseActions.Status && closeReasons.Contains((action.CreatedAt, action.CreatedBy.UserId))) continue;
            items.Add(new ActivityItem(action.Id, action.Type, action.CreatedAt, action.CreatedBy, null, ActivitySentences.Describe(action, names)));
        }
        return items;
    }
}
