using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace CasesPortal.Features.Connectors;

/// <summary>
/// Retries of outbound calls: with backoff and jitter, honouring Retry-After, only on 5xx, 429 and timeouts, never on
/// other 4xx. A POST (create, comment) is retried only when the system said it did nothing (429, 502, 503): after a
/// timeout it may have been done, and the outbox looks it up instead of sending it twice.
/// </summary>
public static class ConnectorResilience
{
    public static IHttpResiliencePipelineBuilder AddConnectorResilience(this IHttpClientBuilder client) =>
        client.AddResilienceHandler("connectors", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
            // Waits between tries run on real time unless a clock is registered for connectors (keyed "Connectors"),
            // so a portal whose case clock is frozen in tests still retries in milliseconds.
            pipeline.TimeProvider = context.ServiceProvider.GetKeyedService<TimeProvider>(ConnectorOptions.Section) ?? TimeProvider.System;
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && ShouldRetry(args.Outcome, args.Context.GetRequestMessage())),
            });
            pipeline.AddTimeout(options.AttemptTimeout);
        });

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        var notIdempotent = request?.Options.TryGetValue(ConnectorHttp.NotIdempotent, out var flag) == true && flag;
        if (outcome.Result is { } response)
            return response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway
                || (!notIdempotent && ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout));
        if (outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }) return true;
        return !notIdempotent && outcome.Exception is HttpRequestException or TimeoutRejectedException;
    }
}
