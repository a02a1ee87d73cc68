using System.Globalization;
using System.Text.Json.Serialization;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;

namespace CasesPortal.Features.Metrics;

/// <summary>
/// Kibana's metrics routes: <c>GET /api/cases/metrics/{caseId}?features=..</c> for one case and
/// <c>GET /api/cases/metrics?features=mttr&amp;features=status&amp;from=..&amp;to=..</c> over all cases. Only the
/// features asked for are answered; an unknown one is a 400 naming it. Durations are milliseconds, MTTR seconds.
/// </summary>
public static class CaseMetricsApi
{
    public static void MapCaseMetricsApi(this IEndpointRouteBuilder endpoints)
    {
        // A literal segment outranks the case routes' "{id}", so /api/cases/metrics never reads as a case id.
        var read = endpoints.MapGroup("/api/cases/metrics").RequireAuthorization(AccountPolicies.ApiRead);
        read.MapGet("/{caseId}", async (string caseId, HttpRequest request, CaseMetricsService metrics, CancellationToken ct) =>
        {
            if (Features(request, CaseMetricFeatures.OfOneCase) is not { } features) return UnknownFeature(request, CaseMetricFeatures.OfOneCase);
            return await metrics.ForCaseAsync(caseId, features, ct) is { } figures
                ? TypedResults.Ok(CaseMetricsJson.From(figures))
                : ApiResults.Error(CaseErrors.NotFound(caseId));
        });
        read.MapGet("/", async (HttpRequest request, CaseMetricsService metrics, CancellationToken ct) =>
        {
            if (Features(request, CaseMetricFeatures.OfAllCases) is not { } features) return UnknownFeature(request, CaseMetricFeatures.OfAllCases);
            var (from, fromProblem) = Date(request, "from");
            var (to, toProblem) = Date(request, "to");
            if ((fromProblem ?? toProblem) is { } problem) return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
            if (from > to) return ApiResults.Error(StatusCodes.Status400BadRequest, "from must not be later than to.");
            return TypedResults.Ok(AllCasesJson(features, await metrics.ForAllCasesAsync(features, from, to, ct)));
        });
    }

    /// <summary>Only the features asked for; an MTTR with no closed case in the period is null.</summary>
    private static Dictionary<string, object?> AllCasesJson(IReadOnlySet<string> features, AllCasesMetrics m)
    {
        var json = new Dictionary<string, object?>();
        if (features.Contains(CaseMetricFeatures.Mttr)) json["mttr"] = m.MttrSeconds is { } seconds ? Math.Round(seconds) : null;
        if (m.Status is { } status) json["status"] = new StatusCountsJson(status.Open, status.InProgress, status.Closed);
        return json;
    }

    private static HashSet<string>? Features(HttpRequest request, IReadOnlySet<string> known)
    {
        var asked = Asked(request);
        return asked.All(known.Contains) ? asked : null;
    }

    private static HashSet<string> Asked(HttpRequest request) =>
        request.Query["features"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet();

    private static IResult UnknownFeature(HttpRequest request, IReadOnlySet<string> known)
    {
        var unknown = Asked(request).First(f => !known.Contains(f));
        return ApiResults.Error(StatusCodes.Status400BadRequest,
            $"Unknown feature [{unknown}]: expected {string.Join(", ", known.Order())}.");
    }

    private static (DateTimeOffset? Value, string? Problem) Date(HttpRequest request, string name)
    {
        if (request.Query[name].FirstOrDefault() is not { Length: > 0 } text) return (null, null);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? (value, null)
            : (null, $"{name} must be an ISO 8601 date or time such as 2026-11-01T00:00:00Z (got \"{text}\").");
    }
}

public sealed record CaseMetricsJson(
    [property: JsonPropertyName("alerts"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AlertsMetricsJson? Alerts,
    [property: JsonPropertyName("connectors"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TotalJson? Connectors,
    [property: JsonPropertyName("lifespan"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LifespanJson? Lifespan)
{
    public static CaseMetricsJson From(CaseMetrics m) => new(
        m.AlertCount is null && m.Users is null && m.Hosts is null ? null : new AlertsMetricsJson(m.AlertCount,
            m.Hosts is { } hosts ? new EntitiesJson(hosts.Total, hosts.Top.Select(h => new EntityJson(h.Name, h.Id, h.Count)).ToList()) : null,
            m.Users is { } users ? new EntitiesJson(users.Total, users.Top.Select(u => new EntityJson(u.Name, null, u.Count)).ToList()) : null),
        m.Connectors is { } connectors ? new TotalJson(connectors) : null,
        m.Lifespan is { } life ? new LifespanJson(life.CreatedAt, life.ClosedAt, new StatusInfoJson(
            (long)life.OpenDuration.TotalMilliseconds, (long)life.InProgressDuration.TotalMilliseconds, life.ReopenDates)) : null);
}

public sealed record AlertsMetricsJson(
    [property: JsonPropertyName("count"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Count,
    [property: JsonPropertyName("hosts"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EntitiesJson? Hosts,
    [property: JsonPropertyName("users"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EntitiesJson? Users);

public sealed record EntitiesJson([property: JsonPropertyName("total")] int Total, [property: JsonPropertyName("values")] IReadOnlyList<EntityJson> Values);

public sealed record EntityJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id,
    [property: JsonPropertyName("count")] int Count);

public sealed record TotalJson([property: JsonPropertyName("total")] int Total);

public sealed record LifespanJson(
    [property: JsonPropertyName("creationDate")] DateTimeOffset CreationDate,
    [property: JsonPropertyName("closeDate")] DateTimeOffset? CloseDate,
    [property: JsonPropertyName("statusInfo")] StatusInfoJson StatusInfo);

public sealed record StatusInfoJson(
    [property: JsonPropertyName("openDuration")] long OpenDuration,
    [property: JsonPropertyName("inProgressDuration")] long InProgressDuration,
    [property: JsonPropertyName("reopenDates")] IReadOnlyList<DateTimeOffset> ReopenDates);

public sealed record StatusCountsJson(
    [property: JsonPropertyName("open")] int Open,
    [property: JsonPropertyName("inProgress")] int InProgress,
    [property: JsonPropertyName("closed")] int Closed);
