using CasesPortal.Hosting.Benchmark;

namespace CasesPortal.Tests.Hosting;

/// <summary>The benchmark is run by hand for its figures; these only keep the command working (they time nothing).</summary>
[Trait(Layer.Name, Layer.Http)]
public sealed class BenchmarkCommandTests
{
    [Fact]
    public async Task A_tiny_run_builds_the_database_and_gives_figures_for_every_operation_and_a_kept_one_is_measured_again()
    {
        var folder = Path.Combine(Path.GetTempPath(), "casesportal-tests", "bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var output = new StringWriter();
            var exitCode = await BenchmarkCommand.RunAsync(
                ["bench", "--cases", "60", "--alerts", "2000", "--events", "600", "--ingest", "1000", "--iterations", "2", "--circuits", "1", "--data", folder, "--keep"], output);
            AssertFigures(exitCode, output.ToString());

            var again = new StringWriter();
            Assert.Equal(0, await BenchmarkCommand.RunAsync(["bench", "--reuse", folder, "--ingest", "1000", "--iterations", "1", "--circuits", "1"], again));
            Assert.Contains("Measuring the database built earlier: 60 cases", again.ToString());
            Assert.Contains("case metrics (summary bar) of a case with 1,000 alerts", again.ToString());
            Assert.DoesNotContain("Building", again.ToString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    internal static void AssertFigures(int exitCode, string text)
    {
        Assert.True(exitCode == 0, text);
        Assert.Contains(BenchRow.Header, text);
        var rows = text.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| operation", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(cell => cell.Trim()).ToArray()).ToDictionary(cells => cells[1], cells => cells);
        string[] timed =
        [
            "case list: page 1 of 25", "overview team queue", "case metrics (summary bar) of a case with 1,000 alerts", "case page, HTTP GET of the prerendered page",
            "dashboard, one year", "timeline query `host.name:SRV-0000` (indexed)", "the same over HTTP, `POST /api/timelines/_query`",
        ];
        foreach (var operation in timed)
        {
            var cells = rows.Single(r => r.Key.StartsWith(operation, StringComparison.Ordinal)).Value;
            Assert.Matches(@"^[\d.,]+ / [\d.,]+ ms$", cells[3]);
            Assert.Matches(@"^[\d.,]+ ms$", cells[4]);
            Assert.Matches(@"^[\d.]+×$", cells[5]);
        }
        Assert.Matches(@"\| bulk ingest over HTTP, NDJSON, 1,000 alerts into the built database \| [^|]+ \| [\d,]+ alerts/s \| [\d,]+ alerts/s \| [\d.]+× \|", text);
        Assert.Matches(@"\| write lock held per ingest batch \(\d+ batches\) \| [^|]+ \| p50 \d+ ms, max [\d,]+ ms \|", text);
        Assert.Matches(@"\| start-up on the 60-case database, to the first 200 from `/healthz` \| [^|]+ \| [\d.]+ s \(RSS [\d,]+ MB\) \|", text);
        if (ChromiumTabs.ExecutablePath is null) Assert.Contains("not measured: no Chromium", text);
        else Assert.Matches(@"\| 1 open case pages \(circuits\), idle 10 s \| [^|]+ \| [+-][\d,]+ MB \([\d,]+ → [\d,]+ MB; 1 of 1 interactive\) \|", text);
    }

    [Theory]
    [InlineData("--alerts", "12")]
    [InlineData("--cases", "0")]
    [InlineData("--iterations")]
    [InlineData("--alerts", "many")]
    [InlineData("--unknown")]
    [InlineData("--provider", "mysql")]
    [InlineData("--provider")]
    [InlineData("--provider", "postgres")]
    [InlineData("--provider", "postgres", "--connection")]
    [InlineData("--connection", "Host=127.0.0.1")]
    [InlineData("--provider", "sqlite", "--connection", "Host=127.0.0.1")]
    [InlineData("--provider", "postgres", "--connection", "Host=127.0.0.1", "--reuse", "/tmp")]
    [InlineData("--provider", "postgres", "--connection", "Host=127.0.0.1", "--data", "/tmp")]
    public async Task Bad_arguments_print_the_usage(params string[] arguments)
    {
        var output = new StringWriter();

        Assert.Equal(2, await BenchmarkCommand.RunAsync(["bench", .. arguments], output));
        Assert.StartsWith("Usage: bench", output.ToString());
    }

    [Fact]
    public async Task Reusing_a_folder_without_a_kept_database_is_refused()
    {
        var output = new StringWriter();

        Assert.Equal(2, await BenchmarkCommand.RunAsync(["bench", "--reuse", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))], output));
        Assert.Contains("holds no database kept by an earlier run", output.ToString());
    }

    [Fact]
    public void Generated_alerts_are_valid_Elastic_documents_of_realistic_size_and_the_same_for_a_seed()
    {
        var first = new BenchAlerts(200).Parts(200).Single();
        var again = new BenchAlerts(200).Parts(200).Single();

        Assert.Equal(first.Select(a => a.Document), again.Select(a => a.Document));
        Assert.All(first, a => System.Text.Json.JsonDocument.Parse(a.Document).Dispose());
        Assert.InRange(first.Average(a => a.Document.Length), 1200, 2500);
        Assert.True(first.Select(a => a.HostName).Distinct().Count() > 20);
        Assert.Equal(first.OrderBy(a => a.TimestampTicks).Select(a => a.Id), first.Select(a => a.Id));
    }
}
