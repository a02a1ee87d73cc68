using CasesPortal.Features.Evidence.Ingest;

namespace CasesPortal.Tests.Features.Evidence;

[Trait(Layer.Name, Layer.Unit)]
public sealed class IngestBatchSizeTests
{
    private static IngestBatchSize Sizer(int most = 5000, int milliseconds = 100) => new(new IngestOptions { BatchSize = most, BatchMilliseconds = milliseconds });

    [Fact]
    public void It_starts_at_a_thousand_documents_or_the_configured_most_if_smaller()
    {
        Assert.Equal(1000, Sizer().Current);
        Assert.Equal(3, Sizer(most: 3).Current);
    }

    [Fact]
    public void A_fast_batch_grows_the_next_by_half_at_most_and_never_past_the_configured_most()
    {
        var sizer = Sizer();
        sizer.Adjust(1000, TimeSpan.FromMilliseconds(10)); // 10,000 would fit in 100 ms
        Assert.Equal(1500, sizer.Current);
        sizer.Adjust(1500, TimeSpan.FromMilliseconds(15));
        sizer.Adjust(2250, TimeSpan.FromMilliseconds(20));
        sizer.Adjust(3375, TimeSpan.FromMilliseconds(30));
        Assert.Equal(5000, sizer.Current);
    }

    [Fact]
    public void A_slow_batch_shrinks_the_next_at_once_to_what_fits_the_time_down_to_a_hundred()
    {
        var sizer = Sizer();
        sizer.Adjust(1000, TimeSpan.FromMilliseconds(400));
        Assert.Equal(250, sizer.Current);
        sizer.Adjust(250, TimeSpan.FromSeconds(10));
        Assert.Equal(100, sizer.Current);
    }

    [Fact]
    public void The_short_last_batch_of_a_request_does_not_count()
    {
        var sizer = Sizer();
        sizer.Adjust(12, TimeSpan.FromMilliseconds(90));
        Assert.Equal(1000, sizer.Current);
    }
}
