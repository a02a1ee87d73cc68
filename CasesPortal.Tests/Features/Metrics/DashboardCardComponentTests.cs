using Bunit;
using CasesPortal.Features.Metrics.Dashboard;

namespace CasesPortal.Tests.Features.Metrics;

[Trait(Layer.Name, Layer.Component)]
public sealed class DashboardCardComponentTests : PortalComponentTest
{
    private IRenderedComponent<DashboardCard> Card(double? current, double? previous, bool lowerIsBetter = false) => Render<DashboardCard>(p => p
        .Add(c => c.Label, "MTTR").Add(c => c.Value, "3h 0m").Add(c => c.Rule, "Mean creation → close.")
        .Add(c => c.Href, "/cases?status=closed").Add(c => c.Current, current).Add(c => c.Previous, previous).Add(c => c.LowerIsBetter, lowerIsBetter));

    [Fact]
    public void A_shorter_time_to_resolve_reads_as_good_news_with_its_percentage()
    {
        var cut = Card(3 * 3600, 4 * 3600, lowerIsBetter: true);
        Assert.Equal("↓ 25 % from the previous period", cut.Find(".dashboard-card-change").TextContent.Replace("\u00a0", " ").Replace("25%", "25 %"));
        Assert.Contains("change-good", cut.Find(".dashboard-card-change").ClassName);
        Assert.Equal("/cases?status=closed", cut.Find("a.dashboard-card-link").GetAttribute("href"));
        Assert.Contains("Mean creation → close.", cut.Find(".dashboard-card-rule").TextContent);
    }

    [Fact]
    public void More_cases_opened_is_flagged_and_an_empty_previous_period_is_said_plainly()
    {
        Assert.Contains("change-bad", Card(12, 10, lowerIsBetter: true).Find(".dashboard-card-change").ClassName);
        Assert.Equal("nothing to compare with in the previous period", Card(5, null).Find(".dashboard-card-change").TextContent);
        Assert.Equal("no change from the previous period", Card(0, 0).Find(".dashboard-card-change").TextContent);
        Assert.Equal("↑ from 0 in the previous period", Card(4, 0).Find(".dashboard-card-change").TextContent);
    }
}
