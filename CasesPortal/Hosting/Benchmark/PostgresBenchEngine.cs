using Npgsql;
using NpgsqlTypes;

namespace CasesPortal.Hosting.Benchmark;

/// <summary>
/// The benchmark on PostgreSQL: a fresh database <c>casesportal_bench_&lt;random&gt;</c> made on the given server (through
/// its <c>postgres</c> maintenance database), migrated by the portal's start-up, dropped at the end unless kept. The
/// portal's files folder is a temporary one, removed at the end.
/// </summary>
public sealed class PostgresBenchEngine : IBenchEngine
{
    private readonly string server;
    private readonly bool keep;
    private readonly string connectionString;
    private readonly string filesFolder = Path.Combine(Path.GetTempPath(), $"casesportal-bench-files-{Guid.NewGuid():N}");

    private PostgresBenchEngine(string server, string database, bool keep)
    {
        (this.server, Database, this.keep) = (server, database, keep);
        connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }

    public string Database { get; }

    /// <summary>The engine over a new database on the server, or null (with the reason written) when it cannot be made.</summary>
    public static async Task<PostgresBenchEngine?> CreateAsync(string server, bool keep, TextWriter output)
    {
        PostgresBenchEngine engine;
        try
        {
            engine = new PostgresBenchEngine(server, "casesportal_bench_" + Guid.NewGuid().ToString("N")[..12], keep);
            await engine.MaintenanceAsync($"CREATE DATABASE \"{engine.Database}\"");
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException)
        {
            output.WriteLine($"No database could be made on the PostgreSQL server of --connection: {ex.Message}");
            return null;
        }
        return engine;
    }

    public string Version { get; private set; } = "PostgreSQL";

    public string Location => $"{Database} on {new NpgsqlConnectionStringBuilder(server).Host}";

    public IReadOnlyList<string> PortalSettings =>
        ["--Database:Provider=Postgres", $"--ConnectionStrings:Cases={connectionString}", $"--Database:DataFolder={filesFolder}"];

    public BenchFacts Build(BenchSize size, TextWriter log) => new PostgresBenchBuilder(connectionString, size, log).Build();

    public (BenchFacts Facts, BenchSize Size) Read(BenchSize size) =>
        throw new NotSupportedException("--reuse measures a kept SQLite database only.");

    public double SizeMb()
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)command.ExecuteScalar()! / 1048576.0;
    }

    public void ReleaseConnections() => NpgsqlConnection.ClearAllPools();

    public async Task<BenchHandQueries> OpenHandQueriesAsync()
    {
        // Statements run again are prepared on the server, as a hand-written client would keep them.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 50, AutoPrepareMinUsages = 2 }.ConnectionString);
        await connection.OpenAsync();
        Version = "PostgreSQL " + connection.PostgreSqlVersion;
        return new PostgresHandQueries(connection);
    }

    public async Task<IBenchHandIngest> OpenHandIngestAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return new PostgresHandIngest(connection);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (Directory.Exists(filesFolder)) Directory.Delete(filesFolder, recursive: true);
        if (!keep) await MaintenanceAsync($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)");
    }

    private async Task MaintenanceAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        Version = "PostgreSQL " + connection.PostgreSqlVersion;
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Binary <c>COPY</c> of the alerts in one transaction per call, with every indexed value already known: PostgreSQL's fastest insert.</summary>
public sealed class PostgresHandIngest(NpgsqlConnection connection) : IBenchHandIngest
{
    public async Task InsertAsync(IReadOnlyList<BenchAlert> alerts)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var import = await connection.BeginBinaryImportAsync("""
            COPY "Alerts" ("Id", "Timestamp", "RuleName", "RuleUuid", "Severity", "RiskScore", "WorkflowStatus", "Reason",
                "HostId", "HostName", "HostOsName", "HostIp", "UserName", "ProcessName", "EventCategory", "EventAction", "EventOutcome",
                "Document", "IngestedAt", "UpdatedAt", "Revision") FROM STDIN (FORMAT BINARY)
            """))
        {
            var now = DateTimeOffset.UtcNow.UtcTicks;
            foreach (var a in alerts)
            {
                await import.StartRowAsync();
                await import.WriteAsync(a.Id, NpgsqlDbType.Text);
                await import.WriteAsync(a.TimestampTicks, NpgsqlDbType.Bigint);
                foreach (var text in new[] { a.RuleName, a.RuleUuid, a.Severity }) await import.WriteAsync(text, NpgsqlDbType.Text);
                await import.WriteAsync(a.RiskScore, NpgsqlDbType.Double);
                foreach (var text in new[] { "open", a.Reason, a.HostId, a.HostName, a.HostOs, a.HostIp, a.UserName, a.ProcessName, "process", "start", "success", a.Document })
                    await import.WriteAsync(text, NpgsqlDbType.Text);
                await import.WriteAsync(now, NpgsqlDbType.Bigint);
                await import.WriteAsync(now, NpgsqlDbType.Bigint);
                await import.WriteAsync(1, NpgsqlDbType.Integer);
            }
            await import.CompleteAsync();
        }
        await transaction.CommitAsync();
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
