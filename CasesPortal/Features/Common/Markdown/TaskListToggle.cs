using Markdig.Extensions.TaskLists;
using Markdig.Syntax;

namespace CasesPortal.Features.Common.Markdown;

/// <summary>A task-list checkbox ticked (or unticked) on a rendered text, by its number in the text.</summary>
public sealed record TaskTick(int Index, bool Checked);

/// <summary>Ticks or unticks the n-th task-list checkbox of a Markdown text, as the renderer numbers them.</summary>
public static class TaskListToggle
{
    /// <summary>The text with checkbox <paramref name="index"/> set; null when the text has no such checkbox.</summary>
    public static string? Set(string? markdown, int index, bool isChecked)
    {
        if (string.IsNullOrEmpty(markdown) || index < 0) return null;
        var task = Markdig.Markdown.Parse(markdown, MarkdownRenderer.Pipeline).Descendants<TaskList>().ElementAtOrDefault(index);
        if (task is null) return null;
        // The task's span starts at its "[": the mark is the next character.
        var mark = markdown.IndexOf('[', task.Span.Start) + 1;
        if (mark <= 0 || mark + 1 >= markdown.Length || markdown[mark + 1] != ']') return null;
        return string.Concat(markdown.AsSpan(0, mark), isChecked ? "x" : " ", markdown.AsSpan(mark + 1));
    }
}
