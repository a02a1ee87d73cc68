using CasesPortal.Features.Entities.Tactics;

namespace CasesPortal.Features.Entities;

/// <summary>Entity views over the evidence: hosts, network addresses and users, and the ATT&amp;CK tactics of a case.</summary>
public static class EntitiesFeature
{
    public static WebApplicationBuilder AddEntities(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EntityQueries>();
        builder.Services.AddSingleton<CaseTacticsService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapEntities(this IEndpointRouteBuilder endpoints) => endpoints.MapEntityFindApi().MapCaseTacticsApi();
}
