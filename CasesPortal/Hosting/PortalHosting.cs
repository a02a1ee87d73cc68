using CasesPortal.Components;
using CasesPortal.Data;
using CasesPortal.Features.Timelines;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases;
using CasesPortal.Features.Common;
using CasesPortal.Features.Connectors;
using CasesPortal.Features.Entities;
using CasesPortal.Features.Evidence;
using CasesPortal.Features.Metrics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using MudBlazor.Services;
using System.Text.Json;

namespace CasesPortal.Hosting;

/// <summary>Wires the portal: one registration line per feature.</summary>
public static class PortalHosting
{
    public static WebApplicationBuilder AddCasesPortal(this WebApplicationBuilder builder, string[] args)
    {
        // appsettings.json sits at the solution root; environment variables and arguments still win over it.
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables("ASPNETCORE_");
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);

        // Serve MudBlazor's and the framework's assets when running from the build output in any environment
        // (a published app carries them in wwwroot, where this is a no-op).
        builder.WebHost.UseStaticWebAssets();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CasesPortal.Features.Common.PublicLinks>();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddExceptionHandler<PortalExceptionHandler>();
        builder.Services.AddProblemDetails();
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddApiDocumentation();
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddSingleton<DemoCases>();
        builder.Services.AddSingleton<DemoEvidence>();

        builder.AddCasesData();
        builder.AddAccounts();
        builder.AddCases();
        builder.AddEvidence();
        builder.AddMetrics();
        builder.AddEntities();
        builder.AddConnectors();
        builder.AddTimelines();
        return builder;
    }

    /// <summary>Migrates the database, creates the first administrator and the demo data. Runs before the portal listens.</summary>
    public static async Task PrepareCasesPortalAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        await services.GetRequiredService<AccountBootstrapper>().RunAsync(ct);
        await services.GetRequiredService<DemoSeeder>().SeedAsync(ct);
    }

    public static WebApplication MapCasesPortal(this WebApplication app)
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Inside the page handler: API callers get the JSON error body for a bare status code, which the page handler then leaves alone.
        app.UseWhen(context => ApiResults.IsApiPath(context.Request.Path), api => api.UseStatusCodePages(ApiResults.WriteStatusCodeAsync));
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapApiDocumentation();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        app.MapAccounts();
        app.MapCases();
        app.MapEvidence();
        app.MapMetrics();
        app.MapEntities();
        app.MapConnectors();
        app.MapTimelines();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
}
