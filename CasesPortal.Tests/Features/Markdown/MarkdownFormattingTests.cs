using CasesPortal.Features.Common.Markdown;

namespace CasesPortal.Tests.Features.Markdown;

[Trait(Layer.Name, Layer.Unit)]
public sealed class MarkdownFormattingTests
{
    // "[" and "]" mark the selection in these texts; "|" marks a caret.
    private static TextEdit Apply(MarkdownAction action, string marked)
    {
        var (text, start, end) = Unmark(marked);
        return MarkdownFormatting.Apply(action, text, start, end);
    }

    private static (string Text, int Start, int End) Unmark(string marked)
    {
        var caret = marked.IndexOf('|');
        if (caret >= 0) return (marked.Remove(caret, 1), caret, caret);
        var start = marked.IndexOf('[');
        var end = marked.IndexOf(']') - 1;
        return (marked.Remove(start, 1).Remove(end, 1), start, end);
    }

    private static string Marked(TextEdit edit) => edit.SelectionStart == edit.SelectionEnd
        ? edit.Text.Insert(edit.SelectionStart, "|")
        : edit.Text.Insert(edit.SelectionEnd, "]").Insert(edit.SelectionStart, "[");

    [Theory]
    [InlineData(MarkdownAction.Bold, "Host [WS-042] beaconed", "Host **[WS-042]** beaconed")]
    [InlineData(MarkdownAction.Bold, "Host **[WS-042]** beaconed", "Host [WS-042] beaconed")]
    [InlineData(MarkdownAction.Bold, "Host [**WS-042**] beaconed", "Host [WS-042] beaconed")]
    [InlineData(MarkdownAction.Bold, "Host [WS-042 ]beaconed", "Host **[WS-042]** beaconed")]
    [InlineData(MarkdownAction.Bold, "Note: |", "Note: **[bold text]**")]
    [InlineData(MarkdownAction.Italic, "[maybe] benign", "_[maybe]_ benign")]
    [InlineData(MarkdownAction.Strikethrough, "[false lead]", "~~[false lead]~~")]
    [InlineData(MarkdownAction.InlineCode, "ran [whoami /all] twice", "ran `[whoami /all]` twice")]
    public void Wrapping_toggles_around_the_selection(MarkdownAction action, string before, string after) =>
        Assert.Equal(after, Marked(Apply(action, before)));

    [Theory]
    [InlineData("See [the runbook]", "See [the runbook]([https://])")]
    [InlineData("See [https://example.com/runbook]", "See [[link text]](https://example.com/runbook)")]
    [InlineData("See |", "See [[link text]](https://)")]
    public void Links_wrap_text_or_a_url(string before, string after) =>
        Assert.Equal(after, Marked(Apply(MarkdownAction.Link, before)));

    [Theory]
    [InlineData(MarkdownAction.Heading, "Intro\nTim|eline\nEnd", "Intro\n### Tim|eline\nEnd")]
    [InlineData(MarkdownAction.Heading, "### Tim|eline", "Tim|eline")]
    [InlineData(MarkdownAction.Quote, "[one\ntwo]", "[> one\n> two]")]
    [InlineData(MarkdownAction.BulletedList, "x\n[one\ntwo]\ny", "x\n[- one\n- two]\ny")]
    [InlineData(MarkdownAction.BulletedList, "[- one\n- two]", "[one\ntwo]")]
    [InlineData(MarkdownAction.NumberedList, "o[ne\ntw]o", "[1. one\n2. two]")]
    [InlineData(MarkdownAction.NumberedList, "[1. one\n2. two]", "[one\ntwo]")]
    [InlineData(MarkdownAction.TaskList, "[isolate host\nreset password]", "[- [ ] isolate host\n- [ ] reset password]")]
    [InlineData(MarkdownAction.TaskList, "|", "- [ ] |")]
    public void Line_prefixes_toggle_on_every_selected_line(MarkdownAction action, string before, string after) =>
        Assert.Equal(after, Marked(Apply(action, before)));

    [Fact]
    public void A_code_block_gets_lines_of_its_own()
    {
        Assert.Equal("Ran:\n\n```\n[whoami]\n```\n\nthen left", Marked(Apply(MarkdownAction.CodeBlock, "Ran: [whoami] then left")));
        Assert.Equal("```\n[code]\n```", Marked(Apply(MarkdownAction.CodeBlock, "|")));
    }

    [Fact]
    public void A_table_is_inserted_as_its_own_paragraph_with_the_first_header_selected()
    {
        var edit = Apply(MarkdownAction.Table, "Hosts:|");
        Assert.Equal("Hosts:\n\n| [Column] | Column |\n| --- | --- |\n| Cell | Cell |", Marked(edit));
        var html = CasesPortal.Features.Common.MarkdownRenderer.ToHtml(edit.Text);
        Assert.Contains("<table>", html);
    }

    [Fact]
    public void Insert_replaces_the_selection_and_leaves_the_caret_after()
    {
        var (text, start, end) = Unmark("Before [old] after");
        Assert.Equal("Before new| after", Marked(MarkdownFormatting.Insert(text, start, end, "new")));
    }

    [Fact]
    public void A_selection_past_the_text_is_clamped()
    {
        var edit = MarkdownFormatting.Apply(MarkdownAction.Bold, "abc", 10, 1);
        Assert.Equal("a**bc**", edit.Text);
    }

    [Fact]
    public void Link_text_is_escaped() => Assert.Equal(@"a \[b\] \\ c", MarkdownFormatting.EscapeLinkText(@"a [b] \ c"));
}
