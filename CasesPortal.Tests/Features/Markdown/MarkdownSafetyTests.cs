using CasesPortal.Features.Common;

namespace CasesPortal.Tests.Features.Markdown;

[Trait(Layer.Name, Layer.Unit)]
public sealed class MarkdownSafetyTests
{
    private static readonly MarkdownRenderOptions Tickable = new(new Dictionary<string, string> { ["abc"] = "<img src=x onerror=alert(1)>" }, TickableTasks: true);

    [Fact]
    public void The_corpus_holds_at_least_a_hundred_hostile_inputs() => Assert.True(XssCorpus.Inputs.Count >= 100, $"{XssCorpus.Inputs.Count} inputs");

    [Fact]
    public void No_corpus_input_renders_anything_that_could_run()
    {
        var failures = XssCorpus.Inputs
            .SelectMany(input => new[] { MarkdownRenderer.ToHtml(input), MarkdownRenderer.ToHtml(input, Tickable) }
                .SelectMany(XssCorpus.ProblemsIn).Select(problem => $"{input.ReplaceLineEndings("⏎")}  →  {problem}"))
            .Distinct().ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void The_whole_corpus_as_one_text_renders_safely()
    {
        var html = MarkdownRenderer.ToHtml(string.Join("\n\n", XssCorpus.Inputs), Tickable);
        Assert.Empty(XssCorpus.ProblemsIn(html));
    }
}
