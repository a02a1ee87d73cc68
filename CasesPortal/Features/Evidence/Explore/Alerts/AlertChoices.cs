namespace CasesPortal.Features.Evidence.Explore.Alerts;

/// <summary>The values the alert filters offer, read once per page visit.</summary>
public sealed record AlertChoices(IReadOnlyList<string> Rules, IReadOnlyList<string> Hosts, IReadOnlyList<string> Users)
{
    public static readonly AlertChoices Empty = new([], [], []);

    public static async Task<AlertChoices> LoadAsync(EvidenceQueries queries) => new(
        await queries.AlertValuesAsync(a => a.RuleName, CancellationToken.None),
        await queries.AlertValuesAsync(a => a.HostName, CancellationToken.None),
        await queries.AlertValuesAsync(a => a.UserName, CancellationToken.None));
}
