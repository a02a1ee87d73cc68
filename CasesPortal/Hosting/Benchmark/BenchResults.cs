using System.Diagnostics;
using System.Globalization;

namespace CasesPortal.Hosting.Benchmark;

/// <summary>Milliseconds of the warm runs of one operation.</summary>
public sealed record Timings(IReadOnlyList<double> Milliseconds)
{
    public double P50 => Percentile(0.50);
    public double P95 => Percentile(0.95);

    private double Percentile(double p)
    {
        var sorted = Milliseconds.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>
    /// Two warm-up runs, then <paramref name="iterations"/> timed ones, one after the other; a slow operation stops
    /// after five once a minute has gone by, so a full-size run ends in reasonable time.
    /// </summary>
    public static async Task<Timings> MeasureAsync(int iterations, Func<Task> operation)
    {
        for (var i = 0; i < 2; i++) await operation();
        var times = new List<double>(iterations);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < iterations && (i < 5 || Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(1)); i++)
        {
            var run = Stopwatch.GetTimestamp();
            await operation();
            times.Add(Stopwatch.GetElapsedTime(run).TotalMilliseconds);
        }
        return new Timings(times);
    }
}

/// <summary>One line of the results table.</summary>
public sealed record BenchRow(string Operation, string Target, string Portal, string Hand, string Ratio, bool? Met)
{
    /// <summary>A timed operation against its p50 limit and, when given, its allowed ratio to the hand-written SQL.</summary>
    public static BenchRow Timed(string operation, Timings portal, Timings? hand, double limitMs, double? maxRatio = null)
    {
        var ratio = hand is null ? (double?)null : portal.P50 / Math.Max(0.001, hand.P50);
        var target = $"p50 ≤ {limitMs:N0} ms" + (maxRatio is { } r ? $", ≤ {r:0.#}× hand SQL" : "");
        return new BenchRow(operation, target, Invariant($"{Ms(portal.P50)} / {Ms(portal.P95)} ms"), hand is null ? "" : Invariant($"{Ms(hand.P50)} ms"),
            ratio is { } x ? Invariant($"{x:0.0}×") : "", portal.P50 <= limitMs && (maxRatio is null || ratio <= maxRatio));
    }

    private static string Ms(double ms) => ms < 10 ? ms.ToString("0.0", CultureInfo.InvariantCulture) : ms.ToString("N0", CultureInfo.InvariantCulture);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public string Markdown => $"| {Operation} | {Target} | {Portal} | {Hand} | {Ratio} | {Met switch { true => "yes", false => "**no**", null => "—" }} |";

    public const string Header = "| operation | target | CasesPortal p50 / p95 | hand-written SQL p50 | ratio | met? |\n|---|---|---|---|---|---|";
}
