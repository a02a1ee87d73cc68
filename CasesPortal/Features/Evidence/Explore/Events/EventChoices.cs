namespace CasesPortal.Features.Evidence.Explore.Events;

/// <summary>The values the event filters offer, read once per page visit.</summary>
public sealed record EventChoices(IReadOnlyList<string> Hosts, IReadOnlyList<string> Users, IReadOnlyList<string> Categories,
    IReadOnlyList<string> Actions, IReadOnlyList<string> Outcomes)
{
    public static readonly EventChoices Empty = new([], [], [], [], []);

    public static async Task<EventChoices> LoadAsync(EvidenceQueries queries)
    {
        // event.category is stored comma-separated; the picker offers the single categories.
        var categories = (await queries.EventValuesAsync(e => e.EventCategory, CancellationToken.None))
            .SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().Order().ToList();
        return new(
            await queries.EventValuesAsync(e => e.HostName, CancellationToken.None),
            await queries.EventValuesAsync(e => e.UserName, CancellationToken.None),
            categories,
            await queries.EventValuesAsync(e => e.EventAction, CancellationToken.None),
            await queries.EventValuesAsync(e => e.EventOutcome, CancellationToken.None));
    }
}
