using CasesPortal.Features.Timelines.Api;
using CasesPortal.Features.Timelines.Query;

namespace CasesPortal.Features.Timelines;

/// <summary>Timelines: saved investigations over the stored events, their query language, and their attachment to cases.</summary>
public static class TimelinesFeature
{
    public static WebApplicationBuilder AddTimelines(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TimelineOptions>().BindConfiguration(TimelineOptions.Section)
            .Validate(o => o.QueryBudgetSeconds is > 0 and <= 600, "Timelines:QueryBudgetSeconds must be a number of seconds above 0 and at most 600.")
            .ValidateOnStart();
        builder.Services.AddSingleton<TimelineEventSearch>();
        builder.Services.AddSingleton<TimelineService>();
        builder.Services.AddSingleton<ITimelineDirectory>(services => services.GetRequiredService<TimelineService>());
        builder.Services.AddSingleton<CaseTimelineService>();
        builder.Services.AddSingleton<DemoTimelines>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTimelines(this IEndpointRouteBuilder endpoints) => endpoints.MapTimelinesApi();
}
