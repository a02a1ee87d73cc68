namespace CasesPortal.Features.Cases.Detail;

/// <summary>Quoting a comment into a new one, as e-mail and GitHub do.</summary>
public static class MarkdownQuote
{
    public static string Quote(string body) =>
        string.Join('\n', body.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Select(line => line.Length == 0 ? ">" : $"> {line}"));

    /// <summary>Adds the quote after what is already written, separated by a blank line, and leaves room to reply below it.</summary>
    public static string AppendTo(string draft, string body) =>
        (string.IsNullOrWhiteSpace(draft) ? "" : draft.TrimEnd() + "\n\n") + Quote(body) + "\n\n";
}
