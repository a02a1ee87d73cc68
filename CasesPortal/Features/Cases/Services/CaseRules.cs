using CasesPortal.Features.Cases.Model;

namespace CasesPortal.Features.Cases.Services;

/// <summary>Field limits and normalisation of case input; each message names the field and the limit.</summary>
public static class CaseRules
{
    /// <summary>A rule's message as a form shows it: starting with a capital ("Title is required.").</summary>
    public static Func<string?, string?> ForForm(Func<string?, string?> rule) =>
        value => rule(value) is { Length: > 0 } message ? char.ToUpperInvariant(message[0]) + message[1..] : null;

    public static string? ValidateTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return "title is required.";
        return title.Trim().Length > Case.TitleMaxLength
            ? $"title must be at most {Case.TitleMaxLength} characters (it has {title.Trim().Length})." : null;
    }

    public static string? ValidateDescription(string? description) =>
        description?.Length > Case.DescriptionMaxLength
            ? $"description must be at most {Case.DescriptionMaxLength:N0} characters (it has {description.Length:N0})." : null;

    public static string? ValidateCategory(string? category) =>
        category?.Trim().Length > Case.CategoryMaxLength
            ? $"category must be at most {Case.CategoryMaxLength} characters." : null;

    public static string? ValidateComment(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return "comment is required.";
        return body.Length > CaseComment.BodyMaxLength
            ? $"comment must be at most {CaseComment.BodyMaxLength:N0} characters (it has {body.Length:N0})." : null;
    }

    /// <summary>Trims tags and merges duplicates that differ only in case (the first spelling wins).</summary>
    public static (List<string> Tags, string? Problem) NormalizeTags(IEnumerable<string?>? tags)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in tags ?? [])
        {
            var tag = raw?.Trim() ?? "";
            if (tag.Length == 0) return (result, "tags must not contain empty values.");
            if (tag.Length > Case.TagMaxLength) return (result, $"each tag must be at most {Case.TagMaxLength} characters ('{tag[..20]}…' has {tag.Length}).");
            if (seen.Add(tag)) result.Add(tag);
        }
        return result.Count > Case.MaxTags
            ? (result, $"a case may have at most {Case.MaxTags} tags (got {result.Count}).")
            : (result, null);
    }

    public static string NormalizeTag(string tag) => tag.Trim().ToUpperInvariant();

    public static string? NormalizeCategory(string? category) => string.IsNullOrWhiteSpace(category) ? null : category.Trim();

    public static string? ValidateClose(CloseReason? reason, string? note, string? duplicateOfId, bool required)
    {
        if (reason is null) return required ? "close_reason is required when closing a case." : null;
        if (note?.Length > Case.CloseNoteMaxLength) return $"close_reason_note must be at most {Case.CloseNoteMaxLength} characters.";
        if (reason == CloseReason.Duplicate && string.IsNullOrWhiteSpace(duplicateOfId))
            return "duplicate_of is required when the close reason is duplicate.";
        return null;
    }
}
