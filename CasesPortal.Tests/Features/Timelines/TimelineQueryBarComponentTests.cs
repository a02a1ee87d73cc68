using Bunit;
using CasesPortal.Features.Timelines.Model;
using CasesPortal.Features.Timelines.Pages;
using Microsoft.AspNetCore.Components;

namespace CasesPortal.Tests.Features.Timelines;

[Trait(Layer.Name, Layer.Component)]
public sealed class TimelineQueryBarComponentTests : PortalComponentTest
{
    [Fact]
    public void Run_hands_the_typed_query_and_range()
    {
        (string, TimelineRange)? ran = null;
        var bar = RenderWithProviders<TimelineQueryBar>(("Query", ""), ("Range", TimelineRange.Last("24h")),
            ("OnRun", EventCallback.Factory.Create<(string, TimelineRange)>(this, r => ran = r)));
        bar.Find("#timeline-query").Input("host.name:web-01");
        bar.Find("#timeline-run").Click();
        Assert.Equal(("host.name:web-01", TimelineRange.Last("24h")), ran);
    }

    [Fact]
    public void A_syntax_error_shows_under_the_bar()
    {
        var withError = RenderWithProviders<TimelineQueryBar>(("Query", "a and"), ("Range", TimelineRange.AllTime), ("Error", "The query ends (at character 6)"));
        Assert.Contains("at character 6", withError.Find("#timeline-query-error").TextContent);
    }
}
