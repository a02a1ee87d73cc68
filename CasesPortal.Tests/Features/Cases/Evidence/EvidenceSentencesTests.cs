using System.Text.Json;
using CasesPortal.Features.Cases.Detail;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Tests.Features.Cases.Evidence;

[Trait(Layer.Name, Layer.Unit)]
public sealed class EvidenceSentencesTests
{
    private static readonly PersonRef Ana = new("u-ana", "ana@soc.example", "Ana");

    private static string Say(string action, object payload) => ActivitySentences.Describe(
        new UserActionView("a1", "case-1", CaseActions.Attachment, action, JsonSerializer.Serialize(payload), null, null,
            new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), Ana), ActivityNames.None).ToString();

    [Fact]
    public void Attached_alerts_and_events_are_counted()
    {
        Assert.Equal("Ana attached 10,000 alerts", Say(CaseActions.Create, new { alerts = 10_000 }));
        Assert.Equal("Ana attached 1 alert", Say(CaseActions.Create, new { alerts = 1 }));
        Assert.Equal("Ana attached 3 events", Say(CaseActions.Create, new { events = 3 }));
        Assert.Equal("Ana attached 2 indicators", Say(CaseActions.Create, new { indicators = 2 }));
    }

    [Fact]
    public void Removed_alerts_and_events_are_counted()
    {
        Assert.Equal("Ana removed 2 events", Say(CaseActions.Delete, new { events = 2 }));
        Assert.Equal("Ana removed 1 alert", Say(CaseActions.Delete, new { alerts = 1 }));
        Assert.Equal("Ana removed 1 indicator", Say(CaseActions.Delete, new { indicators = 1 }));
    }

    [Fact]
    public void File_lines_still_read_as_files()
    {
        Assert.Equal("Ana attached 0 files", Say(CaseActions.Create, new { attachment = new { } }));
    }
}
