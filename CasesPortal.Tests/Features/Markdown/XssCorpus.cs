using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CasesPortal.Features.Common;

namespace CasesPortal.Tests.Features.Markdown;

/// <summary>The hostile inputs of <c>XssCorpus.txt</c>, and what "nothing dangerous came out" means for rendered HTML.</summary>
public static partial class XssCorpus
{
    public const string Marker = "XSSFIRED";

    public static IReadOnlyList<string> Inputs { get; } = Load();

    private static readonly HashSet<string> AllowedElements =
    [
        "p", "br", "hr", "strong", "em", "del", "code", "pre", "a", "img", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
        "table", "thead", "tbody", "tr", "th", "td", "input", "button", "span", "b", "svg", "path",
    ];

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "alt", "title", "rel", "target", "class", "type", "checked", "disabled", "aria-label", "aria-hidden", "focusable",
        "viewbox", "d", "data-src", "data-alt", "data-task", "data-timeline-id",
    };

    private static IReadOnlyList<string> Load()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Markdown", "XssCorpus.txt")).ReplaceLineEndings("\n");
        return text.Split("\n%%%\n").Skip(1).Select(e => e.TrimEnd('\n')).Where(e => e.Length > 0)
            .Select(e => CodePoint().Replace(e, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString())).ToList();
    }

    /// <summary>Everything wrong with a rendered fragment: unknown elements or attributes, or a link or image that is not http(s), mailto or relative.</summary>
    public static IReadOnlyList<string> ProblemsIn(string html)
    {
        var body = new HtmlParser().ParseDocument($"<body>{html}</body>").Body!;
        var problems = new List<string>();
        foreach (var element in body.QuerySelectorAll("*"))
        {
            var name = element.LocalName;
            if (!AllowedElements.Contains(name)) problems.Add($"element <{name}>");
            if (name == "svg" && element.ClassName != "md-icon") problems.Add("an svg that is not the portal's icon");
            if (name == "input" && element.GetAttribute("type") != "checkbox") problems.Add("an input that is not a checkbox");
            foreach (var attribute in element.Attributes)
            {
                if (!AllowedAttributes.Contains(attribute.LocalName)) problems.Add($"attribute {attribute.LocalName} on <{name}>");
                if (attribute.LocalName is "href" or "src" or "data-src" && !MarkdownRenderer.IsSafe(attribute.Value))
                    problems.Add($"{attribute.LocalName}=\"{attribute.Value}\"");
            }
            if (name == "img" && !MarkdownRenderer.IsRelative(element.GetAttribute("src") ?? "")) problems.Add("an external image fetched without a click");
        }
        return problems;
    }

    [GeneratedRegex(@"\{U\+([0-9A-F]{4})\}")]
    private static partial Regex CodePoint();
}
