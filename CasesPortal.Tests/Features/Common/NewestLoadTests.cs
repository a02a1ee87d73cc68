using CasesPortal.Features.Common;

namespace CasesPortal.Tests.Features.Common;

[Trait(Layer.Name, Layer.Unit)]
public sealed class NewestLoadTests
{
    [Fact]
    public async Task An_older_load_that_answers_last_is_dropped_and_the_newest_answer_kept()
    {
        var loads = new NewestLoad();
        var everything = new TaskCompletionSource<string>();
        var filtered = new TaskCompletionSource<string>();

        var first = loads.RunAsync(() => everything.Task);     // the page's first load, slow
        var second = loads.RunAsync(() => filtered.Task);      // a filter chosen meanwhile
        filtered.SetResult("2 events of web-03");
        everything.SetResult("6 events");

        Assert.Equal("2 events of web-03", await second);
        Assert.Null(await first);
        Assert.Equal("6 events", await loads.RunAsync(() => Task.FromResult("6 events")));   // a later load lands again
    }
}
