using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Tests.Features.Cases;

[Trait(Layer.Name, Layer.Unit)]
public sealed class CaseQueriesAndCommentsTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private CaseTeam team = default!;
    private CaseService cases = default!;
    private CaseQueries queries = default!;
    private CommentService comments = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        team = await CaseTeam.CreateAsync(portal);
        (cases, queries, comments) = (portal.Get<CaseService>(), portal.Get<CaseQueries>(), portal.Get<CommentService>());
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task<CaseView> Add(string title, CaseSeverity severity, string[] tags, string? assignee = null, string description = "")
    {
        portal.Clock.Advance(TimeSpan.FromHours(1));
        return (await cases.CreateAsync(team.Analyst, new NewCase(title, description, tags, severity,
            AssigneeIds: assignee is null ? [] : [assignee]))).Value!;
    }

    private async Task Close(CaseView item, TimeSpan after)
    {
        portal.Clock.Advance(after);
        await cases.UpdateAsync(team.Analyst, [new CaseChanges(item.Id, item.Version) { Status = CaseStatus.Closed, CloseReason = CloseReason.Benign }]);
    }

    [Fact]
    public async Task Filters_combine_in_sql_and_status_counts_ignore_the_status_filter()
    {
        var phish = await Add("Phishing at finance", CaseSeverity.High, ["phishing"], team.Analyst.UserId);
        var malware = await Add("Malware on laptop", CaseSeverity.Critical, ["malware"], description: "Beacon to 203.0.113.7");
        var phish2 = await Add("Second phishing", CaseSeverity.Low, ["PHISHING", "finance"]);
        await Close(phish2, TimeSpan.FromHours(2));

        var closedPhishing = await queries.FindAsync(new CaseQuery { Tags = ["phishing"], Statuses = [CaseStatus.Closed] });
        Assert.Equal(["Second phishing"], closedPhishing.Cases.Select(c => c.Title));
        Assert.Equal((1, 0, 1, 1), (closedPhishing.CountOpen, closedPhishing.CountInProgress, closedPhishing.CountClosed, closedPhishing.Total));
        Assert.Equal(2 * 3600, closedPhishing.AverageSecondsToClose);

        Assert.Equal(["Malware on laptop"], (await queries.FindAsync(new CaseQuery { Search = "203.0.113" })).Cases.Select(c => c.Title));
        Assert.Equal(["Malware on laptop"], (await queries.FindAsync(new CaseQuery { Search = $"#{malware.Number}" })).Cases.Select(c => c.Title));
        Assert.Equal(["Phishing at finance"], (await queries.FindAsync(new CaseQuery { AssigneeIds = [team.Analyst.UserId] })).Cases.Select(c => c.Title));
        Assert.Equal(2, (await queries.FindAsync(new CaseQuery { AssigneeIds = [CaseQuery.Unassigned] })).Total);
        Assert.Equal(["Malware on laptop", "Phishing at finance"],
            (await queries.FindAsync(new CaseQuery { Severities = [CaseSeverity.High, CaseSeverity.Critical], Sort = CaseSortField.Title, Descending = false })).Cases.Select(c => c.Title));
        Assert.Equal([phish2.Number, malware.Number, phish.Number],
            (await queries.FindAsync(new CaseQuery { Sort = CaseSortField.CreatedAt })).Cases.Select(c => c.Number));
        Assert.Equal(["Second phishing"], (await queries.FindAsync(new CaseQuery { CloseReasons = [CloseReason.Benign] })).Cases.Select(c => c.Title));
        Assert.Single((await queries.FindAsync(new CaseQuery { CreatedFrom = phish.CreatedAt.AddMinutes(1), CreatedTo = malware.CreatedAt })).Cases);
    }

    [Fact]
    public async Task Pages_hold_at_most_100_and_suggestions_list_tags_and_categories()
    {
        for (var i = 0; i < 30; i++) await Add($"Case {i}", CaseSeverity.Low, [i % 2 == 0 ? "even" : "Odd"]);

        var page2 = await queries.FindAsync(new CaseQuery { Page = 2, PerPage = 25 });
        Assert.Equal(5, page2.Cases.Count);
        Assert.Equal(30, page2.Total);
        Assert.Equal(100, (await queries.FindAsync(new CaseQuery { PerPage = 1000 })).PerPage);
        Assert.Equal(["even", "Odd"], await queries.TagsAsync());
        Assert.Equal(["Ana Diaz"], (await queries.ReportersAsync()).Select(p => p.DisplayName));
    }

    [Fact]
    public async Task Comments_count_on_the_case_and_only_authors_or_leads_change_them()
    {
        var item = await Add("Case", CaseSeverity.Low, []);
        var comment = (await comments.AddAsync(team.Analyst, item.Id, "First finding")).Value!;
        await comments.AddAsync(team.OtherAnalyst, item.Id, "Second finding");

        Assert.Equal(2, (await queries.GetAsync(item.Id))!.CommentCount);
        Assert.Equal(1, CaseVersion.Decode((await queries.GetAsync(item.Id))!.Version));
        Assert.Equal(403, (await comments.UpdateAsync(team.OtherAnalyst, item.Id, comment.Id, comment.Version, "hijack")).Error!.Status);
        Assert.Equal(403, (await comments.AddAsync(team.Viewer, item.Id, "hi")).Error!.Status);
        Assert.Contains("comment is required", (await comments.AddAsync(team.Analyst, item.Id, " ")).Error!.Message);

        var edited = (await comments.UpdateAsync(team.Analyst, item.Id, comment.Id, comment.Version, "First finding, corrected")).Value!;
        Assert.Equal(409, (await comments.UpdateAsync(team.Analyst, item.Id, comment.Id, comment.Version, "stale")).Error!.Status);
        Assert.True((await comments.DeleteAsync(team.Lead, item.Id, edited.Id)).Succeeded);

        var (left, total) = await comments.FindAsync(item.Id, 1, 20, newestFirst: false);
        Assert.Equal(["Second finding"], left.Select(c => c.Body));
        Assert.Equal(1, total);
        Assert.Equal(1, (await queries.GetAsync(item.Id))!.CommentCount);
        var (history, _) = await portal.Get<ActivityQueries>().FindAsync(item.Id, ["comment"], false, 1, 20);
        Assert.Equal(["create", "create", "update", "delete"], history.Select(h => h.Action));
    }

    [Fact]
    public async Task Deleting_all_comments_is_for_leads()
    {
        var item = await Add("Case", CaseSeverity.Low, []);
        await comments.AddAsync(team.Analyst, item.Id, "One");
        await comments.AddAsync(team.Analyst, item.Id, "Two");

        Assert.Equal(403, (await comments.DeleteAsync(team.Analyst, item.Id, null)).Error!.Status);
        Assert.Equal(2, (await comments.DeleteAsync(team.Lead, item.Id, null)).Value);
        Assert.Equal(0, (await queries.GetAsync(item.Id))!.CommentCount);
    }
}
