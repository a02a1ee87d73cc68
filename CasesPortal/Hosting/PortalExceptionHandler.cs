using CasesPortal.Features.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace CasesPortal.Hosting;

/// <summary>
/// Logs every unhandled error under the request's reference id. API callers get the JSON error body with that id;
/// pages fall through to <c>/error</c>, which shows the same id.
/// </summary>
public sealed class PortalExceptionHandler(ILogger<PortalExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        // The middleware has already pointed the request at /error; the caller's path decides JSON or page.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path;
        var isApi = ApiResults.IsApiPath(path);
        if (exception is BadHttpRequestException bad)
        {
            if (isApi)
                await ApiResults.WriteErrorAsync(context, bad.StatusCode, DescribeBadRequest(bad));
            else
                await WriteFormRejectedAsync(context, bad.StatusCode);
            return true;
        }

        var reference = context.TraceIdentifier;
        logger.LogError(exception, "Unhandled error, reference {ReferenceId}, {Method} {Path}", reference, context.Request.Method, path);
        if (!isApi) return false;
        await ApiResults.WriteErrorAsync(context, StatusCodes.Status500InternalServerError,
            $"An internal error occurred. Give this reference to your administrator: {reference}", reference);
        return true;
    }

    // A page form that fails its antiforgery or binding checks: usually an expired page or a double submit.
    private static Task WriteFormRejectedAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Request refused · CasesPortal</title></head>" +
            "<body style=\"font-family:sans-serif;max-width:36rem;margin:4rem auto\"><h1>The form could not be accepted</h1>" +
            "<p>The page was open too long or the form was sent twice. Please go back and try again.</p><p><a href=\"/\">Back to the portal</a></p></body></html>");
    }

    private static string DescribeBadRequest(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException json
            ? $"The request body is not valid JSON for this endpoint: {json.Message}"
            : bad.Message;
}
