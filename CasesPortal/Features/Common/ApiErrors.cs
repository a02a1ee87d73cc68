using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace CasesPortal.Features.Common;

/// <summary>The JSON shape of every API error, as Kibana writes it: <c>{"statusCode":400,"error":"Bad Request","message":"..."}</c>.</summary>
public sealed record ApiError(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("reference"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reference = null)
{
    public static ApiError For(int status, string message, string? reference = null) =>
        new(status, ReasonPhrases.GetReasonPhrase(status), message, reference);
}

public static class ApiResults
{
    public static IResult Error(int status, string message) =>
        TypedResults.Json(ApiError.For(status, message), statusCode: status);

    public static IResult Error(ServiceError error) => Error(error.Status, error.Message);

    public static Task WriteErrorAsync(HttpContext context, int status, string message, string? reference = null)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(ApiError.For(status, message, reference));
    }

    public static bool IsApiPath(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>The JSON body for a bare status code on an API path: an unknown address, a wrong method or content type.</summary>
    public static Task WriteStatusCodeAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        return WriteErrorAsync(http, status, status switch
        {
            StatusCodes.Status404NotFound => $"No API endpoint at {http.Request.Method} {http.Request.Path}.",
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}.",
            StatusCodes.Status415UnsupportedMediaType => "Send the request body as JSON, with 'Content-Type: application/json'.",
            _ => ReasonPhrases.GetReasonPhrase(status),
        });
    }
}
