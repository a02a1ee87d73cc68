using CasesPortal.Features.Timelines.Query;

namespace CasesPortal.Tests.Features.Timelines;

[Trait(Layer.Name, Layer.Unit)]
public sealed class HistogramScaleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 21, 14, 37, TimeSpan.Zero);

    private static (TimeSpan Width, int Buckets, string[] Labels) Scale(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo? zone = null)
    {
        var width = HistogramScale.BucketWidth(to - from);
        var first = HistogramScale.AlignedStart(from.UtcTicks, width);
        var starts = new List<DateTimeOffset>();
        for (var t = first; t <= to.UtcTicks; t += width.Ticks) starts.Add(new DateTimeOffset(t, TimeSpan.Zero));
        var ticks = HistogramScale.Ticks(starts, width, zone ?? TimeZoneInfo.Utc);
        // Readable at any range: a few labels, spread out, none repeated.
        Assert.InRange(ticks.Count, 2, HistogramScale.MaxTicks + 1);
        Assert.Equal(ticks.Count, ticks.Select(t => t.Label).Distinct().Count());
        Assert.All(ticks.Zip(ticks.Skip(1)), pair => Assert.True(pair.Second.Bucket - pair.First.Bucket >= starts.Count / (HistogramScale.MaxTicks + 2)));
        return (width, starts.Count, ticks.Select(t => t.Label).ToArray());
    }

    [Fact]
    public void Fifteen_minutes_are_thirty_second_bars_labelled_every_few_minutes()
    {
        var (width, buckets, labels) = Scale(Now.AddMinutes(-15), Now);
        Assert.Equal((TimeSpan.FromSeconds(30), 31), (width, buckets));
        Assert.Equal(["Nov 28, 21:00", "21:05", "21:10"], labels);
    }

    [Fact]
    public void Twenty_four_hours_are_half_hour_bars_labelled_with_the_date_where_a_day_begins()
    {
        var (width, buckets, labels) = Scale(Now.AddHours(-24), Now);
        Assert.Equal((TimeSpan.FromMinutes(30), 49), (width, buckets));
        Assert.Equal(["Nov 28, 00:00", "06:00", "12:00", "18:00"], labels);
    }

    [Fact]
    public void Thirty_days_are_day_bars_labelled_by_day()
    {
        var (width, _, labels) = Scale(Now.AddDays(-30), Now);
        Assert.Equal(TimeSpan.FromDays(1), width);
        Assert.Equal("Oct 29, 2026", Assert.Single(labels, l => l.Contains("2026")));
        Assert.Equal("Oct 29, 2026", labels[0]);
        Assert.All(labels, l => Assert.Matches(@"^(Oct|Nov) \d+(, 2026)?$", l));
    }

    [Fact]
    public void Years_of_events_are_labelled_by_month_or_year()
    {
        var (_, _, months) = Scale(new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero), Now);
        Assert.All(months, l => Assert.Matches(@"^[A-Z][a-z]{2}( 2026)?$", l));
        var (_, _, years) = Scale(new DateTimeOffset(2015, 3, 1, 0, 0, 0, TimeSpan.Zero), Now);
        Assert.All(years, l => Assert.Matches(@"^20\d\d$", l));
    }

    [Fact]
    public void Labels_follow_the_readers_time_zone()
    {
        var (_, _, labels) = Scale(Now.AddHours(-24), Now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"));
        Assert.Contains("Nov 29, 00:00", labels);
    }
}
