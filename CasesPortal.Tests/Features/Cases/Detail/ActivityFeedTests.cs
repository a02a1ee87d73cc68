using CasesPortal.Features.Cases.Detail;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;

namespace CasesPortal.Tests.Features.Cases.Detail;

/// <summary>The activity feed on the history the real services write, so the sentences match the payloads as stored.</summary>
[Trait(Layer.Name, Layer.Unit)]
public sealed class ActivityFeedTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private CaseTeam team = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        team = await CaseTeam.CreateAsync(portal);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task<CaseView> ChangeAsync(CaseView item, Func<CaseChanges, CaseChanges> change)
    {
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        var result = await portal.Get<CaseService>().UpdateAsync(team.Analyst, [change(new CaseChanges(item.Id, item.Version))]);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value![0];
    }

    [Fact]
    public async Task Every_change_made_through_the_services_reads_as_a_sentence()
    {
        var cases = portal.Get<CaseService>();
        var original = (await cases.CreateAsync(team.Lead, new NewCase("Phishing wave"))).Value!;
        var item = (await cases.CreateAsync(team.Analyst, new NewCase("A", "First text", ["phishing"]))).Value!;
        item = await ChangeAsync(item, c => c with { Title = "B" });
        item = await ChangeAsync(item, c => c with { Description = "Second text" });
        item = await ChangeAsync(item, c => c with { Severity = CaseSeverity.High });
        item = await ChangeAsync(item, c => c with { Tags = ["apt", "c2"] });
        item = await ChangeAsync(item, c => c with { AssigneeIds = [team.OtherAnalyst.UserId, team.Analyst.UserId] });
        item = await ChangeAsync(item, c => c with { Category = new Given<string?>("Malware") });
        item = await ChangeAsync(item, c => c with { SyncAlerts = false });
        item = await ChangeAsync(item, c => c with { Status = CaseStatus.InProgress });
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        await portal.Get<CommentService>().AddAsync(team.Analyst, item.Id, "Beacon every **60 s**");
        item = (await portal.Get<CaseQueries>().GetAsync(item.Id))!;
        item = await ChangeAsync(item, c => c with
        {
            Status = CaseStatus.Closed, CloseReason = CloseReason.Duplicate, DuplicateOfId = original.Id, CloseReasonNote = "Same sender", RequireCloseReason = true,
        });

        var feed = await portal.Get<ActivityFeed>().LoadAsync(item.Id, ActivityFilter.All, newestFirst: false, pages: 1);

        Assert.Equal(
        [
            "Ana Diaz created the case",
            "Ana Diaz changed the title from “A” to “B”",
            "Ana Diaz edited the description",
            "Ana Diaz changed severity from low to high",
            "Ana Diaz added tags apt, c2",
            "Ana Diaz removed tag phishing",
            "Ana Diaz assigned Tomás Becker and themselves",
            "Ana Diaz set the category to Malware",
            "Ana Diaz turned alert sync off",
            "Ana Diaz marked the case as in progress",
            "comment: Beacon every **60 s**",
            $"Ana Diaz marked it a duplicate of #{original.Number}",
        ], feed.Items.Select(i => i.Comment is { } c ? $"comment: {c.Body}" : i.Sentence!.ToString()));
        Assert.Equal("Same sender", feed.Items[^1].Sentence!.Note);
        Assert.False(feed.HasMore);
    }

    [Fact]
    public async Task Filters_sort_and_pages_of_fifty()
    {
        var item = (await portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Noisy case"))).Value!;
        for (var i = 1; i <= 60; i++)
        {
            portal.Clock.Advance(TimeSpan.FromSeconds(1));
            await portal.Get<CommentService>().AddAsync(team.Analyst, item.Id, $"note {i}");
        }
        var feed = portal.Get<ActivityFeed>();

        var first = await feed.LoadAsync(item.Id, ActivityFilter.Comments, newestFirst: true, pages: 1);
        Assert.Equal(50, first.Items.Count);
        Assert.Equal("note 60", first.Items[0].Comment!.Body);
        Assert.True(first.HasMore);
        Assert.Equal((50, 60), (first.LoadedLines, first.TotalLines));

        var both = await feed.LoadAsync(item.Id, ActivityFilter.Comments, newestFirst: true, pages: 2);
        Assert.Equal(60, both.Items.Count);
        Assert.False(both.HasMore);

        var history = await feed.LoadAsync(item.Id, ActivityFilter.History, newestFirst: false, pages: 1);
        Assert.Equal(["Ana Diaz created the case"], history.Items.Select(i => i.Sentence!.ToString()));
    }

    [Theory]
    [InlineData(20, "just now")]
    [InlineData(60, "1 minute ago")]
    [InlineData(3 * 3600 + 5, "3 hours ago")]
    [InlineData(2 * 86400, "2 days ago")]
    [InlineData(40 * 86400, null)]
    public void Recent_times_read_as_relative(int secondsAgo, string? expected)
    {
        var now = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(expected, RelativeTime.Describe(now.AddSeconds(-secondsAgo), now));
    }
}
