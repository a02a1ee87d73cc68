using System.Text.Json;
using System.Text.Json.Serialization;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Common;
using CasesPortal.Features.Evidence.Model;

namespace CasesPortal.Features.Evidence.Explore;

/// <summary>
/// <c>GET /api/{alerts|events|indicators}/_find</c>: one page of stored evidence, newest first, each item with its
/// indexed fields and the original document. Readable by every role that may read cases (not by Ingest-only keys).
/// </summary>
public static class EvidenceFindApi
{
    public static IEndpointRouteBuilder MapEvidenceFindApi(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api").RequireAuthorization(AccountPolicies.ApiRead);
        MapFind(read, "alerts", p => p.Alerts(), (q, query, ct) => q.FindAlertsAsync(query, ct), AlertJson);
        MapFind(read, "events", p => p.Events(), (q, query, ct) => q.FindEventsAsync(query, ct), EventJson);
        MapFind(read, "indicators", p => p.Indicators(), (q, query, ct) => q.FindIndicatorsAsync(query, ct), IndicatorJson);
        return endpoints;
    }

    private static void MapFind<TQuery, T>(RouteGroupBuilder group, string name, Func<EvidenceFindParameters, TQuery> read,
        Func<EvidenceQueries, TQuery, CancellationToken, Task<EvidencePage<T>>> find, Func<T, object> json) =>
        group.MapGet($"/{name}/_find", async (HttpRequest request, EvidenceQueries queries, CancellationToken ct) =>
        {
            var parameters = new EvidenceFindParameters(request.Query);
            var query = read(parameters);
            return parameters.Problem is { } problem
                ? ApiResults.Error(StatusCodes.Status400BadRequest, problem)
                : Page(name, await find(queries, query, ct), json);
        });

    private static IResult Page<T>(string name, EvidencePage<T> found, Func<T, object> json) => TypedResults.Ok(new Dictionary<string, object>
    {
        ["page"] = found.Page,
        ["per_page"] = found.PerPage,
        ["total"] = found.Total,
        // As Elasticsearch's hits.total.relation: "gte" when a free-text search stopped counting at the limit.
        ["total_relation"] = found.TotalIsLowerBound ? "gte" : "eq",
        [name] = found.Items.Select(json),
    });

    private static JsonElement Document(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static object AlertJson(Alert a) => new AlertItem(a.Id, a.Timestamp, a.RuleName, a.RuleUuid, a.Severity, a.RiskScore, a.WorkflowStatus,
        a.Reason, a.HostName, a.UserName, a.SourceIp, a.DestinationIp, a.ProcessName, a.EventCategory, a.EventAction, a.EventOutcome, Document(a.Document));

    private static object EventJson(SecurityEvent e) => new EventItem(e.Id, e.Timestamp, e.HostName, e.HostOsName, e.UserName, e.SourceIp,
        e.DestinationIp, e.ProcessName, e.EventCategory, e.EventAction, e.EventOutcome, e.Message, Document(e.Document));

    private static object IndicatorJson(Indicator i) => new IndicatorItem(i.Id, i.Type, i.Value, i.Provider, i.Confidence, i.FirstSeen, i.LastSeen,
        i.Timestamp, Document(i.Document));

    private sealed record AlertItem(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("@timestamp")] DateTimeOffset? Timestamp,
        [property: JsonPropertyName("rule")] string? Rule,
        [property: JsonPropertyName("rule_uuid")] string? RuleUuid,
        [property: JsonPropertyName("severity")] string? Severity,
        [property: JsonPropertyName("risk_score")] double? RiskScore,
        [property: JsonPropertyName("status")] string? Status,
        [property: JsonPropertyName("reason")] string? Reason,
        [property: JsonPropertyName("host.name")] string? HostName,
        [property: JsonPropertyName("user.name")] string? UserName,
        [property: JsonPropertyName("source.ip")] string? SourceIp,
        [property: JsonPropertyName("destination.ip")] string? DestinationIp,
        [property: JsonPropertyName("process.name")] string? ProcessName,
        [property: JsonPropertyName("event.category")] string? Category,
        [property: JsonPropertyName("event.action")] string? Action,
        [property: JsonPropertyName("event.outcome")] string? Outcome,
        [property: JsonPropertyName("document")] JsonElement Document);

    private sealed record EventItem(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("@timestamp")] DateTimeOffset? Timestamp,
        [property: JsonPropertyName("host.name")] string? HostName,
        [property: JsonPropertyName("host.os.name")] string? HostOs,
        [property: JsonPropertyName("user.name")] string? UserName,
        [property: JsonPropertyName("source.ip")] string? SourceIp,
        [property: JsonPropertyName("destination.ip")] string? DestinationIp,
        [property: JsonPropertyName("process.name")] string? ProcessName,
        [property: JsonPropertyName("event.category")] string? Category,
        [property: JsonPropertyName("event.action")] string? Action,
        [property: JsonPropertyName("event.outcome")] string? Outcome,
        [property: JsonPropertyName("message")] string? Message,
        [property: JsonPropertyName("document")] JsonElement Document);

    private sealed record IndicatorItem(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("value")] string Value,
        [property: JsonPropertyName("provider")] string? Provider,
        [property: JsonPropertyName("confidence")] string? Confidence,
        [property: JsonPropertyName("first_seen")] DateTimeOffset? FirstSeen,
        [property: JsonPropertyName("last_seen")] DateTimeOffset? LastSeen,
        [property: JsonPropertyName("@timestamp")] DateTimeOffset? Timestamp,
        [property: JsonPropertyName("document")] JsonElement Document);
}
