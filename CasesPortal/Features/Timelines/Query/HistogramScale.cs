using System.Globalization;

namespace CasesPortal.Features.Timelines.Query;

/// <summary>A label on the histogram's time axis, under bucket <see cref="Bucket"/>.</summary>
public sealed record AxisTick(int Bucket, string Label);

/// <summary>
/// The events-over-time histogram's scale: buckets of a round width (30 seconds, an hour, a day…) so bars start on
/// round times, and a few axis labels where a new minute, hour, day, month or year begins, worded for that step.
/// </summary>
public static class HistogramScale
{
    public const int MaxBuckets = 48;
    public const int MaxTicks = 7;

    private static readonly TimeSpan[] Widths =
    [
        .. new[] { 1, 2, 5, 10, 15, 30 }.Select(s => TimeSpan.FromSeconds(s)),
        .. new[] { 1, 2, 5, 10, 15, 30 }.Select(m => TimeSpan.FromMinutes(m)),
        .. new[] { 1, 2, 3, 6, 12 }.Select(h => TimeSpan.FromHours(h)),
        .. new[] { 1, 2, 7, 14, 30, 61, 91, 182, 365 }.Select(d => TimeSpan.FromDays(d)),
    ];

    /// <summary>The smallest round width that covers the span in at most <see cref="MaxBuckets"/> buckets.</summary>
    public static TimeSpan BucketWidth(TimeSpan span)
    {
        var least = span / MaxBuckets;
        foreach (var width in Widths)
            if (width >= least) return width;
        return TimeSpan.FromDays(Math.Ceiling(least.TotalDays / 365) * 365);
    }

    /// <summary>The start of the bucket holding <paramref name="ticks"/>: bucket starts are multiples of the width since the epoch.</summary>
    public static long AlignedStart(long ticks, TimeSpan width) => ticks - (ticks - DateTimeOffset.UnixEpoch.UtcTicks) % width.Ticks;

    private enum Step { Second, Minute, Hour, Day, Month, Year }

    private static readonly (Step Step, int Every, TimeSpan Length)[] TickSteps =
    [
        (Step.Second, 10, TimeSpan.FromSeconds(10)), (Step.Second, 30, TimeSpan.FromSeconds(30)),
        (Step.Minute, 1, TimeSpan.FromMinutes(1)), (Step.Minute, 2, TimeSpan.FromMinutes(2)), (Step.Minute, 5, TimeSpan.FromMinutes(5)),
        (Step.Minute, 10, TimeSpan.FromMinutes(10)), (Step.Minute, 15, TimeSpan.FromMinutes(15)), (Step.Minute, 30, TimeSpan.FromMinutes(30)),
        (Step.Hour, 1, TimeSpan.FromHours(1)), (Step.Hour, 3, TimeSpan.FromHours(3)), (Step.Hour, 6, TimeSpan.FromHours(6)), (Step.Hour, 12, TimeSpan.FromHours(12)),
        (Step.Day, 1, TimeSpan.FromDays(1)), (Step.Day, 2, TimeSpan.FromDays(2)), (Step.Day, 7, TimeSpan.FromDays(7)), (Step.Day, 14, TimeSpan.FromDays(14)),
        (Step.Month, 1, TimeSpan.FromDays(30.5)), (Step.Month, 3, TimeSpan.FromDays(91.5)), (Step.Month, 6, TimeSpan.FromDays(183)),
        (Step.Year, 1, TimeSpan.FromDays(365.25)), (Step.Year, 2, TimeSpan.FromDays(730.5)), (Step.Year, 5, TimeSpan.FromDays(1826)),
        (Step.Year, 10, TimeSpan.FromDays(3652)), (Step.Year, 50, TimeSpan.FromDays(18262)),
    ];

    /// <summary>
    /// A few labels (about <see cref="MaxTicks"/>), in the reader's time zone, under each bucket where a new period of the
    /// chosen step begins ("14:30", a day as "Nov 28", a month as "Dec", a year as "2027"). The first label and each
    /// label on a new day (or year) carry the date (or year) so the axis reads without a legend.
    /// </summary>
    public static IReadOnlyList<AxisTick> Ticks(IReadOnlyList<DateTimeOffset> bucketStarts, TimeSpan width, TimeZoneInfo zone)
    {
        if (bucketStarts.Count == 0) return [];
        var span = bucketStarts[^1] + width - bucketStarts[0];
        var (step, every, _) = TickSteps.FirstOrDefault(s => s.Length >= span / MaxTicks && s.Length >= width, TickSteps[^1]);
        var local = bucketStarts.Select(s => TimeZoneInfo.ConvertTime(s, zone)).ToList();
        var ticks = new List<AxisTick>();
        DateTimeOffset? previous = null;
        // Labels closer than this to the one before would run into it.
        var minGap = Math.Max(1, bucketStarts.Count / (MaxTicks + 2));
        for (var i = 0; i < local.Count; i++)
        {
            var period = Period(local[i], step, every);
            var startsPeriod = i == 0 ? local[0] == period : period != Period(local[i - 1], step, every);
            if (!startsPeriod || (ticks.Count > 0 && i - ticks[^1].Bucket < minGap)) continue;
            // A bucket that opens a period is labelled with that period's start, the moment the label names.
            ticks.Add(new AxisTick(i, Label(period, step, previous)));
            previous = period;
        }
        return ticks;
    }

    private static DateTimeOffset Period(DateTimeOffset t, Step step, int every)
    {
        var o = t.Offset;
        return step switch
        {
            Step.Second => new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second / every * every, o),
            Step.Minute => new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute / every * every, 0, o),
            Step.Hour => new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour / every * every, 0, 0, o),
            Step.Day => new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, o).AddDays(-(t.DayOfYear - 1) % every),
            Step.Month => new DateTimeOffset(t.Year, (t.Month - 1) / every * every + 1, 1, 0, 0, 0, o),
            _ => new DateTimeOffset(t.Year / every * every, 1, 1, 0, 0, 0, o),
        };
    }

    private static string Label(DateTimeOffset at, Step step, DateTimeOffset? previous)
    {
        var newDay = previous is null || previous.Value.Date != at.Date;
        var newYear = previous is null || previous.Value.Year != at.Year;
        var format = step switch
        {
            Step.Second => newDay ? "MMM d, HH:mm:ss" : "HH:mm:ss",
            Step.Minute or Step.Hour => newDay ? "MMM d, HH:mm" : "HH:mm",
            Step.Day => newYear ? "MMM d, yyyy" : "MMM d",
            Step.Month => newYear ? "MMM yyyy" : "MMM",
            _ => "yyyy",
        };
        return at.ToString(format, CultureInfo.InvariantCulture);
    }
}
