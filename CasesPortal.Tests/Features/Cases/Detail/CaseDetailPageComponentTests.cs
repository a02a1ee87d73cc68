using Bunit;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Detail;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Tests.Features.Cases.Detail;

[Trait(Layer.Name, Layer.Component)]
public sealed class CaseDetailPageComponentTests : PortalComponentTest
{
    private CaseTeam team = default!;

    private async Task<CaseView> CreateCaseAsync()
    {
        team = await CaseTeam.CreateAsync(Portal);
        var created = await Portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Phishing wave", "Users report *odd* mail.", ["phishing"]));
        Assert.True(created.Succeeded, created.Error?.Message);
        return created.Value!;
    }

    private async Task<CaseView> UpdateAsync(CaseActor actor, CaseView item, Func<CaseChanges, CaseChanges> change)
    {
        Portal.Clock.Advance(TimeSpan.FromMinutes(1));
        var fresh = (await Portal.Get<CaseQueries>().GetAsync(item.Id))!;
        var result = await Portal.Get<CaseService>().UpdateAsync(actor, [change(new CaseChanges(item.Id, fresh.Version))]);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value![0];
    }

    private async Task CommentAsync(CaseActor actor, CaseView item, string body)
    {
        Portal.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await Portal.Get<CommentService>().AddAsync(actor, item.Id, body)).Succeeded);
    }

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderCase(CaseView item) =>
        RenderWithProviders<CaseDetailPage>((nameof(CaseDetailPage.Number), item.Number));

    private static List<string> Entries(IRenderedComponent<Bunit.Rendering.ContainerFragment> cut) =>
        cut.FindAll("#activity-list > li").Select(li => string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();

    [Fact]
    public async Task The_activity_interleaves_comments_and_history_by_time()
    {
        var item = await CreateCaseAsync();
        await CommentAsync(team.OtherAnalyst, item, "Sender domain registered **yesterday**.");
        item = await UpdateAsync(team.Analyst, item, c => c with { Severity = CaseSeverity.High });
        await CommentAsync(team.Analyst, item, "Blocked at the gateway.");

        var cut = RenderCase(item);

        cut.WaitForAssertion(() => Assert.Equal(4, Entries(cut).Count));
        var entries = Entries(cut);
        Assert.StartsWith("Ana Diaz created the case", entries[0]);
        Assert.Contains("Tomás Becker commented", entries[1]);
        Assert.Contains("Sender domain registered yesterday.", entries[1]);
        Assert.StartsWith("Ana Diaz changed severity from low to high", entries[2]);
        Assert.Contains("Blocked at the gateway.", entries[3]);
        Assert.Equal("yesterday", cut.Find("#activity-list strong").TextContent);
    }

    [Fact]
    public async Task The_filter_shows_only_comments_or_only_history_and_the_sort_turns_the_order()
    {
        var item = await CreateCaseAsync();
        await CommentAsync(team.Analyst, item, "First note");
        item = await UpdateAsync(team.Analyst, item, c => c with { Tags = ["phishing", "apt"] });
        await CommentAsync(team.Analyst, item, "Second note");
        var cut = RenderCase(item);
        cut.WaitForAssertion(() => Assert.Equal(4, Entries(cut).Count));

        cut.Find("#activity-filter-comments").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("#activity-list > li.activity-comment").Count));
        Assert.Empty(cut.FindAll("#activity-list > li.activity-line"));

        cut.Find("#activity-filter-history").Click();
        cut.WaitForAssertion(() => Assert.Equal(["Ana Diaz created the case", "Ana Diaz added tag apt"],
            Entries(cut).Select(e => e.Split(" · ")[0])));

        cut.Find("#activity-sort").Click();
        cut.WaitForAssertion(() => Assert.Equal(["Ana Diaz added tag apt", "Ana Diaz created the case"],
            Entries(cut).Select(e => e.Split(" · ")[0])));
        Assert.Contains("Newest first", cut.Find("#activity-sort").TextContent);
    }

    [Fact]
    public async Task A_comment_written_in_the_composer_is_stored_and_shown()
    {
        var item = await CreateCaseAsync();
        var cut = RenderCase(item);
        cut.WaitForAssertion(() => cut.Find("#comment-input"));

        cut.Find("#comment-input").Input("Mail purged from **all** inboxes.");
        cut.WaitForAssertion(() => Assert.Contains("33 / 30,000", cut.Find("#comment-input-counter").TextContent));
        cut.Find("#add-comment").Click();

        cut.WaitForAssertion(() => Assert.Contains(Entries(cut), e => e.Contains("Mail purged from all inboxes.")));
        var (stored, total) = await Portal.Get<CommentService>().FindAsync(item.Id, 1, 10, newestFirst: false);
        Assert.Equal(1, total);
        Assert.Equal("Mail purged from **all** inboxes.", stored[0].Body);
        Assert.Equal(AdminId, stored[0].CreatedBy.UserId);
        Assert.Equal("", cut.Find("#comment-input").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task A_stale_description_save_is_refused_and_keeps_the_draft()
    {
        var item = await CreateCaseAsync();
        var cut = RenderCase(item);
        cut.WaitForAssertion(() => cut.Find("#edit-description"));
        cut.Find("#edit-description").Click();
        cut.Find("#description-input").Input("My new analysis");

        await UpdateAsync(team.OtherAnalyst, item, c => c with { Severity = CaseSeverity.Critical });

        // The live refresh shows the other analyst's change and warns, without touching the draft.
        cut.WaitForAssertion(() => Assert.Contains("Critical", cut.Find("#severity-menu").TextContent));
        cut.WaitForAssertion(() => Assert.Contains("Tomás Becker changed this case", cut.Find("#description-conflict").TextContent));
        cut.Find("#save-description").Click();

        cut.WaitForAssertion(() => Assert.Contains("Not saved: Tomás Becker changed this case", cut.Find("#description-conflict").TextContent));
        Assert.Contains("has been updated", cut.Find("#description-conflict").TextContent);
        Assert.Equal("My new analysis", cut.Find("#description-input").GetAttribute("value") ?? cut.Find("#description-input").TextContent);
        Assert.Equal("Users report *odd* mail.", (await Portal.Get<CaseQueries>().GetAsync(item.Id))!.Description);

        // Having seen the latest version, the analyst puts the draft over it on purpose.
        cut.Find("#description-conflict-overwrite").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#description-input")));
        Assert.Equal("My new analysis", (await Portal.Get<CaseQueries>().GetAsync(item.Id))!.Description);
    }

    [Fact]
    public async Task A_viewer_sees_the_case_without_any_edit_control()
    {
        var item = await CreateCaseAsync();
        await CommentAsync(team.Analyst, item, "Only analysts write here.");
        SignInAs(team.Viewer.UserId, "sam@soc.example", Roles.Viewer);

        var cut = RenderCase(item);

        cut.WaitForAssertion(() => Assert.Equal(2, Entries(cut).Count));
        Assert.Equal("Phishing wave", cut.Find("#case-title").TextContent);
        foreach (var control in new[] { "#edit-title", "#status-menu", "#severity-menu", "#edit-description", "#comment-composer", "#add-assignee",
                     "#assign-yourself", "#tag-input", "#category-input", "#sync-alerts", ".comment-actions" })
            Assert.Empty(cut.FindAll(control));
        Assert.Contains("Open", cut.Find(".status-chip").TextContent);
    }

    [Fact]
    public async Task Another_analysts_change_shows_without_reload()
    {
        var item = await CreateCaseAsync();
        var cut = RenderCase(item);
        cut.WaitForAssertion(() => cut.Find("#case-title"));

        await UpdateAsync(team.OtherAnalyst, item, c => c with { Title = "Phishing wave at finance", AssigneeIds = [team.Analyst.UserId] });
        await CommentAsync(team.OtherAnalyst, item, "Finance only.");

        cut.WaitForAssertion(() => Assert.Equal("Phishing wave at finance", cut.Find("#case-title").TextContent));
        cut.WaitForAssertion(() => Assert.Contains(Entries(cut), e => e.Contains("Finance only.")));
        Assert.Contains("Ana Diaz", cut.Find("#case-assignees").TextContent);
        Assert.Contains(Entries(cut), e => e.StartsWith("Tomás Becker assigned Ana Diaz"));
    }

    [Fact]
    public async Task A_case_in_the_trash_or_an_unknown_number_says_not_found_with_a_way_back()
    {
        var item = await CreateCaseAsync();
        await Portal.Get<CaseService>().DeleteAsync(team.Lead, [item.Id]);

        var cut = RenderCase(item);

        cut.WaitForAssertion(() => Assert.Contains($"Case #{item.Number} not found", cut.Find("#case-not-found").TextContent));
        Assert.Equal("/cases", cut.Find("#back-to-cases").GetAttribute("href"));
    }

    [Fact]
    public async Task A_comment_can_be_quoted_edited_and_deleted_leaving_a_tombstone()
    {
        var item = await CreateCaseAsync();
        await CommentAsync(team.Analyst, item, "Hash seen on two hosts\nboth in finance");
        var cut = RenderCase(item);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".comment-card")));

        void ChooseFromCommentMenu(string action)
        {
            cut.Find(".comment-actions button").Click();
            cut.WaitForAssertion(() => cut.FindAll(".mud-popover-open .mud-menu-item").Single(i => i.TextContent.Contains(action)).Click());
        }

        ChooseFromCommentMenu("Quote");
        cut.WaitForAssertion(() => Assert.Equal("> Hash seen on two hosts\n> both in finance\n\n", cut.Find("#comment-input").GetAttribute("value")));

        ChooseFromCommentMenu("Edit");
        var commentId = (await Portal.Get<CommentService>().FindAsync(item.Id, 1, 10, false)).Comments[0].Id;
        cut.WaitForAssertion(() => cut.Find($"#comment-edit-{commentId}").Input("Hash seen on three hosts"));
        cut.Find($"#comment-save-{commentId}").Click();
        cut.WaitForAssertion(() => Assert.Contains("edited", cut.Find(".comment-card").TextContent));
        Assert.Equal("Hash seen on three hosts", (await Portal.Get<CommentService>().GetAsync(item.Id, commentId))!.Body);

        ChooseFromCommentMenu("Delete");
        cut.WaitForAssertion(() => cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete").Click());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".comment-card")));
        Assert.Contains(Entries(cut), e => e.StartsWith("Administrator deleted a comment"));
    }
}
