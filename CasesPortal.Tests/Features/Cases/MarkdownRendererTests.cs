using CasesPortal.Features.Common;

namespace CasesPortal.Tests.Features.Cases;

[Trait(Layer.Name, Layer.Unit)]
public sealed class MarkdownRendererTests
{
    [Fact]
    public void Markdown_is_rendered()
    {
        var html = MarkdownRenderer.ToHtml("**Host** `WS-042`\n\n- one\n- two");
        Assert.Contains("<strong>Host</strong>", html);
        Assert.Contains("<code>WS-042</code>", html);
        Assert.Contains("<li>one</li>", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img")]
    public void Raw_html_is_shown_as_text(string markdown, string expected)
    {
        var html = MarkdownRenderer.ToHtml(markdown);
        Assert.Contains(expected, html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](vbscript:msgbox)")]
    [InlineData("![x](javascript:alert(1))")]
    public void Dangerous_links_become_text(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);
        Assert.DoesNotContain("href=", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("javascript:", html.Replace("click", ""), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[vt](https://www.virustotal.com/gui/home)", "https://www.virustotal.com/gui/home")]
    [InlineData("[mail](mailto:soc@example.com)", "mailto:soc@example.com")]
    [InlineData("[case](/cases/12)", "/cases/12")]
    public void Safe_links_are_kept_and_open_in_a_new_tab(string markdown, string href)
    {
        var html = MarkdownRenderer.ToHtml(markdown);
        Assert.Contains($"href=\"{href}\"", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
    }
}
