namespace CasesPortal.Features.Cases.Services;

/// <summary>Empties the Trash of cases deleted more than 30 days ago, at start-up and then hourly.</summary>
public sealed class TrashPurger(CaseService cases, TimeProvider clock, ILogger<TrashPurger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                var purged = await cases.PurgeTrashAsync(stoppingToken);
                if (purged > 0) logger.LogInformation("Purged {Count} cases that were in the Trash for more than 30 days", purged);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Emptying the Trash failed; it is tried again in an hour");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
