using System.Security.Claims;
using Bunit;
using Bunit.Rendering;
using Bunit.TestDoubles;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Accounts.ApiKeys;
using CasesPortal.Features.Accounts.Profile;
using CasesPortal.Features.Cases.Detail;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Evidence.AddToCase;
using CasesPortal.Features.Cases.Files;
using CasesPortal.Features.Cases.Observables;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Metrics;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace CasesPortal.Tests.Support;

/// <summary>
/// bUnit with MudBlazor and the portal's real services on a real SQLite file, signed in as the test administrator
/// unless a test signs in as someone else (<see cref="SignInAs"/>). Pages render inside the popover and dialog
/// providers, as in the app's layout.
/// </summary>
public abstract class PortalComponentTest : BunitContext, IAsyncLifetime
{
    private BunitAuthorizationContext auth = default!;

    // The components read real SQLite through the real services: on a loaded 2-core machine a render that waits for
    // a query can take longer than bUnit's one-second default for WaitFor, without anything being wrong.
    static PortalComponentTest() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected PortalServices Portal { get; private set; } = default!;
    protected string AdminId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Portal = await PortalServices.StartAsync();
        AdminId = (await Portal.Get<UserAdminService>().ListAsync()).Single().Id;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(Portal.Get<UserAdminService>());
        Services.AddSingleton(Portal.Get<ProfileService>());
        Services.AddSingleton(Portal.Get<ApiKeyService>());
        Services.AddScoped<UserPreferencesState>();
        // The services keep the portal's fake clock; the components keep the system clock that AddMudServices
        // registers, because MudBlazor's own timers (form validation) would never fire on a fake one.
        Services.AddSingleton(Portal.Get<CaseEvents>());
        Services.AddSingleton(Portal.Get<CaseQueries>());
        Services.AddSingleton(Portal.Get<CaseService>());
        Services.AddSingleton(Portal.Get<CommentService>());
        Services.AddSingleton(Portal.Get<ActivityQueries>());
        Services.AddSingleton(Portal.Get<ActivityFeed>());
        Services.AddSingleton(Portal.Get<CaseFileService>());
        Services.AddSingleton(Portal.Get<CaseEvidenceService>());
        Services.AddSingleton(Portal.Get<CaseMetricsService>());
        Services.AddSingleton(Portal.Get<CasesPortal.Features.Metrics.Sla.SlaService>());
        Services.AddSingleton(Portal.Get<CaseDraftService>());
        Services.AddSingleton(Portal.Get<ObservableService>());
        Services.AddSingleton(Portal.Get<ObservableTypeService>());
        Services.AddSingleton(Portal.Get<SimilarCasesService>());
        Services.AddSingleton(Portal.Get<CasesPortal.Features.Connectors.ConnectorService>());
        Services.AddSingleton(Portal.Get<CasesPortal.Features.Connectors.Types.ConnectorTypes>());
        Services.AddSingleton(Portal.Get<CasesPortal.Features.Connectors.Push.CasePushService>());
        Services.AddSingleton(Portal.Get<CasesPortal.Features.Connectors.Push.ExternalIncidentQueries>());
        Services.AddSingleton(Portal.Get<CasesPortal.Features.Timelines.CaseTimelineService>());
        Services.AddSingleton(Portal.Get<CasesPortal.Features.Timelines.TimelineService>());
        Services.AddSingleton(Portal.Get<CasesPortal.Features.Timelines.Query.TimelineEventSearch>());
        auth = AddAuthorization();
        SignInAs(AdminId, TestAccounts.AdminEmail, Roles.Admin);
    }

    /// <summary>Signs the rendered components in as another account; call it before rendering.</summary>
    protected void SignInAs(string userId, string email, params string[] roles)
    {
        auth.SetAuthorized(email);
        auth.SetRoles(roles);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }

    /// <summary>Renders the component, with the given parameters, after the providers MudBlazor needs for menus, selects and dialogs.</summary>
    protected IRenderedComponent<ContainerFragment> RenderWithProviders<T>(params (string Name, object? Value)[] parameters) where T : IComponent =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
            builder.OpenComponent<T>(3);
            foreach (var (name, value) in parameters) builder.AddComponentParameter(4, name, value);
            builder.CloseComponent();
        });

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Portal.DisposeAsync();
    }
}
