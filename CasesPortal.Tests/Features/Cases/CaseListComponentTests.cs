using Bunit;
using CasesPortal.Features.Cases.List;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using Microsoft.AspNetCore.Components;

namespace CasesPortal.Tests.Features.Cases;

[Trait(Layer.Name, Layer.Component)]
public sealed class CaseListComponentTests : PortalComponentTest
{
    private CaseActor Admin => new(AdminId, new HashSet<string> { CasesPortal.Features.Accounts.Roles.Admin });

    private async Task SeedAsync()
    {
        var cases = Portal.Get<CaseService>();
        var a = (await cases.CreateAsync(Admin, new NewCase("Phishing at finance", Tags: ["phishing"], Severity: CaseSeverity.High))).Value!;
        await cases.CreateAsync(Admin, new NewCase("Malware on laptop", Tags: ["malware"], Severity: CaseSeverity.Critical));
        await cases.UpdateAsync(Admin, [new CaseChanges(a.Id, a.Version) { Status = CaseStatus.Closed, CloseReason = CloseReason.TruePositive }]);
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void A_new_portal_explains_how_to_create_the_first_case()
    {
        var cut = RenderWithProviders<CaseListPage>();

        cut.WaitForAssertion(() => Assert.Contains("No cases yet", cut.Find("#cases-empty").TextContent));
        Assert.Contains("Create your first case", cut.Markup);
    }

    [Fact]
    public async Task The_list_shows_figures_and_rows_and_filters_from_the_address()
    {
        await SeedAsync();
        Navigation.NavigateTo("/cases?status=open");

        var cut = RenderWithProviders<CaseListPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#cases-table tbody tr")));
        Assert.Contains("Malware on laptop", cut.Find("#cases-table tbody tr").TextContent);
        Assert.Equal("1", cut.Find("#figure-open h5").TextContent.Trim());
        Assert.Equal("1", cut.Find("#figure-closed h5").TextContent.Trim());
    }

    [Fact]
    public async Task Clicking_a_status_figure_puts_the_filter_in_the_address()
    {
        await SeedAsync();
        var cut = RenderWithProviders<CaseListPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("#cases-table tbody tr").Count));

        cut.Find("#figure-closed").Click();

        Assert.EndsWith("/cases?status=closed", Navigation.Uri);
    }

    [Fact]
    public async Task The_create_dialog_validates_then_creates_the_case_and_opens_it()
    {
        var cut = RenderWithProviders<CaseListPage>();
        cut.WaitForAssertion(() => cut.Find("#create-case"));

        cut.Find("#create-case").Click();
        cut.WaitForAssertion(() => cut.Find("#new-case-submit"));
        cut.Find("#new-case-submit").Click();
        cut.WaitForAssertion(() => Assert.Contains("Title is required.", cut.Markup));
        Assert.Empty((await Portal.Get<CaseQueries>().FindAsync(new CaseQuery())).Cases);

        cut.Find("#new-case-title").Input("Rogue scheduled task on SRV-7");
        cut.Find("#new-case-submit").Click();

        cut.WaitForAssertion(() => Assert.Matches(@"/cases/\d+$", Navigation.Uri));
        var created = (await Portal.Get<CaseQueries>().FindAsync(new CaseQuery())).Cases.Single();
        Assert.Equal("Rogue scheduled task on SRV-7", created.Title);
        Assert.EndsWith($"/cases/{created.Number}", Navigation.Uri);
    }

    [Fact]
    public void Filters_round_trip_through_the_address()
    {
        var filter = new CaseListFilter
        {
            Search = "web shell", Statuses = [CaseStatus.Open, CaseStatus.InProgress], Severities = [CaseSeverity.Critical],
            Tags = ["apt 29", "iis"], Assignees = [CaseListFilter.Me, CaseQuery.Unassigned], CloseReasons = [CloseReason.Benign],
            CreatedFrom = new DateOnly(2026, 11, 1), Sort = CaseSortField.Severity, Descending = false, Page = 3, PageSize = 50,
        };

        var parsed = CaseListFilter.Parse("http://localhost" + filter.ToUrl());

        Assert.Equal(filter.ToUrl(), parsed.ToUrl());
        Assert.Equal(["apt 29", "iis"], parsed.Tags);
        Assert.Equal(CaseSortField.Severity, parsed.Sort);
        var query = parsed.ToQuery("viewer-id", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.Equal(["viewer-id", CaseQuery.Unassigned], query.AssigneeIds);
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero), query.CreatedFrom!.Value.ToUniversalTime());
    }

    [Fact]
    public async Task Bulk_changes_carry_each_cases_version_and_skip_cases_already_in_that_state()
    {
        await SeedAsync();
        var cases = (await Portal.Get<CaseQueries>().FindAsync(new CaseQuery())).Cases;

        Assert.Single(CaseBulkChanges.Status(cases, CaseStatus.Closed));
        var tagChanges = CaseBulkChanges.Tags(cases, ["ioc"], add: true);
        Assert.All(tagChanges, c => Assert.Contains("ioc", c.Tags!));
        Assert.Equal(cases.Select(c => c.Version).Order(), tagChanges.Select(c => c.Version!).Order());
        Assert.Single(CaseBulkChanges.Tags(cases, ["PHISHING"], add: false));
    }
}
