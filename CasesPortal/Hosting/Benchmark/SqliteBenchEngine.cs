using Microsoft.Data.Sqlite;

namespace CasesPortal.Hosting.Benchmark;

/// <summary>The benchmark on SQLite: one database file in a folder of its own (a temporary one unless named), removed unless kept.</summary>
public sealed class SqliteBenchEngine : IBenchEngine
{
    private readonly string folder;
    private readonly string database;
    private readonly bool keep;

    private SqliteBenchEngine(string folder, bool keep) => (this.folder, database, this.keep) = (folder, Path.Combine(folder, "cases.db"), keep);

    /// <summary>The engine over the size's folder, or null (with the reason written) when the folder does not suit.</summary>
    public static SqliteBenchEngine? Open(BenchSize size, TextWriter output)
    {
        var folder = size.Folder ?? Path.Combine(Path.GetTempPath(), $"casesportal-bench-{Guid.NewGuid():N}");
        if (size.Reuse && !File.Exists(Path.Combine(folder, "cases.db")))
        {
            output.WriteLine($"The folder {folder} holds no database kept by an earlier run (--keep).");
            return null;
        }
        if (!size.Reuse && Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            output.WriteLine($"The folder {folder} is not empty; the benchmark builds its own database.");
            return null;
        }
        Directory.CreateDirectory(folder);
        return new SqliteBenchEngine(folder, size.Keep);
    }

    public string Version => $"SQLite {SqliteVersion()}";

    public string Location => folder;

    public IReadOnlyList<string> PortalSettings => [$"--ConnectionStrings:Cases=Data Source={database}"];

    public BenchFacts Build(BenchSize size, TextWriter log) => new SqliteBenchBuilder(database, size, log).Build();

    public (BenchFacts Facts, BenchSize Size) Read(BenchSize size) => SqliteBenchBuilder.Read(database, size);

    public double SizeMb() => new FileInfo(database).Length / 1048576.0;

    public void ReleaseConnections() => SqliteConnection.ClearAllPools();

    public async Task<BenchHandQueries> OpenHandQueriesAsync()
    {
        var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        return new SqliteHandQueries(connection);
    }

    public async Task<IBenchHandIngest> OpenHandIngestAsync()
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=false");
        await connection.OpenAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA cache_size = -65536; PRAGMA synchronous = NORMAL;";
            await command.ExecuteNonQueryAsync();
        }
        return new SqliteHandIngest(connection);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (!keep) Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version();";
        return (string)command.ExecuteScalar()!;
    }
}

/// <summary>A prepared <c>INSERT</c> per alert in one transaction per call, with every indexed value already known.</summary>
public sealed class SqliteHandIngest(SqliteConnection connection) : IBenchHandIngest
{
    public async Task InsertAsync(IReadOnlyList<BenchAlert> alerts)
    {
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "Alerts" ("Id", "Timestamp", "RuleName", "RuleUuid", "Severity", "RiskScore", "WorkflowStatus", "Reason",
                "HostId", "HostName", "HostOsName", "HostIp", "UserName", "ProcessName", "EventCategory", "EventAction", "EventOutcome",
                "Document", "IngestedAt", "UpdatedAt", "Revision")
            VALUES ($id, $ts, $rule, $ruleUuid, $severity, $risk, 'open', $reason, $hostId, $host, $os, $ip, $user, $process,
                'process', 'start', 'success', $document, $now, $now, 1);
            """;
        var names = new[] { "$id", "$ts", "$rule", "$ruleUuid", "$severity", "$risk", "$reason", "$hostId", "$host", "$os", "$ip", "$user", "$process", "$document", "$now" };
        var p = names.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        insert.Prepare();
        var now = DateTimeOffset.UtcNow.UtcTicks;
        foreach (var a in alerts)
        {
            (p[0].Value, p[1].Value, p[2].Value, p[3].Value, p[4].Value) = (a.Id, a.TimestampTicks, a.RuleName, a.RuleUuid, a.Severity);
            (p[5].Value, p[6].Value, p[7].Value, p[8].Value, p[9].Value) = (a.RiskScore, a.Reason, a.HostId, a.HostName, a.HostOs);
            (p[10].Value, p[11].Value, p[12].Value, p[13].Value, p[14].Value) = (a.HostIp, a.UserName, a.ProcessName, a.Document, now);
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
