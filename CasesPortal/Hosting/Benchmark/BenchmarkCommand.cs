using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace CasesPortal.Hosting.Benchmark;

/// <summary>
/// <c>dotnet run --project CasesPortal -c Release -- bench [--alerts 200000] [--data folder]</c>: builds a fresh
/// database, measures the portal through the same services and HTTP routes users call, and prints each figure beside
/// the best hand-written SQL on the same machine, as a Markdown table.
/// </summary>
public static class BenchmarkCommand
{
    public static bool IsBenchmark(string[] args) => args is ["bench", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (Parse(args[1..]) is not var (alerts, folder, keep))
        {
            output.WriteLine("Usage: bench [--alerts N (1,000–10,000,000; default 200,000)] [--data <empty folder>] [--keep]");
            return 2;
        }
        folder ??= Path.Combine(Path.GetTempPath(), $"casesportal-bench-{Guid.NewGuid():N}");
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            output.WriteLine($"The folder {folder} is not empty; the benchmark builds its own database.");
            return 2;
        }
        Directory.CreateDirectory(folder);
        try
        {
            output.WriteLine($"CasesPortal benchmark on {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, SQLite {SqliteVersion()}");
            output.WriteLine($"Database: {folder}");
            await using var portal = await BenchPortal.StartAsync(Path.Combine(folder, "cases.db"));
            var handCopy = Path.Combine(folder, "hand-written.db");
            EmptyCopy(Path.Combine(folder, "cases.db"), handCopy);

            output.Write($"Ingesting {alerts:N0} alerts over HTTP, then by hand-written SQL ");
            var ingest = await IngestBenchmark.RunAsync(portal, handCopy, new BenchAlerts(alerts), output);

            output.WriteLine();
            output.WriteLine("| operation | CasesPortal | hand-written SQL | ratio | target |");
            output.WriteLine("|---|---|---|---|---|");
            output.WriteLine(Invariant($"| bulk ingest over HTTP, NDJSON, {ingest.Alerts:N0} alerts | {ingest.PortalPerSecond:N0} alerts/s | {ingest.HandPerSecond:N0} alerts/s | {ingest.HandPerSecond / ingest.PortalPerSecond:0.0}× | ≥ 20,000 alerts/s, ≤ 3× |"));
            output.WriteLine(Invariant($"| write lock held per ingest batch ({ingest.Batches:N0} batches) | p50 {ingest.BatchP50Ms:N0} ms, max {ingest.BatchMaxMs:N0} ms | | | ≤ 200 ms |"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!keep) Directory.Delete(folder, recursive: true);
        }
    }

    private static (int Alerts, string? Folder, bool Keep)? Parse(string[] args)
    {
        var (alerts, folder, keep) = (200_000, (string?)null, false);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--alerts" when i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1000 and <= 10_000_000:
                    alerts = n;
                    break;
                case "--data" when i + 1 < args.Length:
                    folder = Path.GetFullPath(args[++i]);
                    break;
                case "--keep":
                    keep = true;
                    break;
                default:
                    return null;
            }
        }
        return (alerts, folder, keep);
    }

    /// <summary>An identical empty database (same schema and page size) for the hand-written insert to fill.</summary>
    private static void EmptyCopy(string source, string target)
    {
        using var connection = new SqliteConnection($"Data Source={source};Pooling=false");
        connection.Open();
        using var copy = connection.CreateCommand();
        copy.CommandText = "VACUUM INTO $target;";
        copy.Parameters.AddWithValue("$target", target);
        copy.ExecuteNonQuery();
        using var hand = new SqliteConnection($"Data Source={target};Pooling=false");
        hand.Open();
        using var wal = hand.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL;";
        wal.ExecuteNonQuery();
    }

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version();";
        return (string)command.ExecuteScalar()!;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
