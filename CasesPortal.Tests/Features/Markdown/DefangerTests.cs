using CasesPortal.Features.Common.Markdown;

namespace CasesPortal.Tests.Features.Markdown;

[Trait(Layer.Name, Layer.Unit)]
public sealed class DefangerTests
{
    [Theory]
    [InlineData("http://evil.example/stage2.bin", "hxxp://evil[.]example/stage2.bin")]
    [InlineData("https://login.evil.example:8443/a.php?x=1.2", "hxxps://login.evil[.]example:8443/a.php?x=1.2")]
    [InlineData("HTTPS://EVIL.EXAMPLE", "HXXPS://EVIL[.]EXAMPLE")]
    [InlineData("ftp://files.evil.example/x", "fxp://files.evil[.]example/x")]
    [InlineData("example.com", "example[.]com")]
    [InlineData("beacon to cdn.evil-site.example every 60s.", "beacon to cdn.evil-site[.]example every 60s.")]
    [InlineData("10.0.0.1", "10.0.0[.]1")]
    [InlineData("from 203.0.113.7:443 to 10.1.2.3.", "from 203.0.113[.]7:443 to 10.1.2[.]3.")]
    [InlineData("mail from ceo@evil.example", "mail from ceo@evil[.]example")]
    [InlineData("http://203.0.113.7/x", "hxxp://203.0.113[.]7/x")]
    public void Indicators_are_defanged(string input, string expected) => Assert.Equal(expected, Defanger.Defang(input));

    [Theory]
    [InlineData("hxxp://evil[.]example/stage2.bin")]
    [InlineData("example[.]com and 10.0.0[.]1")]
    [InlineData("ran invoice.pdf.exe and powershell.exe, read notes.txt")]
    [InlineData("version 1.2.3 of the agent, 3.5 hours")]
    [InlineData("no indicators here")]
    public void Defanged_text_and_ordinary_words_are_left_alone(string input) => Assert.Equal(input, Defanger.Defang(input));

    [Fact]
    public void Defanging_twice_changes_nothing_more()
    {
        var once = Defanger.Defang("https://evil.example/a and 198.51.100.23 and update.evil.example");
        Assert.Equal(once, Defanger.Defang(once));
        Assert.Equal("hxxps://evil[.]example/a and 198.51.100[.]23 and update.evil[.]example", once);
    }

    [Fact]
    public void Only_the_selection_is_rewritten()
    {
        var text = "keep https://ok.example then 10.0.0.1";
        var start = text.IndexOf("10.0.0.1", StringComparison.Ordinal);
        var edit = MarkdownFormatting.Transform(text, start, text.Length, Defanger.Defang);
        Assert.Equal("keep https://ok.example then 10.0.0[.]1", edit.Text);
        Assert.Equal((start, edit.Text.Length), (edit.SelectionStart, edit.SelectionEnd));
    }
}
