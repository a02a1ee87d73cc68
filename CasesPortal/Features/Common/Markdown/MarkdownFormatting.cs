namespace CasesPortal.Features.Common.Markdown;

/// <summary>A toolbar action or shortcut of the Markdown editor.</summary>
public enum MarkdownAction { Bold, Italic, Strikethrough, Heading, Quote, InlineCode, CodeBlock, Link, BulletedList, NumberedList, TaskList, Table }

/// <summary>The text after an edit and the selection to put back in the text box.</summary>
public sealed record TextEdit(string Text, int SelectionStart, int SelectionEnd);

/// <summary>
/// The Markdown editor's text transformations, applied to the selection (or the caret) of a text: wrapping in
/// emphasis or code (a second click unwraps), line prefixes for headings, quotes and lists (toggled on every selected
/// line), blocks for code and tables, links. Pure, so the editor's behaviour is tested without a browser.
/// </summary>
public static class MarkdownFormatting
{
    public const string TableTemplate = "| Column | Column |\n| --- | --- |\n| Cell | Cell |";

    public static TextEdit Apply(MarkdownAction action, string text, int start, int end)
    {
        (text, start, end) = Clamp(text, start, end);
        return action switch
        {
            MarkdownAction.Bold => Wrap(text, start, end, "**", "bold text"),
            MarkdownAction.Italic => Wrap(text, start, end, "_", "italic text"),
            MarkdownAction.Strikethrough => Wrap(text, start, end, "~~", "struck text"),
            MarkdownAction.InlineCode => Wrap(text, start, end, "`", "code"),
            MarkdownAction.Link => Link(text, start, end),
            MarkdownAction.Heading => Prefix(text, start, end, _ => "### "),
            MarkdownAction.Quote => Prefix(text, start, end, _ => "> "),
            MarkdownAction.BulletedList => Prefix(text, start, end, _ => "- "),
            MarkdownAction.NumberedList => Prefix(text, start, end, n => $"{n + 1}. "),
            MarkdownAction.TaskList => Prefix(text, start, end, _ => "- [ ] "),
            MarkdownAction.CodeBlock => CodeBlock(text, start, end),
            MarkdownAction.Table => InsertBlock(text, start, end, TableTemplate, selectFrom: 2, selectLength: "Column".Length),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    /// <summary>Replaces the selection with <paramref name="snippet"/> and puts the caret after it.</summary>
    public static TextEdit Insert(string text, int start, int end, string snippet)
    {
        (text, start, end) = Clamp(text, start, end);
        var caret = start + snippet.Length;
        return new TextEdit(string.Concat(text.AsSpan(0, start), snippet, text.AsSpan(end)), caret, caret);
    }

    /// <summary>Rewrites the selected text (e.g. defanging it) and keeps the rewritten part selected.</summary>
    public static TextEdit Transform(string text, int start, int end, Func<string, string> rewrite)
    {
        (text, start, end) = Clamp(text, start, end);
        var rewritten = rewrite(text[start..end]);
        return new TextEdit(string.Concat(text.AsSpan(0, start), rewritten, text.AsSpan(end)), start, start + rewritten.Length);
    }

    /// <summary>Link text for Markdown: brackets and backslashes escaped so a title cannot end the link early.</summary>
    public static string EscapeLinkText(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal)
            .ReplaceLineEndings(" ");

    private static (string, int, int) Clamp(string? text, int start, int end)
    {
        text ??= "";
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, 0, text.Length);
        return start <= end ? (text, start, end) : (text, end, start);
    }

    private static TextEdit Wrap(string text, int start, int end, string marker, string placeholder)
    {
        // Spaces at the edges of the selection stay outside: "** bold **" would not be bold.
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        var selected = text[start..end];
        var m = marker.Length;
        if (start >= m && end + m <= text.Length && text.AsSpan(start - m, m).SequenceEqual(marker) && text.AsSpan(end, m).SequenceEqual(marker))
            return new TextEdit(string.Concat(text.AsSpan(0, start - m), selected, text.AsSpan(end + m)), start - m, end - m);
        if (selected.Length >= 2 * m && selected.StartsWith(marker, StringComparison.Ordinal) && selected.EndsWith(marker, StringComparison.Ordinal))
            return new TextEdit(string.Concat(text.AsSpan(0, start), selected.AsSpan(m, selected.Length - 2 * m), text.AsSpan(end)), start, end - 2 * m);
        var inner = selected.Length > 0 ? selected : placeholder;
        return new TextEdit(text[..start] + marker + inner + marker + text[end..], start + m, start + m + inner.Length);
    }

    private static TextEdit Link(string text, int start, int end)
    {
        var selected = text[start..end];
        if (Uri.TryCreate(selected.Trim(), UriKind.Absolute, out _) && !selected.Contains('\n'))
        {
            var link = $"[link text]({selected.Trim()})";
            return new TextEdit(string.Concat(text.AsSpan(0, start), link, text.AsSpan(end)), start + 1, start + 1 + "link text".Length);
        }
        const string url = "https://";
        var label = selected.Length > 0 ? selected : "link text";
        var written = $"[{label}]({url})";
        var edited = string.Concat(text.AsSpan(0, start), written, text.AsSpan(end));
        return selected.Length > 0
            ? new TextEdit(edited, start + label.Length + 3, start + label.Length + 3 + url.Length)
            : new TextEdit(edited, start + 1, start + 1 + label.Length);
    }

    private static TextEdit Prefix(string text, int start, int end, Func<int, string> prefixOf)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        if (start == 0) lineStart = 0;
        // A selection ending just after a line break does not take the next line along.
        var lastEnd = end > start && text[end - 1] == '\n' ? end - 1 : end;
        var lineEnd = text.IndexOf('\n', lastEnd);
        if (lineEnd < 0) lineEnd = text.Length;
        var lines = text[lineStart..lineEnd].Split('\n');
        var prefixes = lines.Select((_, i) => prefixOf(i)).ToList();
        var remove = lines.All(l => HasPrefix(l, prefixOf(0)));
        var rewritten = lines.Select((line, i) => remove ? line[PrefixLength(line, prefixOf(0))..] : prefixes[i] + line);
        var block = string.Join('\n', rewritten);
        var edited = string.Concat(text.AsSpan(0, lineStart), block, text.AsSpan(lineEnd));
        if (lines.Length == 1 && start == end)
        {
            var shift = remove ? -PrefixLength(lines[0], prefixOf(0)) : prefixes[0].Length;
            var caret = Math.Max(lineStart, start + shift);
            return new TextEdit(edited, caret, caret);
        }
        return new TextEdit(edited, lineStart, lineStart + block.Length);
    }

    // Numbered lines count as numbered whatever their number.
    private static bool HasPrefix(string line, string prefix) => PrefixLength(line, prefix) > 0;

    private static int PrefixLength(string line, string prefix)
    {
        if (char.IsDigit(prefix[0]))
        {
            var digits = line.TakeWhile(char.IsDigit).Count();
            return digits > 0 && line.Length > digits + 1 && line[digits] == '.' && line[digits + 1] == ' ' ? digits + 2 : 0;
        }
        return line.StartsWith(prefix, StringComparison.Ordinal) ? prefix.Length : 0;
    }

    private static TextEdit CodeBlock(string text, int start, int end)
    {
        var selected = text[start..end].TrimEnd('\n');
        var body = selected.Length > 0 ? selected : "code";
        var block = $"```\n{body}\n```";
        return InsertBlock(text, start, end, block, selectFrom: 4, selectLength: body.Length);
    }

    /// <summary>Puts a block on lines of its own, separated from the text around it by blank lines.</summary>
    private static TextEdit InsertBlock(string text, int start, int end, string block, int selectFrom, int selectLength)
    {
        var before = text[..start].TrimEnd(' ', '\t');
        var after = text[end..].TrimStart(' ', '\t');
        start = before.Length;
        var lead = before.Length == 0 || before.EndsWith("\n\n", StringComparison.Ordinal) ? "" : before.EndsWith('\n') ? "\n" : "\n\n";
        var trail = after.Length == 0 || after.StartsWith("\n\n", StringComparison.Ordinal) ? "" : after.StartsWith('\n') ? "\n" : "\n\n";
        var selection = start + lead.Length + selectFrom;
        return new TextEdit(before + lead + block + trail + after, selection, selection + selectLength);
    }
}
