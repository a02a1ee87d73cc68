using System.Text.RegularExpressions;
using CasesPortal.Hosting.Benchmark;
using Npgsql;

namespace CasesPortal.Tests.Hosting;

/// <summary><c>bench --provider postgres</c>: the same tiny run on a database of its own on the server, dropped at the end.</summary>
[Trait(Layer.Name, Layer.Http)]
[Trait(TestProvider.Trait, TestProvider.Postgres)]
public sealed class PostgresBenchmarkCommandTests
{
    [SkippableFact]
    public async Task A_tiny_run_on_PostgreSQL_gives_figures_for_every_operation_and_leaves_no_database_behind()
    {
        var server = TestProvider.PostgresServerOrNull;
        if (server is null && TestProvider.PostgresRequired) throw new InvalidOperationException($"{TestProvider.MissingPostgresReason} (CASESPORTAL_REQUIRE_POSTGRES=1.)");
        Skip.If(server is null, TestProvider.MissingPostgresReason);
        var output = new StringWriter();

        var exitCode = await BenchmarkCommand.RunAsync(
            ["bench", "--provider", "postgres", "--connection", server!, "--cases", "60", "--alerts", "2000", "--events", "600", "--ingest", "1000",
                "--iterations", "2", "--circuits", "1"], output);

        var text = output.ToString();
        BenchmarkCommandTests.AssertFigures(exitCode, text);
        Assert.Contains("PostgreSQL", text);
        var database = Regex.Match(text, @"Database: (casesportal_bench_[0-9a-f]+) on ").Groups[1].Value;
        Assert.NotEmpty(database);
        Assert.DoesNotContain(database, await DatabasesAsync(server!));
    }

    private static async Task<List<string>> DatabasesAsync(string server)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}
