using System.Text.Json;
using CasesPortal.Features.Cases.Detail;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Tests.Features.Cases.Detail;

[Trait(Layer.Name, Layer.Unit)]
public sealed class ActivitySentencesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Ana = new("u-ana", "ana@soc.example", "Ana Diaz");
    private static readonly PersonRef Tomas = new("u-tomas", "tomas@soc.example", "Tomás Becker");
    private static readonly PersonRef Maya = new("u-maya", "maya@soc.example", "Maya Okafor");
    private static readonly CaseLink Original = new("case-12", 12, "Phishing wave");

    private static readonly ActivityNames Names = new(
        new Dictionary<string, PersonRef> { [Tomas.UserId] = Tomas, [Maya.UserId] = Maya },
        new Dictionary<string, CaseLink> { [Original.Id] = Original });

    private static UserActionView Line(string type, string action, object payload, object? old = null, string? commentId = null, PersonRef? by = null) =>
        new(Guid.NewGuid().ToString(), "case-1", type, action, JsonSerializer.Serialize(payload), old is null ? null : JsonSerializer.Serialize(old),
            commentId, At, by ?? Ana);

    private static string Say(UserActionView line) => ActivitySentences.Describe(line, Names).ToString();

    [Fact]
    public void Creating_the_case() =>
        Assert.Equal("Ana Diaz created the case", Say(Line("create_case", "create", new { title = "T", severity = "low", status = "open" })));

    [Fact]
    public void Title_and_description()
    {
        Assert.Equal("Ana Diaz changed the title from “A” to “B”", Say(Line("title", "update", new { title = "B" }, "A")));
        Assert.Equal("Ana Diaz edited the description", Say(Line("description", "update", new { description = "New text" }, "Old")));
        Assert.Equal("Ana Diaz cleared the description", Say(Line("description", "update", new { description = "" }, "Old")));
    }

    [Theory]
    [InlineData("open", "in-progress", "Ana Diaz marked the case as in progress")]
    [InlineData("in-progress", "open", "Ana Diaz marked the case as open")]
    [InlineData("open", "closed", "Ana Diaz closed the case")]
    [InlineData("closed", "open", "Ana Diaz reopened the case")]
    [InlineData("closed", "in-progress", "Ana Diaz reopened the case as in progress")]
    public void Status(string from, string to, string sentence) =>
        Assert.Equal(sentence, Say(Line("status", "update", new { status = to }, from)));

    [Fact]
    public void Severity() =>
        Assert.Equal("Ana Diaz changed severity from low to high", Say(Line("severity", "update", new { severity = "high" }, "low")));

    [Fact]
    public void Tags()
    {
        Assert.Equal("Ana Diaz added tags phishing, apt", Say(Line("tags", "add", new { tags = new[] { "phishing", "apt" } })));
        Assert.Equal("Ana Diaz removed tag apt", Say(Line("tags", "delete", new { tags = new[] { "apt" } })));
    }

    [Fact]
    public void Assignees_are_named_from_their_ids()
    {
        object Uids(params string[] ids) => new { assignees = ids.Select(uid => new { uid }) };

        Assert.Equal("Ana Diaz assigned Tomás Becker", Say(Line("assignees", "add", Uids(Tomas.UserId))));
        Assert.Equal("Ana Diaz assigned Tomás Becker and Maya Okafor", Say(Line("assignees", "add", Uids(Tomas.UserId, Maya.UserId))));
        Assert.Equal("Ana Diaz assigned themselves", Say(Line("assignees", "add", Uids(Ana.UserId))));
        Assert.Equal("Ana Diaz unassigned Tomás Becker", Say(Line("assignees", "delete", Uids(Tomas.UserId))));
        Assert.Equal("Ana Diaz assigned a former account", Say(Line("assignees", "add", Uids("gone"))));
    }

    [Fact]
    public void Category()
    {
        Assert.Equal("Ana Diaz set the category to Malware", Say(Line("category", "update", new { category = "Malware" })));
        Assert.Equal("Ana Diaz removed the category", Say(Line("category", "delete", new { category = (string?)null }, "Malware")));
    }

    [Fact]
    public void Alert_sync_setting()
    {
        Assert.Equal("Ana Diaz turned alert sync off", Say(Line("settings", "update", new { settings = new { syncAlerts = false } }, new { syncAlerts = true })));
        Assert.Equal("Ana Diaz turned alert sync on", Say(Line("settings", "update", new { settings = new { syncAlerts = true } }, new { syncAlerts = false })));
    }

    [Fact]
    public void Close_reasons_with_their_note_and_the_duplicated_case()
    {
        var falsePositive = ActivitySentences.Describe(Line("close_reason", "update",
            new { close_reason = "false_positive", close_reason_note = "Scanner from IT", duplicate_of = (string?)null }), Names);
        Assert.Equal("Ana Diaz closed the case as false positive", falsePositive.ToString());
        Assert.Equal("Scanner from IT", falsePositive.Note);

        var duplicate = ActivitySentences.Describe(Line("close_reason", "update",
            new { close_reason = "duplicate", close_reason_note = (string?)null, duplicate_of = Original.Id }), Names);
        Assert.Equal("Ana Diaz marked it a duplicate of #12", duplicate.ToString());
        Assert.Equal(Original, duplicate.Link);
    }

    [Fact]
    public void Comments_and_the_trash()
    {
        Assert.Equal("Ana Diaz deleted a comment", Say(Line("comment", "delete", new { comment = new { type = "user", owner = "o" } }, commentId: "c1")));
        Assert.Equal("Ana Diaz edited a comment", Say(Line("comment", "update", new { comment = new { comment = "x", type = "user" } }, "old", "c1")));
        Assert.Equal("Ana Diaz moved the case to the Trash", Say(Line("delete_case", "delete", new { })));
        Assert.Equal("Ana Diaz restored the case from the Trash", Say(Line("delete_case", "create", new { restored = true })));
    }

    [Fact]
    public void A_payload_that_is_not_json_still_reads_as_a_sentence()
    {
        var odd = new UserActionView("a", "case-1", "severity", "update", "not json", "{", null, At, Ana);
        Assert.Equal("Ana Diaz changed severity", ActivitySentences.Describe(odd, Names).ToString());
    }

    [Fact]
    public void The_people_and_cases_lines_mention_are_listed_for_lookup()
    {
        var lines = new[]
        {
            Line("assignees", "add", new { assignees = new[] { new { uid = Tomas.UserId }, new { uid = Maya.UserId } } }),
            Line("close_reason", "update", new { close_reason = "duplicate", duplicate_of = Original.Id }),
            Line("tags", "add", new { tags = new[] { "x" } }),
        };
        Assert.Equal([Tomas.UserId, Maya.UserId], ActivitySentences.MentionedPeople(lines));
        Assert.Equal([Original.Id], ActivitySentences.MentionedCases(lines));
    }

    [Fact]
    public void The_timeline_shows_live_comments_hides_edits_and_deleted_ones_and_merges_a_close_with_its_reason()
    {
        var comment = new CommentView("c1", "case-1", "Looks like **phishing**", "o", At, Ana, null, null, "WzEsMV0=");
        var lines = new[]
        {
            Line("create_case", "create", new { }),
            Line("comment", "create", new { comment = new { comment = "Looks like phishing" } }, commentId: "c1"),
            Line("comment", "update", new { comment = new { comment = "Looks like **phishing**" } }, "Looks like phishing", "c1"),
            Line("comment", "create", new { comment = new { comment = "typo" } }, commentId: "c2"),
            Line("comment", "delete", new { comment = new { type = "user" } }, commentId: "c2"),
            Line("status", "update", new { status = "closed" }, "open"),
            Line("close_reason", "update", new { close_reason = "benign" }),
        };

        var items = ActivityTimeline.Build(lines, new Dictionary<string, CommentView> { ["c1"] = comment }, Names);

        Assert.Equal(["Ana Diaz created the case", "comment c1", "Ana Diaz deleted a comment", "Ana Diaz closed the case as benign"],
            items.Select(i => i.Comment is { } c ? $"comment {c.Id}" : i.Sentence!.ToString()));
    }

    [Fact]
    public void Quoting_prefixes_every_line()
    {
        Assert.Equal("> first\n>\n> second", MarkdownQuote.Quote("first\r\n\r\nsecond\n"));
        Assert.Equal("My reply\n\n> quoted\n\n", MarkdownQuote.AppendTo("My reply\n", "quoted"));
    }
}
