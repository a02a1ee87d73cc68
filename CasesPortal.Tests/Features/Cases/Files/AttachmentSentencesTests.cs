using System.Text.Json;
using CasesPortal.Features.Cases.Detail;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Tests.Features.Cases.Files;

[Trait(Layer.Name, Layer.Unit)]
public sealed class AttachmentSentencesTests
{
    private static readonly PersonRef Ana = new("u-ana", "ana@soc.example", "Ana Diaz");

    private static string Say(string action, object attachment) => ActivitySentences.Describe(
        new UserActionView("a1", "case-1", CaseActions.Attachment, action, JsonSerializer.Serialize(new { attachment }), null, null,
            new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), Ana), ActivityNames.None).ToString();

    private static object[] Files(params string[] names) => names.Select(n => (object)new { id = n, name = n, size = 1, sha256 = "ab" }).ToArray();

    [Fact]
    public void Uploads_say_how_many_files_or_the_name_of_one()
    {
        Assert.Equal("Ana Diaz attached 3 files", Say("create", new { count = 3, malicious = false, files = Files("a.txt", "b.txt", "c.png") }));
        Assert.Equal("Ana Diaz attached invoice.pdf", Say("create", new { count = 1, malicious = false, files = Files("invoice.pdf") }));
        Assert.Equal("Ana Diaz attached 2 files, marked as malicious", Say("create", new { count = 2, malicious = true, files = Files("a", "b") }));
    }

    [Fact]
    public void Flags_and_removals_name_the_file()
    {
        Assert.Equal("Ana Diaz marked dropper.exe as malicious", Say("update", new { malicious = true, files = Files("dropper.exe") }));
        Assert.Equal("Ana Diaz cleared the malicious flag of dropper.exe", Say("update", new { malicious = false, files = Files("dropper.exe") }));
        Assert.Equal("Ana Diaz removed notes.txt", Say("delete", new { count = 1, files = Files("notes.txt") }));
    }

    [Fact]
    public void A_line_without_details_still_reads()
    {
        Assert.Equal("Ana Diaz attached 0 files", Say("create", new { }));
        Assert.Contains(CaseActions.Attachment, CaseActions.AllTypes);
    }
}
