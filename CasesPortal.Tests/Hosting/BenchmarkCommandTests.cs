using CasesPortal.Hosting.Benchmark;

namespace CasesPortal.Tests.Hosting;

/// <summary>The benchmark is run by hand for its figures; these only keep the command working (they time nothing).</summary>
[Trait(Layer.Name, Layer.Http)]
public sealed class BenchmarkCommandTests
{
    [Fact]
    public async Task A_small_run_ingests_through_the_real_portal_and_prints_the_table()
    {
        var output = new StringWriter();

        var exitCode = await BenchmarkCommand.RunAsync(["bench", "--alerts", "1000"], output);

        Assert.Equal(0, exitCode);
        var text = output.ToString();
        Assert.Contains("| operation | CasesPortal | hand-written SQL | ratio | target |", text);
        Assert.Matches(@"\| bulk ingest over HTTP, NDJSON, 1,000 alerts \| [\d,]+ alerts/s \| [\d,]+ alerts/s \| [\d.]+× \|", text);
        Assert.Matches(@"\| write lock held per ingest batch \(\d+ batches\) \| p50 \d+ ms, max [\d,]+ ms \|", text);
    }

    [Theory]
    [InlineData("--alerts", "12")]
    [InlineData("--alerts", "many")]
    [InlineData("--unknown")]
    public async Task Bad_arguments_print_the_usage(params string[] arguments)
    {
        var output = new StringWriter();

        Assert.Equal(2, await BenchmarkCommand.RunAsync(["bench", .. arguments], output));
        Assert.StartsWith("Usage: bench", output.ToString());
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
