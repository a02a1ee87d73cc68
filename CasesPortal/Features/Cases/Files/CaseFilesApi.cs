using System.Security.Claims;
using System.Text.Json;
using CasesPortal.Features.Cases.Api;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CasesPortal.Features.Cases.Files;

/// <summary>
/// <c>/api/cases/{id}/files</c>: upload as Kibana's files API (multipart field <c>file</c>, optional <c>filename</c>),
/// list, download, flag and remove; plus the same download and an image preview for the signed-in browser.
/// </summary>
public static class CaseFilesApi
{
    // Room for the multipart boundaries and the small fields beside the file.
    private const long MultipartOverhead = 1024 * 1024;

    public static void MapCaseFilesApi(this IEndpointRouteBuilder endpoints, RouteGroupBuilder read, RouteGroupBuilder write)
    {
        var limits = endpoints.ServiceProvider.GetRequiredService<IOptions<FilesOptions>>().Value;
        // Only this route accepts a body that large; everywhere else Kestrel's default limit stays.
        write.MapPost("/{id}/files", UploadAsync).WithMetadata(new RequestSizeLimitAttribute(limits.MaxBytes + MultipartOverhead));
        read.MapGet("/{id}/files", ListAsync);
        read.MapGet("/{id}/files/{fileId}/download", (string id, string fileId, ClaimsPrincipal user, CaseFileService files, HttpContext http, CancellationToken ct) =>
            DownloadAsync(id, fileId, user, files, http, inline: false, ct));
        write.MapPatch("/{id}/files/{fileId}", FlagAsync);
        write.MapDelete("/{id}/files/{fileId}", RemoveAsync);

        // For the case page: the log-in cookie, reading only.
        var browser = endpoints.MapGroup("/cases/{id}/files/{fileId}").RequireAuthorization();
        browser.MapGet("/download", (string id, string fileId, ClaimsPrincipal user, CaseFileService files, HttpContext http, CancellationToken ct) =>
            DownloadAsync(id, fileId, user, files, http, inline: false, ct));
        browser.MapGet("/preview", (string id, string fileId, ClaimsPrincipal user, CaseFileService files, HttpContext http, CancellationToken ct) =>
            DownloadAsync(id, fileId, user, files, http, inline: true, ct));
    }

    private static async Task<IResult> UploadAsync(string id, HttpRequest request, ClaimsPrincipal user, CaseFileService files, CaseQueries queries,
        CommentService comments, CancellationToken ct)
    {
        var actor = CaseActor.From(user);
        if (await files.CheckUploadAsync(actor, id, ct) is { } refused) return ApiResults.Error(refused);
        var (staged, fields, problem) = await MultipartUpload.ReadAsync(request, files, ct);
        if (problem is not null) return ApiResults.Error(problem);
        using (staged)
        {
            if (fields.GetValueOrDefault("filename") is { Length: > 0 } name) staged!.FileName = name;
            var malicious = fields.GetValueOrDefault("malicious") is { } flag && bool.TryParse(flag, out var m) && m;
            var result = await files.AttachAsync(actor, id, [staged!], malicious, ct);
            if (!result.Succeeded) return ApiResults.Error(result.Error!);
        }
        var item = await queries.GetAsync(id, ct);
        var (list, _) = await comments.FindAsync(id, 1, 100, newestFirst: false, ct);
        return TypedResults.Ok(CaseJson.From(item!, list.Select(CommentJson.From).ToList()));
    }

    private static async Task<IResult> ListAsync(string id, CaseFileService files, CancellationToken ct) =>
        await files.ListAsync(id, ct) is { } list
            ? TypedResults.Ok(new { total = list.Count, files = list.Select(CaseFileJson.From) })
            : ApiResults.Error(CaseErrors.NotFound(id));

    private static async Task<IResult> FlagAsync(string id, string fileId, JsonElement body, ClaimsPrincipal user, CaseFileService files, CancellationToken ct)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("malicious", out var flag) || flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            return ApiResults.Error(StatusCodes.Status400BadRequest, "The body must be {\"malicious\":true} or {\"malicious\":false}.");
        var result = await files.SetMaliciousAsync(CaseActor.From(user), id, fileId, flag.GetBoolean(), ct);
        return result.Succeeded ? TypedResults.Ok(CaseFileJson.From(result.Value!)) : ApiResults.Error(result.Error!);
    }

    private static async Task<IResult> RemoveAsync(string id, string fileId, ClaimsPrincipal user, CaseFileService files, CancellationToken ct)
    {
        var result = await files.RemoveAsync(CaseActor.From(user), id, fileId, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Error(result.Error!);
    }

    private static async Task<IResult> DownloadAsync(string id, string fileId, ClaimsPrincipal user, CaseFileService files, HttpContext http, bool inline,
        CancellationToken ct)
    {
        var result = await files.OpenAsync(CaseActor.From(user), id, fileId, ct);
        if (!result.Succeeded) return ApiResults.Error(result.Error!);
        var download = result.Value!;
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Even a file opened directly can never run script or load anything in the portal's origin.
        headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; sandbox";
        headers.CacheControl = "private, no-store";
        if (inline && FileNames.IsPreviewable(download.ContentType))
        {
            headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = download.FileName }.ToString();
            return TypedResults.Stream(download.Content, download.ContentType);
        }
        return TypedResults.Stream(download.Content, download.ContentType, download.FileName);
    }
}

/// <summary>A case file in the API, snake_case like the rest of it.</summary>
public sealed record CaseFileJson(string Id, string CaseId, string Name, string MimeType, long Size, string Sha256, bool Malicious,
    DateTimeOffset CreatedAt, UserJson CreatedBy)
{
    public static CaseFileJson From(CaseFileView f) =>
        new(f.Id, f.CaseId, f.FileName, f.ContentType, f.Size, f.Sha256, f.Malicious, f.UploadedAt, UserJson.From(f.UploadedBy));
}
