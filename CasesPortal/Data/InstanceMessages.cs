using Npgsql;

namespace CasesPortal.Data;

/// <summary>
/// Short messages to the other portal instances on the same database (e.g. "case X changed"), so their open pages
/// refresh too. A message is never delivered back to the instance that sent it.
/// </summary>
public interface IInstanceMessages
{
    /// <summary>Sends without waiting; a message that cannot be sent is logged and dropped (pages still refresh on their next load).</summary>
    void Send(string topic, string payload);

    void Subscribe(string topic, Action<string> handler);
}

/// <summary>SQLite is one process's file: there is no other instance to tell.</summary>
public sealed class SingleInstanceMessages : IInstanceMessages
{
    public void Send(string topic, string payload) { }

    public void Subscribe(string topic, Action<string> handler) { }
}

/// <summary>
/// PostgreSQL LISTEN/NOTIFY on one channel: each message is <c>instance\ntopic\npayload</c>. One connection per instance
/// listens (re-opened after a failure); sending uses a pooled connection. Start-up waits until the listener is in place.
/// </summary>
public sealed class PostgresInstanceMessages(PostgresDatabaseProvider provider, ILogger<PostgresInstanceMessages> logger) : BackgroundService, IInstanceMessages
{
    public const string Channel = "casesportal_events";
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    private readonly string instance = Guid.NewGuid().ToString("N");
    private readonly Dictionary<string, List<Action<string>>> handlers = [];
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Send(string topic, string payload) => _ = SendAsync($"{instance}\n{topic}\n{payload}");

    private async Task SendAsync(string message)
    {
        try
        {
            await using var connection = new NpgsqlConnection(provider.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @message)", connection);
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("message", message);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Could not tell the other portal instances about a change");
        }
    }

    public void Subscribe(string topic, Action<string> handler)
    {
        lock (handlers)
        {
            if (!handlers.TryGetValue(topic, out var list)) handlers[topic] = list = [];
            list.Add(handler);
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        // Changes made once this instance serves pages must reach it, so it starts listening before it serves.
        await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(provider.ConnectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Deliver(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
            {
                logger.LogWarning(ex, "Listening for other portal instances' changes failed; retrying in {Seconds} s", Retry.TotalSeconds);
                await Task.Delay(Retry, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void Deliver(string message)
    {
        var parts = message.Split('\n', 3);
        if (parts.Length != 3 || parts[0] == instance) return;
        Action<string>[] targets;
        lock (handlers) targets = handlers.TryGetValue(parts[1], out var list) ? [.. list] : [];
        foreach (var handler in targets)
        {
            try
            {
                handler(parts[2]);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A message from another portal instance could not be handled");
            }
        }
    }
}
