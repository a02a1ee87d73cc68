using CasesPortal.Features.Cases.Model;
using CasesPortal.Hosting.Benchmark;

namespace CasesPortal.Tests.Hosting;

/// <summary>The benchmark's generated data has the shapes the figures depend on, and is the same for a seed.</summary>
[Trait(Layer.Name, Layer.Unit)]
public sealed class BenchmarkDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Analysts = Enumerable.Range(1, 40).Select(i => $"analyst-{i}").ToArray();

    [Fact]
    public void Events_are_valid_ECS_documents_in_time_order_with_a_busiest_host()
    {
        var events = new BenchEvents(2000, Now).All().ToList();

        Assert.Equal(events.Select(e => e.Document), new BenchEvents(2000, Now).All().Select(e => e.Document));
        Assert.All(events, e => System.Text.Json.JsonDocument.Parse(e.Document).Dispose());
        Assert.Equal(events.OrderBy(e => e.TimestampTicks).Select(e => e.Id), events.Select(e => e.Id));
        Assert.InRange(events.Min(e => e.TimestampTicks), Now.AddDays(-183).UtcTicks, Now.UtcTicks);
        var perHost = events.GroupBy(e => e.HostName).OrderByDescending(g => g.Count()).ToList();
        Assert.Equal(BenchEvents.BusiestHost, perHost[0].Key);
        Assert.True(perHost.Count > 100, "a long tail of quieter hosts");
    }

    [Fact]
    public void Cases_span_years_with_one_big_case_a_long_tail_of_alerts_and_consistent_histories()
    {
        var size = new BenchSize { Cases = 3000, Alerts = 300_000 };
        var generator = new BenchCases(size, Analysts, Now);
        var cases = generator.All().ToList();

        Assert.Equal(cases.Select(c => c.Id), new BenchCases(size, Analysts, Now).All().Select(c => c.Id));
        var big = Assert.Single(cases, c => c.AlertCount == 100_000);
        Assert.Equal(generator.BigCaseNumber, big.Number);
        Assert.Equal(CaseStatus.InProgress, big.Status);
        Assert.True(cases.Min(c => c.CreatedAt) < Now.AddYears(-2) && cases.Max(c => c.CreatedAt) < Now);
        Assert.True(cases.Count(c => c.AlertCount == 1) > cases.Count / 3 && cases.Count(c => c.AlertCount >= 100) > 10);
        Assert.True(cases.Count(c => c.Status == CaseStatus.Closed) > cases.Count * 0.9);
        Assert.All(cases, c =>
        {
            Assert.Equal(CaseStatus.Open, c.Stays[0].Status);
            Assert.Equal(c.CreatedAt, c.Stays[0].Start);
            Assert.All(c.Stays.Zip(c.Stays.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
            Assert.Equal(c.Status == CaseStatus.Closed, c.CloseReason is not null);
            Assert.All(c.Comments, comment => Assert.InRange(comment.At, c.CreatedAt, Now));
            Assert.InRange(c.FirstAlert + c.AlertCount - 1, 1, size.Alerts);
        });
        Assert.True(cases.Select(c => c.Title).Distinct().Count() > 100);
    }
}
