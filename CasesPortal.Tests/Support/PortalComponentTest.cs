using System.Security.Claims;
using Bunit;
using Bunit.Rendering;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Accounts.ApiKeys;
using CasesPortal.Features.Accounts.Profile;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace CasesPortal.Tests.Support;

/// <summary>
/// bUnit with MudBlazor and the portal's real services on a real SQLite file, signed in as the test administrator.
/// Pages render inside the popover and dialog providers, as in the app's layout.
/// </summary>
public abstract class PortalComponentTest : BunitContext, IAsyncLifetime
{
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
        foreach (var service in new[] { typeof(CaseQueries), typeof(CaseService), typeof(CommentService), typeof(ActivityQueries), typeof(CaseEvents) })
            Services.AddSingleton(service, Portal.Services.GetRequiredService(service));
        Services.AddScoped<UserPreferencesState>();
        var auth = AddAuthorization();
        auth.SetAuthorized(TestAccounts.AdminEmail);
        auth.SetRoles(Roles.Admin);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, AdminId));
    }

    /// <summary>Renders the component after the providers MudBlazor needs for menus, selects and dialogs.</summary>
    protected IRenderedComponent<ContainerFragment> RenderWithProviders<T>() where T : IComponent =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
            builder.OpenComponent<T>(3);
            builder.CloseComponent();
        });

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Portal.DisposeAsync();
    }
}
