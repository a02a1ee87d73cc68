using CasesPortal.Features.Cases.Api;
using CasesPortal.Features.Cases.Detail;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Files;
using CasesPortal.Features.Cases.Observables;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Features.Cases;

/// <summary>Cases: the list, the case page, comments, history, the Trash and the Kibana-compatible API.</summary>
public static class CasesFeature
{
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CaseEvents>();
        builder.Services.AddSingleton<CaseQueries>();
        builder.Services.AddSingleton<Home.TeamQueueQueries>();
        builder.Services.AddSingleton<CaseService>();
        builder.Services.AddSingleton<CommentService>();
        builder.Services.AddSingleton<ActivityQueries>();
        builder.Services.AddSingleton<ActivityFeed>();
        builder.Services.AddHostedService<TrashPurger>();
        builder.Services.AddOptions<FilesOptions>().Configure<IConfiguration>(FilesOptions.Read).ValidateOnStart();
        builder.Services.AddSingleton<FileStore>();
        builder.Services.AddSingleton<CaseFileService>();
        builder.Services.AddSingleton<CaseEvidenceService>();
        builder.Services.AddSingleton<Evidence.AddToCase.CaseDraftService>();
        builder.Services.AddObservables();
        return builder;
    }

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder endpoints) => endpoints.MapCasesApi();
}
