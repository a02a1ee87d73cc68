using CasesPortal.Features.Timelines.Query;

namespace CasesPortal.Tests.Features.Timelines;

[Trait(Layer.Name, Layer.Unit)]
public sealed class KqlParserTests
{
    private static KqlNode Parse(string query)
    {
        var (node, error) = KqlParser.Parse(query);
        Assert.Null(error);
        return node!;
    }

    private static KqlError Error(string query)
    {
        var (node, error) = KqlParser.Parse(query);
        Assert.Null(node);
        return error!;
    }

    [Fact]
    public void Field_value_quoted_wildcard_exists_and_bare_words()
    {
        Assert.Equal(new KqlMatch("host.name", "web-01", false), Parse("host.name:web-01"));
        Assert.Equal(new KqlMatch("user.name", "Ana Diaz", true), Parse("user.name:\"Ana Diaz\""));
        Assert.Equal(new KqlMatch("user.name", "say \"hi\"", true), Parse("user.name : \"say \\\"hi\\\"\""));
        Assert.True(((KqlMatch)Parse("process.name:power*")).HasWildcard);
        Assert.False(((KqlMatch)Parse("process.name:\"power*\"")).HasWildcard);
        Assert.Equal(new KqlExists("file.hash.sha256"), Parse("file.hash.sha256:*"));
        Assert.Equal(new KqlText("mimikatz", false), Parse("mimikatz"));
        Assert.Equal(new KqlText("lateral movement", true), Parse("\"lateral movement\""));
        Assert.Equal(new KqlMatch("@timestamp", "2026-11-01", false), Parse("@timestamp:2026-11-01"));
    }

    [Theory]
    [InlineData("event.risk_score >= 70", ">=")]
    [InlineData("event.risk_score>70", ">")]
    [InlineData("event.risk_score < 70.5", "<")]
    [InlineData("event.risk_score <= 70", "<=")]
    public void Ranges_on_numbers(string query, string op) =>
        Assert.Equal(op, ((KqlRange)Parse(query)).Operator);

    [Fact]
    public void Ranges_on_dates() =>
        Assert.Equal(new KqlRange("@timestamp", "<", "2026-11-01"), Parse("@timestamp < \"2026-11-01\""));

    [Fact]
    public void Not_binds_tighter_than_and_which_binds_tighter_than_or()
    {
        var a = new KqlText("a", false);
        var b = new KqlText("b", false);
        var c = new KqlText("c", false);
        Assert.Equal(new KqlOr(a, new KqlAnd(b, c)), Parse("a or b and c"));
        Assert.Equal(new KqlOr(new KqlAnd(a, b), c), Parse("a AND b Or c"));
        Assert.Equal(new KqlAnd(new KqlNot(a), b), Parse("NOT a and b"));
        Assert.Equal(new KqlNot(new KqlOr(a, b)), Parse("not (a or b)"));
        Assert.Equal(new KqlAnd(a, new KqlOr(b, c)), Parse("a and (b or c)"));
        Assert.Equal(new KqlNot(new KqlNot(a)), Parse("not not a"));
        // Side by side without an operator: and.
        Assert.Equal(new KqlAnd(a, b), Parse("a b"));
    }

    [Fact]
    public void Keywords_in_any_case_and_quoted_keywords_are_words()
    {
        Assert.IsType<KqlOr>(Parse("host.name:a OR host.name:b"));
        Assert.IsType<KqlAnd>(Parse("host.name:a aNd host.name:b"));
        Assert.Equal(new KqlMatch("event.action", "or", true), Parse("event.action:\"or\""));
    }

    [Fact]
    public void Empty_query_matches_everything() => Assert.Equal((null, null), KqlParser.Parse("   "));

    [Theory]
    [InlineData("host.name:", 10, "value is expected")]
    [InlineData("host.name:web and", 17, "ends where a condition")]
    [InlineData("(host.name:web", 0, "Missing ')'")]
    [InlineData("host.name:web)", 13, "without a matching '('")]
    [InlineData("user.name:\"Ana", 10, "Missing '\"'")]
    [InlineData("event.risk_score >= high", 20, "not a number or a date")]
    [InlineData("@timestamp > 12.5x", 13, "not a date")]
    [InlineData("and host.name:web", 0, "Expected a condition")]
    [InlineData("\"host.name\":web", 0, "cannot be quoted")]
    [InlineData("host$name:web", 0, "not a field name")]
    [InlineData("()", 1, "Empty parentheses")]
    [InlineData("a or or b", 5, "Expected a condition")]
    public void Syntax_errors_carry_their_position(string query, int position, string message)
    {
        var error = Error(query);
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message);
        Assert.Contains($"character {position + 1}", error.ToString());
    }

    [Fact]
    public void Too_long_or_too_deep_queries_are_refused()
    {
        Assert.Contains("too long", Error(new string('a', KqlParser.MaxLength + 1)).Message);
        Assert.Contains("nested", Error(new string('(', 60) + "a" + new string(')', 60)).Message);
    }
}
