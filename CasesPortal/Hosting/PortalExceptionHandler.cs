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
        if (exception is BadHttpRequestException bad)
        {
            if (!ApiResults.IsApiRequest(context.Request)) return false;
            await ApiResults.WriteErrorAsync(context, bad.StatusCode, DescribeBadRequest(bad));
            return true;
        }

        var reference = context.TraceIdentifier;
        logger.LogError(exception, "Unhandled error, reference {ReferenceId}, {Method} {Path}", reference, context.Request.Method, context.Request.Path);
        if (!ApiResults.IsApiRequest(context.Request)) return false;
        await ApiResults.WriteErrorAsync(context, StatusCodes.Status500InternalServerError,
            $"An internal error occurred. Give this reference to your administrator: {reference}", reference);
        return true;
    }

    private static string DescribeBadRequest(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException json
            ? $"The request body is not valid JSON for this endpoint: {json.Message}"
            : bad.Message;
}
