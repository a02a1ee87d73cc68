using Bunit;
using CasesPortal.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;

namespace CasesPortal.Tests.Features.Shell;

[Trait(Layer.Name, Layer.Component)]
public sealed class ErrorBoundaryComponentTests : PortalComponentTest
{
    [Fact]
    public void An_error_inside_a_page_shows_a_friendly_message_with_the_reference_that_is_logged()
    {
        var logs = new TestLogSink();
        Services.AddLogging(logging => logging.AddProvider(logs));

        var cut = Render<PortalErrorBoundary>(p => p.AddChildContent<FailingWidget>());

        var notice = cut.Find("#error-notice").TextContent;
        var reference = cut.Instance.ReferenceId!;
        Assert.Contains("Something went wrong on this page", notice);
        Assert.Contains(reference, notice);
        Assert.True(logs.Contains($"reference {reference}"));
        Assert.DoesNotContain("widget exploded", notice);
    }

    private sealed class FailingWidget : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("widget exploded");
    }
}
