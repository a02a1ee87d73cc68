using System.Text.Json.Serialization;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Common;

namespace CasesPortal.Features.Entities.Tactics;

/// <summary><c>GET /api/cases/{id}/tactics</c>: the MITRE ATT&amp;CK tactics and techniques of a case's alerts and indicators, in matrix order.</summary>
public static class CaseTacticsApi
{
    public static IEndpointRouteBuilder MapCaseTacticsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/cases").RequireAuthorization(AccountPolicies.ApiRead)
            .MapGet("/{id}/tactics", async (string id, CaseTacticsService tactics, CancellationToken ct) =>
                await tactics.ForCaseAsync(id, ct) is { Value: { } found }
                    ? Results.Ok(new TacticsJson(found.AlertsTotal, found.AlertsWithThreat, found.IndicatorsTotal, found.IndicatorsWithThreat,
                        found.Tactics.Select(Tactic).ToList()))
                    : ApiResults.Error(Cases.Services.CaseErrors.NotFound(id)));
        return endpoints;
    }

    private static TacticJson Tactic(CaseTactic t) => new(t.Id, t.Name, t.Url, t.Alerts, t.Indicators, t.Techniques.Select(Technique).ToList());

    private static TechniqueJson Technique(CaseTechnique t) => new(t.Id, t.Name, t.Url, t.Alerts, t.Indicators, t.Subtechniques.Select(Technique).ToList());

    private sealed record TacticsJson(
        [property: JsonPropertyName("alerts")] int Alerts,
        [property: JsonPropertyName("alerts_with_threat")] int AlertsWithThreat,
        [property: JsonPropertyName("indicators")] int Indicators,
        [property: JsonPropertyName("indicators_with_threat")] int IndicatorsWithThreat,
        [property: JsonPropertyName("tactics")] IReadOnlyList<TacticJson> Tactics);

    private sealed record TacticJson(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("reference")] string Reference,
        [property: JsonPropertyName("alerts")] int Alerts,
        [property: JsonPropertyName("indicators")] int Indicators,
        [property: JsonPropertyName("techniques")] IReadOnlyList<TechniqueJson> Techniques);

    private sealed record TechniqueJson(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("reference")] string Reference,
        [property: JsonPropertyName("alerts")] int Alerts,
        [property: JsonPropertyName("indicators")] int Indicators,
        [property: JsonPropertyName("subtechniques")] IReadOnlyList<TechniqueJson> Subtechniques);
}
