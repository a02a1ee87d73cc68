using CasesPortal.Features.Common;
using CasesPortal.Features.Common.Markdown;

namespace CasesPortal.Tests.Features.Markdown;

[Trait(Layer.Name, Layer.Unit)]
public sealed class MarkdownRenderingTests
{
    private const string TimelineUrl = "https://kibana.example/app/security/timelines?timeline=(id:'tl-42',isOpen:!t)";

    [Theory]
    [InlineData("see https://evil.example/payload")]
    [InlineData("see www.evil.example/payload")]
    [InlineData("mail ceo@evil.example")]
    public void Bare_urls_stay_text(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);
        Assert.DoesNotContain("<a", html);
        Assert.Contains("evil.example", html);
    }

    [Fact]
    public void Tables_task_lists_and_strikethrough_are_rendered()
    {
        var html = MarkdownRenderer.ToHtml("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] isolate\n- [ ] reset\n\n~~wrong~~");
        Assert.Contains("<table>", html);
        Assert.Contains("<del>wrong</del>", html);
        Assert.Contains("data-task=\"0\" checked=\"checked\" disabled=\"disabled\"", html);
        Assert.Contains("data-task=\"1\" disabled=\"disabled\"", html);
    }

    [Fact]
    public void Checkboxes_can_be_ticked_only_when_asked()
    {
        var html = MarkdownRenderer.ToHtml("- [ ] reset", new MarkdownRenderOptions(TickableTasks: true));
        Assert.Contains("data-task=\"0\"", html);
        Assert.DoesNotContain("disabled", html);
    }

    [Fact]
    public void Portal_images_load_and_external_images_wait_for_a_click()
    {
        var html = MarkdownRenderer.ToHtml("![shot](/cases/c1/files/f1/preview) ![pixel](https://tracker.example/p.gif)");
        Assert.True(html.Contains("<img src=\"/cases/c1/files/f1/preview\" alt=\"shot\"", StringComparison.Ordinal), html);
        Assert.DoesNotContain(" src=\"https://tracker.example", html);
        Assert.Contains("class=\"md-external-image\" data-src=\"https://tracker.example/p.gif\"", html);
        Assert.Contains("tracker.example", html);
    }

    [Fact]
    public void A_known_timeline_link_renders_as_a_chip_opening_it_in_the_portal()
    {
        var titles = new Dictionary<string, string> { ["tl-42"] = "Lateral movement from WS-042" };
        var html = MarkdownRenderer.ToHtml($"See [old title]({TimelineUrl}).", new MarkdownRenderOptions(titles));
        Assert.Contains("class=\"timeline-chip\" href=\"/timelines/tl-42\" title=\"Timeline ID: tl-42\"", html);
        Assert.Contains("<span>Lateral movement from WS-042</span>", html);
        Assert.Equal(["tl-42"], MarkdownRenderer.TimelineIds($"[x]({TimelineUrl}) [y]({TimelineUrl.Replace("'", "%27")})"));
    }

    [Fact]
    public void An_unknown_timeline_link_says_so_and_keeps_the_original_url()
    {
        var html = MarkdownRenderer.ToHtml($"[Kibana timeline]({TimelineUrl})");
        Assert.Contains("timeline-chip-unknown", html);
        Assert.Contains("href=\"https://kibana.example/app/security/timelines?timeline=(id:&#39;tl-42&#39;,isOpen:!t)\"", html);
        Assert.Contains("not in this portal", html);
        Assert.Contains("Timeline ID: tl-42", html);
    }

    [Theory]
    [InlineData("[<b>x</b>](https://example.com)", "&lt;b&gt;x&lt;/b&gt;")]
    [InlineData("[**bold** label](javascript:alert(1))", "<strong>bold</strong> label")]
    public void Link_text_is_kept_safely(string markdown, string expected) => Assert.Contains(expected, MarkdownRenderer.ToHtml(markdown));

    [Theory]
    [InlineData("- [ ] one\n- [ ] two", 1, true, "- [ ] one\n- [x] two")]
    [InlineData("- [x] one\n- [ ] two", 0, false, "- [ ] one\n- [ ] two")]
    [InlineData("Intro with [ ] brackets\n\n* [X] done\n  - [ ] nested", 1, true, "Intro with [ ] brackets\n\n* [X] done\n  - [x] nested")]
    public void Ticking_a_checkbox_rewrites_only_its_mark(string markdown, int index, bool isChecked, string expected) =>
        Assert.Equal(expected, TaskListToggle.Set(markdown, index, isChecked));

    [Fact]
    public void Ticking_a_missing_checkbox_changes_nothing() => Assert.Null(TaskListToggle.Set("- [ ] one", 3, true));
}
