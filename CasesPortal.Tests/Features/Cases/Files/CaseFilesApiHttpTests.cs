using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CasesPortal.Tests.Features.Cases.Files;

/// <summary>A portal with small file limits, so "too large" is cheap to test.</summary>
public sealed class SmallFilesPortal : IDisposable
{
    public PortalFactory Factory { get; } = PortalFactory.Create(settings: new() { ["Files:MaxBytes"] = "8192", ["Files:MaxImageBytes"] = "2048" });
    public void Dispose() => Factory.Dispose();
}

[Trait(Layer.Name, Layer.Http)]
public sealed class CaseFilesApiHttpTests(SmallFilesPortal portal) : IClassFixture<SmallFilesPortal>, IAsyncLifetime
{
    private HttpClient analyst = default!, viewer = default!;

    public async Task InitializeAsync()
    {
        analyst = await ClientFor("files.analyst@soc.example", "Analyst");
        viewer = await ClientFor("files.viewer@soc.example", "Viewer");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpClient> ClientFor(string email, string role) => HttpForms.ApiClientAsync(portal.Factory, email, role);

    private async Task<string> CreateCaseAsync()
    {
        var response = await analyst.PostAsync("/api/cases", new StringContent(
            """{"title":"Dropper on WS-7","description":"","tags":[],"owner":"securitySolution","settings":{"syncAlerts":true},"connector":{"id":"none","name":"none","type":".none","fields":null}}""",
            Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName, string type = "application/octet-stream", string? filename = null, bool malicious = false)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (filename is not null) form.Add(new StringContent(filename), "filename");
        if (malicious) form.Add(new StringContent("true"), "malicious");
        return form;
    }

    private async Task<JsonElement> ListAsync(HttpClient client, string caseId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/files");

    private async Task<string> UploadAsync(string caseId, byte[] bytes, string fileName, string type = "application/octet-stream", bool malicious = false)
    {
        var response = await analyst.PostAsync($"/api/cases/{caseId}/files", Upload(bytes, fileName, type, malicious: malicious));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var files = (await ListAsync(analyst, caseId)).GetProperty("files").EnumerateArray();
        return files.First(f => f.GetProperty("name").GetString() == FileNameOf(fileName)).GetProperty("id").GetString()!;
    }

    private static string FileNameOf(string name) => name.Split('/', '\\')[^1];

    [Fact]
    public async Task Upload_as_kibana_answers_the_case_and_the_list_shows_the_file_with_its_hash()
    {
        var caseId = await CreateCaseAsync();
        var bytes = Encoding.UTF8.GetBytes("Get-Process | Out-File c:\\temp\\p.txt");

        var response = await analyst.PostAsync($"/api/cases/{caseId}/files", Upload(bytes, "upload.bin", filename: "script.ps1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(caseId, body.GetProperty("id").GetString());
        Assert.Equal("Dropper on WS-7", body.GetProperty("title").GetString());
        var list = await ListAsync(viewer, caseId);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var file = list.GetProperty("files")[0];
        Assert.Equal("script.ps1", file.GetProperty("name").GetString());
        Assert.Equal(bytes.Length, file.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.GetProperty("sha256").GetString());
        Assert.Equal("files.analyst@soc.example", file.GetProperty("created_by").GetProperty("username").GetString());
        Assert.False(file.GetProperty("malicious").GetBoolean());

        var history = await viewer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/user_actions/_find?types=[\"attachment\"]");
        Assert.Equal(1, history.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Downloads_are_attachments_never_sniffed_and_html_is_octet_stream()
    {
        var caseId = await CreateCaseAsync();
        var html = "<html><script>alert(1)</script></html>"u8.ToArray();
        var fileId = await UploadAsync(caseId, html, "phish.html", "text/html");

        var response = await viewer.GetAsync($"/api/cases/{caseId}/files/{fileId}/download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("phish.html", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(html, await response.Content.ReadAsByteArrayAsync());

        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        var imageId = await UploadAsync(caseId, png, "shot.png", "image/png");
        var image = await viewer.GetAsync($"/api/cases/{caseId}/files/{imageId}/download");
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", image.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Fact]
    public async Task A_malicious_file_downloads_as_a_zip_with_the_password_infected()
    {
        var caseId = await CreateCaseAsync();
        var payload = "MZ this is the dropper"u8.ToArray();
        var fileId = await UploadAsync(caseId, payload, "dropper.exe");

        var flagged = await analyst.PatchAsync($"/api/cases/{caseId}/files/{fileId}", new StringContent("""{"malicious":true}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, flagged.StatusCode);
        Assert.True((await flagged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("malicious").GetBoolean());

        var response = await viewer.GetAsync($"/api/cases/{caseId}/files/{fileId}/download");
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("dropper.exe.zip", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(payload, MaliciousZipReader.Read(await response.Content.ReadAsByteArrayAsync(), "dropper.exe"));

        var atUpload = await UploadAsync(caseId, "second"u8.ToArray(), "stage2.dll", malicious: true);
        var zipped = await viewer.GetAsync($"/api/cases/{caseId}/files/{atUpload}/download");
        Assert.Equal("application/zip", zipped.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Too_large_is_413_with_json_for_files_and_for_images()
    {
        var caseId = await CreateCaseAsync();
        await ApiAssert.ErrorAsync(await analyst.PostAsync($"/api/cases/{caseId}/files", Upload(new byte[8193], "memory.dmp")),
            HttpStatusCode.RequestEntityTooLarge, "larger than the 8 KiB allowed for files");
        await ApiAssert.ErrorAsync(await analyst.PostAsync($"/api/cases/{caseId}/files", Upload(new byte[2049], "screen.png", "image/png")),
            HttpStatusCode.RequestEntityTooLarge, "allowed for images");
        Assert.Equal(0, (await ListAsync(viewer, caseId)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Roles_unknown_cases_and_files_and_removal()
    {
        var caseId = await CreateCaseAsync();
        await ApiAssert.ErrorAsync(await viewer.PostAsync($"/api/cases/{caseId}/files", Upload("x"u8.ToArray(), "x.txt")), HttpStatusCode.Forbidden, "roles");
        await ApiAssert.ErrorAsync(await analyst.PostAsync("/api/cases/no-such-case/files", Upload("x"u8.ToArray(), "x.txt")), HttpStatusCode.NotFound, "no-such-case");
        await ApiAssert.ErrorAsync(await viewer.GetAsync("/api/cases/no-such-case/files"), HttpStatusCode.NotFound, "no-such-case");
        await ApiAssert.ErrorAsync(await viewer.GetAsync($"/api/cases/{caseId}/files/nope/download"), HttpStatusCode.NotFound, "File nope not found");
        await ApiAssert.ErrorAsync(await analyst.PostAsync($"/api/cases/{caseId}/files", new StringContent("{}", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "multipart/form-data");

        var fileId = await UploadAsync(caseId, "x"u8.ToArray(), "x.txt");
        await ApiAssert.ErrorAsync(await viewer.PatchAsync($"/api/cases/{caseId}/files/{fileId}", new StringContent("""{"malicious":true}""", Encoding.UTF8, "application/json")),
            HttpStatusCode.Forbidden, "roles");
        await ApiAssert.ErrorAsync(await viewer.DeleteAsync($"/api/cases/{caseId}/files/{fileId}"), HttpStatusCode.Forbidden, "roles");
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/cases/{caseId}/files/{fileId}")).StatusCode);
        await ApiAssert.ErrorAsync(await viewer.GetAsync($"/api/cases/{caseId}/files/{fileId}/download"), HttpStatusCode.NotFound, "not found");
        Assert.Equal(0, (await ListAsync(viewer, caseId)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_browser_download_needs_the_log_in_and_previews_only_images()
    {
        var caseId = await CreateCaseAsync();
        var pngId = await UploadAsync(caseId, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9], "shot.png", "image/png");
        var svgId = await UploadAsync(caseId, "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"u8.ToArray(), "x.svg", "image/svg+xml");

        Assert.Equal(HttpStatusCode.Redirect, (await portal.Factory.CreateBrowserlessClient().GetAsync($"/cases/{caseId}/files/{pngId}/preview")).StatusCode);
        var browser = await HttpForms.LoggedInClientAsync(portal.Factory, "files.viewer@soc.example", TestAccounts.AnalystPassword);
        var preview = await browser.GetAsync($"/cases/{caseId}/files/{pngId}/preview");
        Assert.Equal("image/png", preview.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", preview.Content.Headers.ContentDisposition!.DispositionType);
        var svg = await browser.GetAsync($"/cases/{caseId}/files/{svgId}/preview");
        Assert.Equal("application/octet-stream", svg.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", svg.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("sandbox", svg.Headers.GetValues("Content-Security-Policy").Single());
    }
}
