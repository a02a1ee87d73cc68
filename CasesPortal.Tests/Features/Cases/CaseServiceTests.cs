using System.Text.Json;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Tests.Features.Cases;

[Trait(Layer.Name, Layer.Unit)]
public sealed class CaseServiceTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private CaseTeam team = default!;
    private CaseService cases = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        team = await CaseTeam.CreateAsync(portal);
        cases = portal.Get<CaseService>();
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task<CaseView> CreateAsync(string title = "Phishing wave", IReadOnlyList<string>? tags = null, CaseSeverity severity = CaseSeverity.Low)
    {
        var result = await cases.CreateAsync(team.Analyst, new NewCase(title, "Users report *suspicious* mail.", tags ?? ["phishing"], severity));
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!;
    }

    [Fact]
    public async Task A_new_case_gets_the_next_number_defaults_and_a_create_history_line()
    {
        var first = await CreateAsync();
        var second = await cases.CreateAsync(team.Analyst, new NewCase("  Ransomware on FS01  ", Tags: [" apt ", "APT", "ransomware"],
            Severity: CaseSeverity.Critical, Category: " Malware ", AssigneeIds: [team.OtherAnalyst.UserId], SyncAlerts: false));

        var view = second.Value!;
        Assert.Equal(first.Number + 1, view.Number);
        Assert.Equal("Ransomware on FS01", view.Title);
        Assert.Equal(["apt", "ransomware"], view.Tags);
        Assert.Equal("Malware", view.Category);
        Assert.Equal(CaseStatus.Open, view.Status);
        Assert.False(view.SyncAlerts);
        Assert.Equal("Tomás Becker", view.Assignees.Single().DisplayName);
        Assert.Equal("Ana Diaz", view.CreatedBy.DisplayName);
        Assert.Equal(portal.Clock.GetUtcNow(), view.CreatedAt);
        Assert.Equal(1, CaseVersion.Decode(view.Version));

        var (history, _) = await portal.Get<ActivityQueries>().FindAsync(view.Id, [], false, 1, 20);
        var create = Assert.Single(history);
        Assert.Equal(("create_case", "create"), (create.Type, create.Action));
        Assert.Equal("critical", JsonDocument.Parse(create.Payload).RootElement.GetProperty("severity").GetString());
    }

    [Theory]
    [InlineData("", "title is required")]
    [InlineData("x", null)]
    public async Task Titles_are_required(string title, string? problem)
    {
        var result = await cases.CreateAsync(team.Analyst, new NewCase(title));
        if (problem is null) Assert.True(result.Succeeded);
        else Assert.Contains(problem, result.Error!.Message);
    }

    [Fact]
    public async Task Every_limit_is_enforced_with_a_message_naming_field_and_limit()
    {
        async Task<string> Problem(NewCase input) => (await cases.CreateAsync(team.Analyst, input)).Error!.Message;

        Assert.Contains("title must be at most 160", await Problem(new NewCase(new string('t', 161))));
        Assert.Contains("description must be at most 30,000", await Problem(new NewCase("t", new string('d', 30_001))));
        Assert.Contains("category must be at most 50", await Problem(new NewCase("t", Category: new string('c', 51))));
        Assert.Contains("at most 200 tags", await Problem(new NewCase("t", Tags: Enumerable.Range(0, 201).Select(i => $"tag{i}").ToList())));
        Assert.Contains("each tag must be at most 256", await Problem(new NewCase("t", Tags: [new string('g', 257)])));
        Assert.Contains("empty", await Problem(new NewCase("t", Tags: ["  "])));
        Assert.Contains("not an enabled account", await Problem(new NewCase("t", AssigneeIds: ["nobody"])));
        Assert.Empty((await portal.Get<CaseQueries>().FindAsync(new CaseQuery())).Cases);
    }

    [Fact]
    public async Task Viewers_may_not_create_or_change_and_analysts_may_not_delete()
    {
        var item = await CreateAsync();

        Assert.Equal(403, (await cases.CreateAsync(team.Viewer, new NewCase("t"))).Error!.Status);
        Assert.Equal(403, (await cases.UpdateAsync(team.Viewer, [new CaseChanges(item.Id, item.Version) { Title = "x" }])).Error!.Status);
        Assert.Equal(403, (await cases.DeleteAsync(team.Analyst, [item.Id])).Error!.Status);
        Assert.True((await cases.DeleteAsync(team.Lead, [item.Id])).Succeeded);
    }

    [Fact]
    public async Task Each_changed_field_is_recorded_old_to_new_with_who_and_when()
    {
        var item = await CreateAsync(tags: ["phishing", "mail"]);
        portal.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await cases.UpdateAsync(team.OtherAnalyst, [new CaseChanges(item.Id, item.Version)
        {
            Title = "Phishing wave (finance)",
            Severity = CaseSeverity.High,
            Tags = ["PHISHING", "finance"],
            AssigneeIds = [team.Analyst.UserId],
            Category = new Given<string?>("Phishing"),
            Status = CaseStatus.InProgress,
        }]);

        var updated = result.Value!.Single();
        Assert.Equal(2, CaseVersion.Decode(updated.Version));
        Assert.Equal(["finance", "phishing"], updated.Tags);
        Assert.Equal("Tomás Becker", updated.UpdatedBy!.DisplayName);
        var (history, _) = await portal.Get<ActivityQueries>().FindAsync(item.Id, [], false, 1, 50);
        var lines = history.Skip(1).Select(h => $"{h.Type}/{h.Action}").ToList();
        Assert.Equal(["title/update", "severity/update", "category/update", "tags/add", "tags/delete", "assignees/add", "status/update"], lines);
        var severity = history.Single(h => h.Type == "severity");
        Assert.Equal("\"low\"", severity.OldValue);
        Assert.Equal(portal.Clock.GetUtcNow(), severity.CreatedAt);
        Assert.Equal(team.OtherAnalyst.UserId, severity.CreatedBy.UserId);
    }

    [Fact]
    public async Task A_stale_version_refuses_the_whole_batch_and_changes_nothing()
    {
        var a = await CreateAsync("A");
        var b = await CreateAsync("B");
        await cases.UpdateAsync(team.Lead, [new CaseChanges(b.Id, b.Version) { Severity = CaseSeverity.Medium }]);

        var result = await cases.UpdateAsync(team.Analyst, [
            new CaseChanges(a.Id, a.Version) { Title = "A2" },
            new CaseChanges(b.Id, b.Version) { Title = "B2" }]);

        Assert.Equal(409, result.Error!.Status);
        Assert.Equal($"These cases {b.Id} has been updated. Please refresh before saving additional updates.", result.Error.Message);
        Assert.Equal("A", (await portal.Get<CaseQueries>().GetAsync(a.Id))!.Title);
    }

    [Fact]
    public async Task An_update_that_changes_nothing_is_406()
    {
        var item = await CreateAsync();

        var result = await cases.UpdateAsync(team.Analyst, [new CaseChanges(item.Id, item.Version) { Title = item.Title, Tags = ["Phishing"] }]);

        Assert.Equal(406, result.Error!.Status);
    }

    [Fact]
    public async Task Closing_records_reason_duration_and_reopening_clears_it()
    {
        var item = await CreateAsync();
        portal.Clock.Advance(TimeSpan.FromHours(3));

        Assert.Contains("close_reason is required", (await cases.UpdateAsync(team.Analyst,
            [new CaseChanges(item.Id, item.Version) { Status = CaseStatus.Closed, RequireCloseReason = true }])).Error!.Message);
        var closed = (await cases.UpdateAsync(team.Analyst, [new CaseChanges(item.Id, item.Version)
            { Status = CaseStatus.Closed, CloseReason = CloseReason.FalsePositive, CloseReasonNote = "Test mail from IT", RequireCloseReason = true }])).Value!.Single();

        Assert.Equal(3 * 3600, closed.DurationSeconds);
        Assert.Equal(portal.Clock.GetUtcNow(), closed.ClosedAt);
        Assert.Equal(CloseReason.FalsePositive, closed.CloseReason);

        var reopened = (await cases.UpdateAsync(team.Analyst, [new CaseChanges(item.Id, closed.Version) { Status = CaseStatus.Open }])).Value!.Single();
        Assert.Null(reopened.ClosedAt);
        Assert.Null(reopened.DurationSeconds);
        Assert.Null(reopened.CloseReason);
    }

    [Fact]
    public async Task Closing_as_duplicate_links_both_cases()
    {
        var original = await CreateAsync("Original");
        var copy = await CreateAsync("Copy");

        Assert.Contains("duplicate_of is required", (await cases.UpdateAsync(team.Analyst, [new CaseChanges(copy.Id, copy.Version)
            { Status = CaseStatus.Closed, CloseReason = CloseReason.Duplicate }])).Error!.Message);
        var closed = (await cases.UpdateAsync(team.Analyst, [new CaseChanges(copy.Id, copy.Version)
            { Status = CaseStatus.Closed, CloseReason = CloseReason.Duplicate, DuplicateOfId = original.Id }])).Value!.Single();

        Assert.Equal(original.Number, closed.DuplicateOf!.Number);
        Assert.Equal(copy.Number, (await portal.Get<CaseQueries>().DuplicatesOfAsync(original.Id)).Single().Number);
    }

    [Fact]
    public async Task Deleted_cases_go_to_the_trash_can_be_restored_and_are_purged_after_30_days()
    {
        var kept = await CreateAsync("Kept");
        var purged = await CreateAsync("Purged");
        await cases.DeleteAsync(team.Lead, [kept.Id, purged.Id]);
        Assert.Empty((await portal.Get<CaseQueries>().FindAsync(new CaseQuery())).Cases);
        Assert.Equal(2, (await cases.TrashAsync()).Count);

        Assert.True((await cases.RestoreAsync(team.Admin, kept.Id)).Succeeded);
        portal.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(1, await cases.PurgeTrashAsync());

        Assert.Equal(["Kept"], (await portal.Get<CaseQueries>().FindAsync(new CaseQuery())).Cases.Select(c => c.Title));
        Assert.Empty(await cases.TrashAsync());
    }

    [Fact]
    public async Task Unknown_cases_are_404()
    {
        Assert.Equal(404, (await cases.UpdateAsync(team.Analyst, [new CaseChanges("nope", CaseVersion.Encode(1)) { Title = "x" }])).Error!.Status);
        Assert.Equal(404, (await cases.DeleteAsync(team.Lead, ["nope"])).Error!.Status);
    }
}
