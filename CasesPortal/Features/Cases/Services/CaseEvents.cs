using System.Text.Json;
using CasesPortal.Data;

namespace CasesPortal.Features.Cases.Services;

/// <summary>What changed: a case (fields, comments) or the set of cases (created, deleted, restored).</summary>
public sealed record CaseChanged(string CaseId, string ChangedByUserId, string What);

/// <summary>
/// Tells open pages that a case changed, so they re-query and show it within moments: the pages of this instance
/// directly, those of the other instances on the same database through <see cref="IInstanceMessages"/>.
/// Singleton; subscribers marshal onto their own circuit and unsubscribe on dispose.
/// </summary>
public sealed class CaseEvents
{
    private const string Topic = "case-changed";
    private readonly ILogger<CaseEvents> logger;
    private readonly IInstanceMessages instances;

    public CaseEvents(ILogger<CaseEvents> logger, IInstanceMessages instances)
    {
        (this.logger, this.instances) = (logger, instances);
        instances.Subscribe(Topic, payload =>
        {
            if (JsonSerializer.Deserialize<CaseChanged>(payload) is { } change) Raise(change);
        });
    }

    public event Func<CaseChanged, Task>? Changed;

    public void Publish(CaseChanged change)
    {
        Raise(change);
        instances.Send(Topic, JsonSerializer.Serialize(change));
    }

    private void Raise(CaseChanged change)
    {
        if (Changed is not { } handlers) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<CaseChanged, Task>>())
            _ = NotifyAsync(handler, change);
    }

    private async Task NotifyAsync(Func<CaseChanged, Task> handler, CaseChanged change)
    {
        try
        {
            await handler(change);
        }
        catch (Exception ex)
        {
            // One broken page must not stop the others from hearing about the change.
            logger.LogWarning(ex, "A case page failed to refresh after a change to {CaseId}", change.CaseId);
        }
    }
}
