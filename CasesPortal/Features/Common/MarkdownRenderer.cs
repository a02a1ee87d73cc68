using System.Net;
using CasesPortal.Features.Timelines;
using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CasesPortal.Features.Common;

/// <summary>How a text is rendered beyond the safe defaults: the titles of timelines known here, and whether checkboxes can be ticked.</summary>
public sealed record MarkdownRenderOptions(IReadOnlyDictionary<string, string>? TimelineTitles = null, bool TickableTasks = false)
{
    public static readonly MarkdownRenderOptions Default = new();
}

/// <summary>
/// Renders analyst-written Markdown safely: CommonMark with tables, task lists and strikethrough. Raw HTML is shown as
/// text, bare URLs stay text, and only http, https, mailto and relative links survive (a <c>javascript:</c> link becomes
/// its text); links open in a new tab without referrer. Relative images (the portal's own files) load; external ones
/// wait for a click, so a tracking pixel cannot learn who read the case. Kibana timeline links become timeline chips.
/// </summary>
public static class MarkdownRenderer
{
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .UsePipeTables()
        .UseTaskLists()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public const string LinkRel = "noopener noreferrer nofollow";

    public static string ToHtml(string? markdown) => ToHtml(markdown, MarkdownRenderOptions.Default);

    public static string ToHtml(string? markdown, MarkdownRenderOptions options)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
            autolink.ReplaceBy(IsSafe(autolink.Url) ? LinkOf(autolink) : new LiteralInline(autolink.Url));
        foreach (var link in document.Descendants<LinkInline>().ToList())
            Secure(link, options);
        var taskIndex = 0;
        foreach (var task in document.Descendants<TaskList>().ToList())
            task.ReplaceBy(new HtmlInline(Checkbox(task.Checked, taskIndex++, options.TickableTasks)));

        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>The ids of the timelines the text links to, to look their titles up before rendering.</summary>
    public static IReadOnlyList<string> TimelineIds(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown) || !markdown.Contains("timelines?timeline=(id", StringComparison.Ordinal)) return [];
        return Markdig.Markdown.Parse(markdown, Pipeline).Descendants<LinkInline>()
            .Select(l => TimelineLinks.TryReadId(l.Url, out var id) ? id : null).OfType<string>().Distinct().ToList();
    }

    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var trimmed = url.Trim();
        // Browsers read a backslash as a slash and drop tabs and line breaks: "/\evil" is "//evil", "java\tscript:" is "javascript:".
        if (trimmed.Any(c => c == '\\' || char.IsControl(c))) return false;
        if (IsRelative(trimmed)) return true;
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
    }

    /// <summary>A link within this portal ("/cases/12", "#top", "notes/x"), as opposed to one leaving it.</summary>
    public static bool IsRelative(string url)
    {
        var trimmed = url.Trim();
        if (trimmed.Length == 0 || trimmed.Any(c => c == '\\' || char.IsControl(c))) return false;
        if (trimmed[0] is '/' or '#' or '?') return !trimmed.StartsWith("//", StringComparison.Ordinal);
        // Anything with a colon before its first slash, question mark or hash has a scheme.
        var schemeEnd = trimmed.IndexOfAny([':', '/', '?', '#']);
        return schemeEnd < 0 || trimmed[schemeEnd] != ':';
    }

    private static void Secure(LinkInline link, MarkdownRenderOptions options)
    {
        if (!IsSafe(link.Url))
        {
            ReplaceByText(link);
            return;
        }
        var url = link.Url!.Trim();
        if (link.IsImage)
        {
            if (!IsRelative(url)) link.ReplaceBy(new HtmlInline(ExternalImage(url, TextOf(link))), copyChildren: false);
            return;
        }
        if (TimelineLinks.TryReadId(url, out var timelineId))
        {
            var known = options.TimelineTitles?.GetValueOrDefault(timelineId);
            link.ReplaceBy(new HtmlInline(TimelineChip(timelineId, known, TextOf(link), url)), copyChildren: false);
            return;
        }
        var attributes = link.GetAttributes();
        attributes.AddPropertyIfNotExist("target", "_blank");
        attributes.AddPropertyIfNotExist("rel", LinkRel);
    }

    private static LinkInline LinkOf(AutolinkInline autolink)
    {
        var link = new LinkInline(autolink.IsEmail ? $"mailto:{autolink.Url}" : autolink.Url, "");
        link.AppendChild(new LiteralInline(autolink.Url));
        return link;
    }

    // An unsafe link shows what it says (its children keep their emphasis); an unsafe image shows its alt text.
    private static void ReplaceByText(LinkInline link)
    {
        if (link.IsImage)
        {
            link.ReplaceBy(new LiteralInline(TextOf(link)), copyChildren: false);
            return;
        }
        var children = link.ToList();
        Inline anchor = link;
        foreach (var child in children)
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }
        link.Remove();
    }

    private static string TextOf(ContainerInline container) =>
        string.Concat(container.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => "",
        }));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Checkbox(bool isChecked, int index, bool tickable) =>
        $"<input type=\"checkbox\" class=\"task-list-checkbox\" data-task=\"{index}\"{(isChecked ? " checked=\"checked\"" : "")}"
        + $"{(tickable ? "" : " disabled=\"disabled\"")} aria-label=\"Task {index + 1}\" />";

    private static string ExternalImage(string url, string alt)
    {
        var host = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url;
        var label = alt.Length > 0 ? $"{alt} · " : "";
        return $"<button type=\"button\" class=\"md-external-image\" data-src=\"{Encode(url)}\" data-alt=\"{Encode(alt)}\" title=\"{Encode(url)}\">"
            + $"{Icons.Image}<span>{Encode(label)}external image from <b>{Encode(host)}</b> · click to load</span></button>";
    }

    private static string TimelineChip(string id, string? knownTitle, string linkText, string originalUrl)
    {
        var title = Encode(knownTitle ?? (linkText.Length > 0 ? linkText : "Timeline"));
        if (knownTitle is not null)
            return $"<a class=\"timeline-chip\" href=\"/timelines/{Uri.EscapeDataString(id)}\" title=\"Timeline ID: {Encode(id)}\" data-timeline-id=\"{Encode(id)}\">"
                + $"{Icons.Timeline}<span>{title}</span></a>";
        return $"<a class=\"timeline-chip timeline-chip-unknown\" href=\"{Encode(originalUrl)}\" target=\"_blank\" rel=\"{LinkRel}\" "
            + $"title=\"Timeline ID: {Encode(id)} (not found in this portal; opens the original link)\" data-timeline-id=\"{Encode(id)}\">"
            + $"{Icons.Timeline}<span>{title}</span><span class=\"timeline-chip-note\">not in this portal</span></a>";
    }

    private static class Icons
    {
        private const string Svg = "<svg class=\"md-icon\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\"><path d=\"{0}\"/></svg>";

        // Material "timeline" and "image" outlines.
        public static readonly string Timeline = Svg.Replace("{0}", "M23 8c0 1.1-.9 2-2 2-.18 0-.35-.02-.51-.07l-3.56 3.55c.05.16.07.34.07.52 0 1.1-.9 2-2 2s-2-.9-2-2c0-.18.02-.36.07-.52l-2.55-2.55c-.16.05-.34.07-.52.07s-.36-.02-.52-.07l-4.55 4.56c.05.16.07.33.07.51 0 1.1-.9 2-2 2s-2-.9-2-2 .9-2 2-2c.18 0 .35.02.51.07l4.56-4.55C8.02 9.36 8 9.18 8 9c0-1.1.9-2 2-2s2 .9 2 2c0 .18-.02.36-.07.52l2.55 2.55c.16-.05.34-.07.52-.07s.36.02.52.07l3.55-3.56C19.02 8.35 19 8.18 19 8c0-1.1.9-2 2-2s2 .9 2 2z", StringComparison.Ordinal);
        public static readonly string Image = Svg.Replace("{0}", "M19 5v14H5V5h14m0-2H5c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h14c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2zm-4.86 8.86-3 3.87L9 13.14 6 17h12l-3.86-5.14z", StringComparison.Ordinal);
    }
}
