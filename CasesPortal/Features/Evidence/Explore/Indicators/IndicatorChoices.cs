namespace CasesPortal.Features.Evidence.Explore.Indicators;

/// <summary>The values the indicator filters offer, read once per page visit.</summary>
public sealed record IndicatorChoices(IReadOnlyList<string> Types, IReadOnlyList<string> Providers)
{
    public static readonly IndicatorChoices Empty = new([], []);

    public static async Task<IndicatorChoices> LoadAsync(EvidenceQueries queries) => new(
        await queries.IndicatorValuesAsync(i => i.Type, CancellationToken.None),
        await queries.IndicatorValuesAsync(i => i.Provider, CancellationToken.None));
}
