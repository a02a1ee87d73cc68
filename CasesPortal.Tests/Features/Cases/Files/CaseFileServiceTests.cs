using System.Security.Cryptography;
using System.Text;
using CasesPortal.Features.Cases.Files;
using CasesPortal.Features.Cases.Services;
using ICSharpCode.SharpZipLib.Zip;

namespace CasesPortal.Tests.Features.Cases.Files;

[Trait(Layer.Name, Layer.Unit)]
public sealed class CaseFileServiceTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private CaseTeam team = default!;
    private CaseFileService files = default!;
    private string caseId = "";

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync(new() { ["Files:MaxBytes"] = "4096", ["Files:MaxImageBytes"] = "1024" });
        team = await CaseTeam.CreateAsync(portal);
        files = portal.Get<CaseFileService>();
        caseId = (await portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Dropper on WS-7", "", []))).Value!.Id;
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task<IReadOnlyList<CaseFileView>> UploadAsync(CaseActor actor, bool malicious = false, params (string Name, byte[] Bytes)[] items)
    {
        var staged = new List<StagedFile>();
        foreach (var (name, bytes) in items)
        {
            var result = await files.StageAsync(new MemoryStream(bytes), name, "application/octet-stream");
            Assert.True(result.Succeeded, result.Error?.Message);
            staged.Add(result.Value!);
        }
        var attached = await files.AttachAsync(actor, caseId, staged, malicious);
        Assert.True(attached.Succeeded, attached.Error?.Message);
        return attached.Value!;
    }

    private async Task<List<UserActionView>> AttachmentLinesAsync() =>
        (await portal.Get<ActivityQueries>().FindAsync(caseId, [CaseActions.Attachment], false, 1, 100)).Actions.ToList();

    private string StoreRoot => portal.Get<FileStore>().Root;

    [Fact]
    public async Task Upload_hashes_the_content_stores_it_once_and_writes_one_history_line()
    {
        var bytes = Encoding.UTF8.GetBytes("powershell -enc SQBFAFgA");
        var uploaded = await UploadAsync(team.Analyst, false, ("a.txt", bytes), ("copy-of-a.txt", bytes), ("b.txt", "other"u8.ToArray()));

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(3, uploaded.Count);
        Assert.Equal(sha, uploaded.Single(f => f.FileName == "a.txt").Sha256);
        Assert.Equal(bytes.Length, uploaded.Single(f => f.FileName == "a.txt").Size);
        Assert.True(File.Exists(Path.Combine(StoreRoot, sha[..2], sha)));
        Assert.Equal(2, Directory.GetFiles(StoreRoot, "*", SearchOption.AllDirectories).Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(StoreRoot, "incoming")));
        Assert.StartsWith(Path.GetDirectoryName(portal.Database.FilePath)!, StoreRoot);

        var line = Assert.Single(await AttachmentLinesAsync());
        Assert.Equal("create", line.Action);
        Assert.Equal("Ana Diaz attached 3 files", CasesPortal.Features.Cases.Detail.ActivitySentences.Describe(line,
            CasesPortal.Features.Cases.Detail.ActivityNames.None).ToString());
        Assert.Equal(3, (await files.ListAsync(caseId))!.Count);
        Assert.Equal(3, await files.CountAsync(caseId));
    }

    [Fact]
    public async Task Limits_differ_for_images_and_are_checked_while_streaming()
    {
        var big = await files.StageAsync(new MemoryStream(new byte[4097]), "memory.dmp", null);
        Assert.Equal(413, big.Error!.Status);
        Assert.Contains("larger than the 4 KiB allowed for files", big.Error.Message);
        var image = await files.StageAsync(new MemoryStream(new byte[1025]), "screen.png", "image/png");
        Assert.Equal(413, image.Error!.Status);
        Assert.Contains("allowed for images", image.Error.Message);
        Assert.True((await files.StageAsync(new MemoryStream(new byte[4096]), "memory.dmp", null)).Succeeded);
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(StoreRoot, "incoming")), f => new FileInfo(f).Length > 4096);

        // Renamed to an image after staging (the API's filename field): checked again when attached.
        var staged = (await files.StageAsync(new MemoryStream(new byte[2000]), "blob.bin", null)).Value!;
        staged.FileName = "blob.png";
        Assert.Equal(413, (await files.AttachAsync(team.Analyst, caseId, [staged])).Error!.Status);
        Assert.False(File.Exists(staged.TempPath));
    }

    [Fact]
    public async Task Names_are_sanitised_so_nothing_escapes_the_store()
    {
        var uploaded = await UploadAsync(team.Analyst, false, ("../../x", "x"u8.ToArray()), ("..\\..\\boot.ini", "y"u8.ToArray()));
        Assert.Equal(["boot.ini", "x"], uploaded.Select(f => f.FileName).Order());
        Assert.False(File.Exists(Path.Combine(StoreRoot, "..", "..", "x")));
    }

    [Fact]
    public async Task A_malicious_file_is_only_handed_out_as_a_zip_opened_with_infected()
    {
        var payload = Encoding.UTF8.GetBytes("MZ fake dropper bytes");
        var file = (await UploadAsync(team.Analyst, false, ("dropper.exe", payload)))[0];
        var plain = (await files.OpenAsync(team.Viewer, caseId, file.Id)).Value!;
        await using (plain.Content) Assert.Equal(FileNames.OctetStream, plain.ContentType);

        Assert.True((await files.SetMaliciousAsync(team.Analyst, caseId, file.Id, true)).Value!.Malicious);
        var download = (await files.OpenAsync(team.Viewer, caseId, file.Id)).Value!;
        Assert.True(download.Zipped);
        Assert.Equal("dropper.exe.zip", download.FileName);
        var zipped = new MemoryStream();
        await using (download.Content) await download.Content.CopyToAsync(zipped);
        Assert.Equal(payload, MaliciousZipReader.Read(zipped.ToArray(), "dropper.exe"));
        Assert.Throws<ZipException>(() => MaliciousZipReader.Read(zipped.ToArray(), "dropper.exe", password: "wrong"));

        var lines = await AttachmentLinesAsync();
        Assert.Equal(["create", "update"], lines.Select(l => l.Action));
    }

    [Fact]
    public async Task Removing_is_a_soft_delete_with_one_history_line_and_follows_the_roles()
    {
        var mine = (await UploadAsync(team.Analyst, false, ("mine.txt", "1"u8.ToArray())))[0];
        var theirs = (await UploadAsync(team.OtherAnalyst, false, ("theirs.txt", "2"u8.ToArray())))[0];

        Assert.Equal(403, (await files.RemoveAsync(team.Analyst, caseId, theirs.Id)).Error!.Status);
        Assert.Equal(403, (await files.RemoveAsync(team.Viewer, caseId, mine.Id)).Error!.Status);
        Assert.True((await files.RemoveAsync(team.Analyst, caseId, mine.Id)).Succeeded);
        Assert.True((await files.RemoveAsync(team.Lead, caseId, theirs.Id)).Succeeded);
        Assert.Equal(404, (await files.RemoveAsync(team.Lead, caseId, theirs.Id)).Error!.Status);

        Assert.Empty((await files.ListAsync(caseId))!);
        Assert.Equal(2, (await AttachmentLinesAsync()).Count(l => l.Action == "delete"));
        await using var db = await portal.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<CasesPortal.Data.CasesDbContext>>().CreateDbContextAsync();
        Assert.Equal(2, db.CaseFiles.Count(f => f.DeletedAt != null));
        Assert.True(File.Exists(portal.Get<FileStore>().PathOf(mine.Sha256)));
    }

    [Fact]
    public async Task Viewers_read_writers_upload_and_flag_and_a_trashed_case_hides_its_files()
    {
        Assert.Equal(403, (await files.CheckUploadAsync(team.Viewer, caseId))!.Status);
        Assert.Equal(404, (await files.CheckUploadAsync(team.Analyst, "no-such-case"))!.Status);
        var staged = (await files.StageAsync(new MemoryStream("z"u8.ToArray()), "z.txt", null)).Value!;
        Assert.Equal(403, (await files.AttachAsync(team.Viewer, caseId, [staged])).Error!.Status);
        var file = (await UploadAsync(team.Analyst, false, ("z.txt", "z"u8.ToArray())))[0];
        Assert.Equal(403, (await files.SetMaliciousAsync(team.Viewer, caseId, file.Id, true)).Error!.Status);
        Assert.True((await files.SetMaliciousAsync(team.Lead, caseId, file.Id, true)).Succeeded);
        Assert.True((await files.OpenAsync(team.Viewer, caseId, file.Id)).Succeeded);

        Assert.True((await portal.Get<CaseService>().DeleteAsync(team.Lead, [caseId])).Succeeded);
        Assert.Null(await files.ListAsync(caseId));
        Assert.Equal(404, (await files.OpenAsync(team.Viewer, caseId, file.Id)).Error!.Status);
        Assert.Equal(404, (await files.SetMaliciousAsync(team.Lead, caseId, file.Id, false)).Error!.Status);
    }
}

/// <summary>Opens a zip the way an analyst's unzip tool would, with the password.</summary>
internal static class MaliciousZipReader
{
    public static byte[] Read(byte[] zip, string entryName, string password = MaliciousZip.Password)
    {
        using var file = new ZipFile(new MemoryStream(zip)) { Password = password };
        var entry = file.GetEntry(entryName) ?? throw new InvalidOperationException($"{entryName} not in the zip");
        Assert.True(entry.IsCrypted);
        using var content = file.GetInputStream(entry);
        var output = new MemoryStream();
        content.CopyTo(output);
        return output.ToArray();
    }
}

[Trait(Layer.Name, Layer.Unit)]
public sealed class CaseFileContentPurgeTests
{
    [Fact]
    public async Task Purging_a_case_from_the_trash_deletes_content_no_other_case_uses()
    {
        await using var portal = await PortalServices.StartAsync();
        var team = await CaseTeam.CreateAsync(portal);
        var cases = portal.Get<CaseService>();
        var files = portal.Get<CaseFileService>();
        var doomed = (await cases.CreateAsync(team.Analyst, new NewCase("Doomed", "", []))).Value!.Id;
        var kept = (await cases.CreateAsync(team.Analyst, new NewCase("Kept", "", []))).Value!.Id;
        async Task<CaseFileView> Attach(string caseId, string text) =>
            (await files.AttachAsync(team.Analyst, caseId, [(await files.StageAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "f.txt", null)).Value!])).Value![0];
        var only = await Attach(doomed, "only in the doomed case");
        var shared = await Attach(doomed, "in both cases");
        await Attach(kept, "in both cases");

        Assert.True((await cases.DeleteAsync(team.Lead, [doomed])).Succeeded);
        portal.Clock.Advance(CaseService.TrashRetention + TimeSpan.FromDays(1));
        Assert.Equal(1, await cases.PurgeTrashAsync());
        Assert.Equal(1, await files.DeleteUnreferencedContentAsync());

        var store = portal.Get<FileStore>();
        Assert.False(File.Exists(store.PathOf(only.Sha256)));
        Assert.True(File.Exists(store.PathOf(shared.Sha256)));
        Assert.Equal(0, await files.DeleteUnreferencedContentAsync());
    }
}
