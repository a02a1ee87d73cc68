using Bunit;
using CasesPortal.Features.Cases.Observables;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Tests.Features.Cases.Observables;

[Trait(Layer.Name, Layer.Component)]
public sealed class ObservablesPanelComponentTests : PortalComponentTest
{
    private async Task<(CaseTeam Team, CaseView Case)> CaseAsync()
    {
        var team = await CaseTeam.CreateAsync(Portal);
        var item = (await Portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Credential phishing", "", []))).Value!;
        return (team, item);
    }

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderPanel(CaseTeam team, CaseView item) =>
        RenderWithProviders<ObservablesPanel>((nameof(ObservablesPanel.CaseId), item.Id), (nameof(ObservablesPanel.CaseNumber), item.Number),
            (nameof(ObservablesPanel.Actor), team.Analyst), (nameof(ObservablesPanel.Stamp), 1));

    [Fact]
    public async Task Adding_an_observable_checks_the_value_and_lists_it()
    {
        var (team, item) = await CaseAsync();
        var cut = RenderPanel(team, item);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#observables-empty")));

        cut.Find("#observables-add").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#observable-value")));
        cut.Find("#observable-value").Input("10.0.0.300");
        cut.WaitForAssertion(() => Assert.Contains("is not an IPv4 address", cut.Find(".mud-dialog").TextContent));
        Assert.True(cut.Find("#observable-save").HasAttribute("disabled"));

        cut.Find("#observable-value").Input(" 10.0.0.8 ");
        cut.Find("#observable-description").Change("C2 seen in proxy logs");
        cut.WaitForAssertion(() => Assert.False(cut.Find("#observable-save").HasAttribute("disabled")));
        cut.Find("#observable-save").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.observable-row")));
        var row = cut.Find("tr.observable-row");
        Assert.Contains("IPv4", row.TextContent);
        Assert.Contains("10.0.0.8", row.TextContent);
        Assert.Contains("C2 seen in proxy logs", row.TextContent);
        Assert.Contains("TLP:AMBER", row.TextContent);
        Assert.Equal(1, (await Portal.Get<ObservableService>().ListAsync(item.Id, new ObservableFilter()))!.Total);
    }

    [Fact]
    public async Task Paste_many_previews_the_detected_type_or_the_problem_of_each_line_and_adds_the_valid_ones()
    {
        var (team, item) = await CaseAsync();
        await Portal.Get<ObservableService>().AddAsync(team.Analyst, item.Id, new NewObservable(ObservableRules.Ipv4, "203.0.113.9"));
        var cut = RenderPanel(team, item);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.observable-row")));

        cut.Find("#observables-paste").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#paste-text")));
        cut.Find("#paste-text").Input("203.0.113.9\nhttps://evil.example/login\n\nD41D8CD98F00B204E9800998ECF8427E\nnot a value!\n999.1.1.1");

        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("#paste-preview tr").Count));
        var rows = cut.FindAll("#paste-preview tr");
        Assert.Contains("IPv4", rows[0].InnerHtml);
        Assert.Contains("URL", rows[1].InnerHtml);
        Assert.Contains("File hash", rows[2].InnerHtml);
        Assert.Contains("Type not recognised", rows[3].TextContent);
        Assert.Contains("is not a", rows[4].TextContent);
        Assert.Equal(["paste-ok", "paste-ok", "paste-ok", "paste-problem", "paste-problem"], rows.Select(r => r.ClassName));
        Assert.Contains("3 ready to add, 2 with a problem", cut.Find("#paste-summary").TextContent);

        cut.Find("#paste-add").Click();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("tr.observable-row").Count));
        cut.WaitForAssertion(() => Assert.Contains("Added 2, skipped 1 already on the case.", cut.Markup));
        Assert.Contains(cut.FindAll("tr.observable-row"), r => r.TextContent.Contains("d41d8cd98f00b204e9800998ecf8427e"));
    }
}
