using System.Text.Json.Serialization;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Common;
using CasesPortal.Features.Evidence.Explore;

namespace CasesPortal.Features.Entities;

/// <summary>
/// <c>GET /api/entities/{hosts|network|users}/_find</c>: one page of the Hosts, Network and Users lists. Readable by every
/// role that may read cases (not by Ingest-only keys). <c>/api/users</c> is the account administration, hence the prefix.
/// </summary>
public static class EntityFindApi
{
    public static IEndpointRouteBuilder MapEntityFindApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/entities").RequireAuthorization(AccountPolicies.ApiRead);
        Map(group, "hosts", "hosts", [EntitySort.LastSeen, EntitySort.Name, EntitySort.Events, EntitySort.Alerts],
            (q, query, ct) => q.FindHostsAsync(query, ct), h => new HostItem(h.Key, h.Name, h.HostId, h.Os, Split(h.Ips), h.FirstSeen, h.LastSeen, h.Events, h.Alerts));
        Map(group, "network", "ips", [EntitySort.LastSeen, EntitySort.Name, EntitySort.Flows, EntitySort.Peers],
            (q, query, ct) => q.FindIpsAsync(query, ct), i => new IpItem(i.Ip, i.Direction, i.Flows, i.Peers, i.LastSeen));
        Map(group, "users", "users", [EntitySort.LastSeen, EntitySort.Name, EntitySort.Events, EntitySort.Alerts, EntitySort.Hosts],
            (q, query, ct) => q.FindUsersAsync(query, ct),
            u => new UserItem(u.Name, u.Events, u.Alerts, u.Hosts, u.LastSeen, u.LastLogonSuccess, u.LastLogonFailure));
        return endpoints;
    }

    private static void Map<T>(RouteGroupBuilder group, string route, string listName, EntitySort[] sorts,
        Func<EntityQueries, EntityQuery, CancellationToken, Task<EntityPage<T>>> find, Func<T, object> json) =>
        group.MapGet($"/{route}/_find", async (HttpRequest request, EntityQueries queries, CancellationToken ct) =>
        {
            var (query, problem) = Read(request.Query, sorts);
            if (problem is not null) return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
            var found = await find(queries, query, ct);
            return TypedResults.Ok(new Dictionary<string, object>
            {
                ["page"] = found.Page,
                ["per_page"] = found.PerPage,
                ["total"] = found.Total,
                [listName] = found.Items.Select(json),
            });
        });

    /// <summary>Reads <c>page</c>, <c>perPage</c>, <c>search</c>, <c>from</c>, <c>to</c>, <c>sortOrder</c> as the evidence
    /// <c>_find</c> routes do, and <c>sortField</c>; names the first bad one.</summary>
    public static (EntityQuery Query, string? Problem) Read(IQueryCollection q, EntitySort[] sorts)
    {
        var parameters = new EvidenceFindParameters(q);
        var common = parameters.Common();
        var sortText = q["sortField"].ToString();
        var sort = sorts.FirstOrDefault(s => SortName(s) == sortText);
        var problem = parameters.Problem
            ?? (common.Search?.Length > EntityQuery.MaxSearchLength ? $"search must be at most {EntityQuery.MaxSearchLength} characters." : null)
            ?? (sortText.Length > 0 && SortName(sort) != sortText
                ? $"sortField must be one of {string.Join(", ", sorts.Select(SortName))} (got '{sortText}')." : null);
        var query = new EntityQuery
        {
            Page = common.Page, PerPage = common.PerPage, Search = common.Search, From = common.From, To = common.To,
            Sort = sort, Descending = common.Descending,
        };
        return (query, problem);
    }

    /// <summary>The API name of a sort: lastSeen, name, events, alerts, hosts, flows, peers.</summary>
    public static string SortName(EntitySort sort) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(sort.ToString());

    private static string[] Split(string? joined) => joined?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private sealed record HostItem(
        [property: JsonPropertyName("id")] string Key,
        [property: JsonPropertyName("host.name")] string Name,
        [property: JsonPropertyName("host.id")] string? HostId,
        [property: JsonPropertyName("host.os")] string? Os,
        [property: JsonPropertyName("host.ip")] string[] Ips,
        [property: JsonPropertyName("first_seen")] DateTimeOffset? FirstSeen,
        [property: JsonPropertyName("last_seen")] DateTimeOffset? LastSeen,
        [property: JsonPropertyName("events")] int Events,
        [property: JsonPropertyName("alerts")] int Alerts);

    private sealed record IpItem(
        [property: JsonPropertyName("ip")] string Ip,
        [property: JsonPropertyName("direction")] string Direction,
        [property: JsonPropertyName("flows")] int Flows,
        [property: JsonPropertyName("peers")] int Peers,
        [property: JsonPropertyName("last_seen")] DateTimeOffset? LastSeen);

    private sealed record UserItem(
        [property: JsonPropertyName("user.name")] string Name,
        [property: JsonPropertyName("events")] int Events,
        [property: JsonPropertyName("alerts")] int Alerts,
        [property: JsonPropertyName("hosts")] int Hosts,
        [property: JsonPropertyName("last_seen")] DateTimeOffset? LastSeen,
        [property: JsonPropertyName("last_success")] DateTimeOffset? LastLogonSuccess,
        [property: JsonPropertyName("last_failure")] DateTimeOffset? LastLogonFailure);
}
