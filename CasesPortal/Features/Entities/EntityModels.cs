namespace CasesPortal.Features.Entities;

/// <summary>The columns an entity list sorts on; each list accepts those that make sense for it.</summary>
public enum EntitySort { LastSeen, Name, Events, Alerts, Hosts, Flows, Peers }

/// <summary>One page of an entity list (hosts, IPs, users): free text, a time range on <c>@timestamp</c>, a sort.</summary>
public sealed record EntityQuery
{
    public const int MaxSearchLength = 200;

    public int Page { get; init; } = 1;
    public int PerPage { get; init; } = 25;
    public string? Search { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public EntitySort Sort { get; init; } = EntitySort.LastSeen;
    public bool Descending { get; init; } = true;
}

public sealed record EntityPage<T>(IReadOnlyList<T> Items, int Page, int PerPage, int Total);

/// <summary>
/// A host seen in events or alerts, keyed by <c>host.name</c> as on Elastic's Hosts page (by <c>host.id</c> when a document has no name).
/// Name, OS and IPs come from its newest document.
/// </summary>
public sealed record HostSummary(
    string Key, string Name, string? HostId, string? Os, string? Ips, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen, int Events, int Alerts);

/// <summary>Which side of a flow an address was on.</summary>
public static class FlowDirection
{
    public const string Source = "source";
    public const string Destination = "destination";
}

/// <summary>An IP address on one side of network events: how many flows, with how many distinct peers.</summary>
public sealed record IpSummary(string Ip, string Direction, int Flows, int Peers, DateTimeOffset? LastSeen);

/// <summary>A <c>user.name</c> seen in events or alerts, with its last successful and failed authentication events.</summary>
public sealed record UserActivity(
    string Name, int Events, int Alerts, int Hosts, DateTimeOffset? LastSeen, DateTimeOffset? LastLogonSuccess, DateTimeOffset? LastLogonFailure);
