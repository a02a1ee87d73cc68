namespace CasesPortal.Features.Common.Markdown;

/// <summary>Keys of unsaved editor text in the browser's storage: one per user, case and field, so drafts never mix.</summary>
public static class MarkdownDrafts
{
    public const string NewCase = "new";

    public static string Key(string userId, string? caseId, string field) => $"{userId}:{caseId ?? NewCase}:{field}";
}
