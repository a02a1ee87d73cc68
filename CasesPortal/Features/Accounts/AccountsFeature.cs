using CasesPortal.Data;
using CasesPortal.Features.Accounts.ApiKeys;
using CasesPortal.Features.Accounts.Profile;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CasesPortal.Features.Accounts;

/// <summary>Analyst accounts: Identity on the portal's store, log-in cookie for pages, HTTP Basic or API keys for the API.</summary>
public static class AccountsFeature
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddApiAuthentication()
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Cookie.Name = "CasesPortal.Auth";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
        });
        // Disabled accounts, reset passwords and role changes reach signed-in browsers within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorization(AccountPolicies.Add);

        services.AddIdentityCore<ApplicationUser>(AccountRules.ConfigurePolicy)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CasesDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        services.AddSingleton<AccountBootstrapper>();
        services.AddSingleton<UserAdminService>();
        services.AddSingleton<ProfileService>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<BasicLoginCache>();
        services.AddScoped<UserPreferencesState>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<ApplicationUser> signInManager, [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).AllowAnonymous();

        endpoints.MapUsersApi();
        endpoints.MapApiKeysApi();
        return endpoints;
    }
}
