using Microsoft.Extensions.Options;

namespace CasesPortal.Features.Connectors.Push;

/// <summary>Resumes pending pushes: at start-up (after a crash) and on every tick until each succeeds or fails for good.</summary>
public sealed class ConnectorOutboxWorker(PushRunner runner, IOptions<ConnectorOptions> options, TimeProvider clock, ILogger<ConnectorOutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OutboxPollInterval, clock);
        do
        {
            try
            {
                await runner.RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "The connector outbox could not run its pending pushes");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
