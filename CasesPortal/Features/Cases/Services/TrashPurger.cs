using CasesPortal.Features.Cases.Files;

namespace CasesPortal.Features.Cases.Services;

/// <summary>Empties the Trash of cases deleted more than 30 days ago (with the content of their files), at start-up and then hourly.</summary>
public sealed class TrashPurger(CaseService cases, CaseFileService files, TimeProvider clock, ILogger<TrashPurger> logger) : BackgroundService
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
                if (purged > 0 && await files.DeleteUnreferencedContentAsync(stoppingToken) is > 0 and var deleted)
                    logger.LogInformation("Deleted the content of {Count} files no case refers to any more", deleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Emptying the Trash failed; it is tried again in an hour");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
