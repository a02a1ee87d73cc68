using CasesPortal.Features.Metrics.Dashboard;

namespace CasesPortal.Features.Metrics;

/// <summary>Metrics: the case summary bar and Kibana's case metrics API.</summary>
public static class MetricsFeature
{
    public static WebApplicationBuilder AddMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CaseMetricsService>();
        builder.Services.AddSingleton<DashboardService>();
        builder.Services.AddSingleton<Sla.SlaService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCaseMetricsApi();
        endpoints.MapDashboardExport();
        return endpoints;
    }
}
