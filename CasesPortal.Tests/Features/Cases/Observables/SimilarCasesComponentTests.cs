using Bunit;
using CasesPortal.Features.Cases.Observables;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Tests.Features.Cases.Observables;

[Trait(Layer.Name, Layer.Component)]
public sealed class SimilarCasesComponentTests : PortalComponentTest
{
    private async Task<(string First, CaseView Second)> CasesSharingAnIpAsync()
    {
        var team = await CaseTeam.CreateAsync(Portal);
        var cases = Portal.Get<CaseService>();
        var observables = Portal.Get<ObservableService>();
        var first = (await cases.CreateAsync(team.Analyst, new NewCase("Beaconing", "", []))).Value!;
        var second = (await cases.CreateAsync(team.Analyst, new NewCase("Phishing", "", []))).Value!;
        await observables.AddAsync(team.Analyst, first.Id, new NewObservable(ObservableRules.Ipv4, "203.0.113.9"));
        await observables.AddAsync(team.Analyst, second.Id, new NewObservable(ObservableRules.Ipv4, "203.0.113.9"));
        return (first.Id, second);
    }

    [Fact]
    public async Task The_list_shows_cases_sharing_values_with_their_chips()
    {
        var (first, second) = await CasesSharingAnIpAsync();
        var cut = RenderWithProviders<SimilarCasesList>((nameof(SimilarCasesList.CaseId), first), (nameof(SimilarCasesList.Stamp), 1));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".similar-case")));
        var item = cut.Find(".similar-case");
        Assert.Contains($"#{second.Number}", item.TextContent);
        Assert.Contains("Phishing", item.TextContent);
        Assert.Contains("IPv4: 203.0.113.9", item.TextContent);
    }

    [Fact]
    public async Task A_case_sharing_nothing_explains_what_makes_cases_similar()
    {
        var team = await CaseTeam.CreateAsync(Portal);
        var lonely = (await Portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Lonely", "", []))).Value!;
        var cut = RenderWithProviders<SimilarCasesList>((nameof(SimilarCasesList.CaseId), lonely.Id), (nameof(SimilarCasesList.Stamp), 1));
        cut.WaitForAssertion(() => Assert.Contains("share an observable", cut.Find("#similar-empty").TextContent));
    }
}

[Trait(Layer.Name, Layer.Component)]
public sealed class SimilarCasesTabComponentTests : PortalComponentTest
{
    [Fact]
    public async Task The_case_page_opens_its_observables_and_similar_cases_tabs()
    {
        var team = await CaseTeam.CreateAsync(Portal);
        var cases = Portal.Get<CaseService>();
        var first = (await cases.CreateAsync(team.Analyst, new NewCase("Beaconing", "", []))).Value!;
        var cut = RenderWithProviders<CasesPortal.Features.Cases.Detail.CaseDetailPage>((nameof(CasesPortal.Features.Cases.Detail.CaseDetailPage.Number), first.Number));
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".mud-tab"), t => t.TextContent.Contains("Similar cases")));
        // Found and clicked in one step on the renderer: the page may re-render its tabs in between otherwise.
        await cut.InvokeAsync(() => cut.FindAll(".mud-tab").First(t => t.TextContent.Contains("Observables")).Click());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#observables-toolbar")));
        await cut.InvokeAsync(() => cut.FindAll(".mud-tab").First(t => t.TextContent.Contains("Similar cases")).Click());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#similar-empty")));
    }
}
