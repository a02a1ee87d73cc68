using CasesPortal.Features.Accounts;
using CasesPortal.Features.Common;
using CasesPortal.Features.Evidence.Model;
using Microsoft.AspNetCore.Http.Features;

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

    private static IResult TooLarge(long max) => ApiResults.Error(StatusCodes.Status413PayloadTooLarge,
        $"The request body is larger than {max:N0} bytes (setting Ingest:MaxBodyBytes); send it in several requests.");
}
