using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace CasesPortal.Features.Connectors;

/// <summary>How a call to an external system failed, which decides what the outbox does next.</summary>
public enum ConnectorFailure
{
    /// <summary>The system refused the request (4xx): sending it again will not help.</summary>
    Rejected,

    /// <summary>The system answered with an error or could not be reached: nothing was done, try again later.</summary>
    Unavailable,

    /// <summary>No answer came after the request left (timeout, dropped connection): it may or may not have been done.</summary>
    NoAnswer,
}

public sealed class ConnectorException(string message, ConnectorFailure failure) : Exception(message)
{
    public ConnectorFailure Failure { get; } = failure;
}

/// <summary>
/// The typed HttpClient every connector type calls through. Resilience (timeouts, retries) is in its handler;
/// this class checks the allow-list, sends JSON and turns failures into the system's own words.
/// </summary>
public sealed class ConnectorHttp(HttpClient http, IOptions<ConnectorOptions> options)
{
    /// <summary>Marks a request that adds something each time it is sent (a POST, or a PATCH that appends a work note):
    /// it is retried only when the system said it did nothing.</summary>
    public static readonly HttpRequestOptionsKey<bool> NotIdempotent = new("casesportal.not-idempotent");

    public async Task<JsonNode?> SendAsync(string system, HttpMethod method, string url, AuthenticationHeaderValue? auth, JsonNode? body,
        CancellationToken ct, IReadOnlyDictionary<string, string>? headers = null, string? rawBody = null, bool appends = false)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ConnectorException($"{system}: {url} is not an http(s) address.", ConnectorFailure.Rejected);
        if (!options.Value.Allows(uri))
            throw new ConnectorException($"{system}: {uri.Host} is not in Connectors:AllowedHosts.", ConnectorFailure.Rejected);

        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = auth;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            if (!request.Headers.TryAddWithoutValidation(name, value) && !name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                throw new ConnectorException($"{system}: the header {name} cannot be set.", ConnectorFailure.Rejected);
        if (rawBody is not null || body is not null)
            request.Content = new StringContent(rawBody ?? body!.ToJsonString(), Encoding.UTF8, "application/json");
        request.Options.Set(NotIdempotent, appends || method == HttpMethod.Post);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            throw new ConnectorException($"{system}: cannot reach {uri.Host} ({ex.Message}).", ConnectorFailure.Unavailable);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new ConnectorException($"{system}: no answer from {uri.Host} in time.", ConnectorFailure.NoAnswer);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode) return text.Length == 0 ? null : TryParse(text);
            var message = ErrorText(TryParse(text)) ?? $"{(int)response.StatusCode} {response.ReasonPhrase}";
            var failure = (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
                ? ConnectorFailure.Unavailable : ConnectorFailure.Rejected;
            throw new ConnectorException($"{system}: {message}", failure);
        }
    }

    private static JsonNode? TryParse(string text)
    {
        try { return JsonNode.Parse(text); }
        catch (System.Text.Json.JsonException) { return null; }
    }

    /// <summary>The message in the error bodies of Jira (errorMessages, errors), ServiceNow (error.message, error.detail) and Resilient (message).</summary>
    internal static string? ErrorText(JsonNode? body)
    {
        if (body is not JsonObject o) return null;
        var parts = new List<string>();
        if (o["errorMessages"] is JsonArray messages) parts.AddRange(messages.Select(m => m?.ToString() ?? "").Where(m => m.Length > 0));
        if (o["errors"] is JsonObject errors) parts.AddRange(errors.Select(e => $"{e.Value}"));
        if (o["error"] is JsonObject error)
            parts.Add(string.Join(" ", new[] { error["message"]?.ToString(), error["detail"]?.ToString() }.Where(p => !string.IsNullOrEmpty(p))));
        if (o["error"] is JsonValue errorText) parts.Add(errorText.ToString());
        if (o["message"] is JsonValue message) parts.Add(message.ToString());
        var text = string.Join(" ", parts.Where(p => p.Length > 0));
        return text.Length == 0 ? null : text;
    }
}
