using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace CasesPortal.Components.Shared;

/// <summary>
/// Catches an unhandled error on a page, logs it under a short reference id and shows that id to the analyst,
/// so a report to the administrator can be matched with the log line.
/// </summary>
public sealed class PortalErrorBoundary : ErrorBoundaryBase
{
    [Inject] private ILogger<PortalErrorBoundary> Logger { get; set; } = default!;

    public string? ReferenceId { get; private set; }

    protected override Task OnErrorAsync(Exception exception)
    {
        ReferenceId = NewReferenceId();
        Logger.LogError(exception, "Unhandled error on a page, reference {ReferenceId}", ReferenceId);
        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (CurrentException is null)
        {
            builder.AddContent(0, ChildContent);
            return;
        }

        builder.OpenComponent<MudAlert>(1);
        builder.AddComponentParameter(2, nameof(MudAlert.Severity), Severity.Error);
        builder.AddComponentParameter(3, nameof(MudAlert.Class), "ma-4");
        builder.AddComponentParameter(4, nameof(MudAlert.ChildContent), (RenderFragment)(content =>
        {
            content.OpenElement(5, "div");
            content.AddAttribute(6, "id", "error-notice");
            content.AddMarkupContent(7, "<b>Something went wrong on this page.</b> Your saved work is safe; open another page or reload to go on. ");
            content.AddContent(8, $"If it happens again, give your administrator this reference: {ReferenceId}");
            content.CloseElement();
        }));
        builder.CloseComponent();
    }

    public static string NewReferenceId() => Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
}
