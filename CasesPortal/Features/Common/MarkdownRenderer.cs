using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CasesPortal.Features.Common;

/// <summary>
/// Renders analyst-written Markdown safely: raw HTML is shown as text, and only http, https, mailto and
/// relative links survive (a <c>javascript:</c> link becomes plain text). Links open in a new tab without referrer.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseTaskLists()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = null;
                link.IsImage = false;
                link.ReplaceBy(new LiteralInline(link.Title ?? string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()))));
                continue;
            }
            if (link.IsImage) continue;
            var attributes = link.GetAttributes();
            attributes.AddPropertyIfNotExist("target", "_blank");
            attributes.AddPropertyIfNotExist("rel", "noopener noreferrer nofollow");
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().Where(a => !IsSafe(a.Url)).ToList())
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') || trimmed.StartsWith('#') || trimmed.StartsWith('?')) return !trimmed.StartsWith("//", StringComparison.Ordinal);
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri))
            return !trimmed.Contains(':'); // relative like "notes/x"
        return uri.Scheme is "http" or "https" or "mailto";
    }
}
