using CasesPortal.Features.Accounts;
using CasesPortal.Features.Common;
using CasesPortal.Features.Evidence.Model;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CasesPortal.Features.Evidence.Ingest;

/// <summary>
/// <c>POST /api/{alerts|events|indicators}/_bulk</c>: NDJSON or a JSON array of ECS (or STIX) documents, answered
/// like Elasticsearch's <c>_bulk</c>. Open to the Ingest machine role and to Analysts, Leads and Admins.
/// </summary>
public static class IngestApi
{
    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api").RequireAuthorization(AccountPolicies.ApiIngest);
        group.MapPost("/alerts/_bulk", (HttpContext http, EvidenceIngestService ingest, CancellationToken ct) => BulkAsync(EvidenceKind.Alerts, http, ingest, ct));
        group.MapPost("/events/_bulk", (HttpContext http, EvidenceIngestService ingest, CancellationToken ct) => BulkAsync(EvidenceKind.Events, http, ingest, ct));
        group.MapPost("/indicators/_bulk", (HttpContext http, EvidenceIngestService ingest, CancellationToken ct) => BulkAsync(EvidenceKind.Indicators, http, ingest, ct));
        return endpoints;
    }

    private static async Task<IResult> BulkAsync(EvidenceKind kind, HttpContext http, EvidenceIngestService ingest, CancellationToken ct)
    {
        if (FormContentType(http.Request.ContentType) is { } form) return ApiResults.Error(StatusCodes.Status415UnsupportedMediaType,
            $"Content-Type [{form}] is not supported: send the documents as the raw request body with Content-Type application/x-ndjson " +
            "or application/json (with curl: --data-binary @file; -d joins the lines of a file and -F wraps it in a form).");
        var max = ingest.Limits.MaxBodyBytes;
        if (http.Request.ContentLength > max) return TooLarge(max);
        // The server's own default (30 MB) would cut a large file short; this endpoint enforces its own limit below.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = max + 1;

        using var body = new MemoryStream(http.Request.ContentLength is { } length ? (int)length : 64 * 1024);
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, ct)) > 0)
            {
                if (body.Length + read > max) return TooLarge(max);
                body.Write(buffer, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(max);
        }

        var result = await ingest.IngestAsync(kind, body.GetBuffer().AsMemory(0, (int)body.Length), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!) : ApiResults.Error(result.Error!);
    }

    /// <summary>
    /// A form's media type, or null. A form body is never a bulk body: curl's <c>-d @file</c> sends one with the file's
    /// line breaks taken out, so its NDJSON would be read as one broken document. Any other type (or none) is read as JSON.
    /// </summary>
    private static string? FormContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType.Value is { } media
        && (media.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || media.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)) ? media : null;

    private static IResult TooLarge(long max) => ApiResults.Error(StatusCodes.Status413PayloadTooLarge,
        $"The request body is larger than {max:N0} bytes (setting Ingest:MaxBodyBytes); send it in several requests.");
}
