using CasesPortal.Features.Evidence.Explore;
using CasesPortal.Features.Evidence.Ingest;

namespace CasesPortal.Features.Evidence;

/// <summary>Evidence: alerts, events and indicators, ingested in bulk through the API or imported from a file.</summary>
public static class EvidenceFeature
{
    public static WebApplicationBuilder AddEvidence(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<EvidenceIngestService>();
        builder.Services.AddSingleton<EvidenceQueries>();
        return builder;
    }

    public static IEndpointRouteBuilder MapEvidence(this IEndpointRouteBuilder endpoints) => endpoints.MapIngestApi().MapEvidenceFindApi();
}
