using Bunit;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Detail;
using CasesPortal.Features.Cases.Files;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Tests.Features.Cases.Files;

[Trait(Layer.Name, Layer.Component)]
public sealed class CaseFilesTabComponentTests : PortalComponentTest
{
    private async Task<(CaseTeam Team, CaseView Case)> CaseWithFilesAsync()
    {
        var team = await CaseTeam.CreateAsync(Portal);
        var item = (await Portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Dropper on WS-7", "", []))).Value!;
        var files = Portal.Get<CaseFileService>();
        async Task Attach(string name, byte[] bytes, bool malicious)
        {
            Portal.Clock.Advance(TimeSpan.FromMinutes(1));
            var staged = (await files.StageAsync(new MemoryStream(bytes), name, null)).Value!;
            Assert.True((await files.AttachAsync(team.Analyst, item.Id, [staged], malicious)).Succeeded);
        }
        await Attach("notes.txt", "first"u8.ToArray(), false);
        await Attach("dropper.exe", "MZ second"u8.ToArray(), true);
        return (team, item);
    }

    [Fact]
    public async Task The_tab_lists_files_newest_first_with_hash_and_the_malicious_chip()
    {
        var (team, item) = await CaseWithFilesAsync();

        var cut = RenderWithProviders<CaseFilesTab>((nameof(CaseFilesTab.Case), item), (nameof(CaseFilesTab.Actor), team.Analyst),
            (nameof(CaseFilesTab.Stamp), 1));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("#case-files .case-file").Count));
        var rows = cut.FindAll("#case-files .case-file");
        Assert.Equal("dropper.exe", rows[0].GetAttribute("data-name"));
        Assert.Equal("notes.txt", rows[1].GetAttribute("data-name"));
        Assert.Contains("Malicious", rows[0].QuerySelector(".malicious-chip")!.TextContent);
        Assert.Null(rows[1].QuerySelector(".malicious-chip"));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("first"u8.ToArray())),
            rows[1].QuerySelector(".case-file-sha")!.TextContent);
        Assert.Contains("Ana Diaz", rows[1].TextContent);
        Assert.NotNull(cut.Find("#file-drop-zone"));
    }

    [Fact]
    public async Task A_viewer_sees_the_files_without_upload_or_actions()
    {
        var (team, item) = await CaseWithFilesAsync();
        SignInAs(team.Viewer.UserId, "sam@soc.example", Roles.Viewer);

        var cut = RenderWithProviders<CaseFilesTab>((nameof(CaseFilesTab.Case), item), (nameof(CaseFilesTab.Actor), team.Viewer),
            (nameof(CaseFilesTab.Stamp), 1));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("#case-files .case-file").Count));
        Assert.Empty(cut.FindAll("#file-drop-zone"));
        Assert.Empty(cut.FindAll(".file-actions"));
        Assert.Equal(2, cut.FindAll(".download-file").Count);
    }

    [Fact]
    public async Task The_case_page_shows_the_files_tab_beside_activity()
    {
        var (_, item) = await CaseWithFilesAsync();
        var cut = RenderWithProviders<CaseDetailPage>((nameof(CaseDetailPage.Number), item.Number));
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".mud-tab"), t => t.TextContent.Contains("Files")));
        Assert.Contains(cut.FindAll(".mud-tab"), t => t.TextContent.Contains("Files") && t.TextContent.Contains('2'));
    }

    [Fact]
    public async Task An_image_over_its_limit_is_refused_before_upload_and_the_others_are_attached()
    {
        var team = await CaseTeam.CreateAsync(Portal);
        var item = (await Portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Phishing kit", "", []))).Value!;
        var cut = RenderWithProviders<CaseFilesTab>((nameof(CaseFilesTab.Case), item), (nameof(CaseFilesTab.Actor), team.Analyst),
            (nameof(CaseFilesTab.Stamp), 1));
        cut.WaitForAssertion(() => cut.Find("#files-empty"));

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(
            InputFileContent.CreateFromText("From: payroll-update.example", "mail.eml"),
            InputFileContent.CreateFromBinary(new byte[10 * 1024 * 1024 + 1], "huge.png", contentType: "image/png"));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#case-files .case-file")));
        Assert.Equal("mail.eml", cut.Find("#case-files .case-file").GetAttribute("data-name"));
        Assert.Contains("huge.png is larger than the 10 MiB allowed for images", cut.Find(".file-upload-error").TextContent);
        Assert.Equal(1, await Portal.Get<CaseFileService>().CountAsync(item.Id));
    }
}
