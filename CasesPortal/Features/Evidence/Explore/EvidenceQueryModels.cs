using CasesPortal.Features.Evidence.Model;

namespace CasesPortal.Features.Evidence.Explore;

/// <summary>
/// The filters of one kind of evidence, as the explore pages and <c>_find</c> build them; also what "attach every
/// match to a case" selects (paging is ignored there).
/// </summary>
public interface IEvidenceFilter
{
    EvidenceKind Kind { get; }
    EvidenceQuery Common { get; }
}

/// <summary>What every evidence search shares: paging, free text, a time range and host/user filters.</summary>
public sealed record EvidenceQuery
{
    public const int MaxPerPage = 100;

    public int Page { get; init; } = 1;
    public int PerPage { get; init; } = 20;
    public string? Search { get; init; }

    /// <summary>On <c>@timestamp</c> for alerts and events, on last seen for indicators.</summary>
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public bool Descending { get; init; } = true;
    public IReadOnlyList<string> Hosts { get; init; } = [];
    public IReadOnlyList<string> Users { get; init; } = [];
}

public sealed record AlertQuery : IEvidenceFilter
{
    public EvidenceKind Kind => EvidenceKind.Alerts;
    public EvidenceQuery Common { get; init; } = new();

    /// <summary>Workflow statuses: open, acknowledged, closed.</summary>
    public IReadOnlyList<string> Statuses { get; init; } = [];
    public IReadOnlyList<string> Severities { get; init; } = [];
    public IReadOnlyList<string> Rules { get; init; } = [];
}

public sealed record EventQuery : IEvidenceFilter
{
    public EvidenceKind Kind => EvidenceKind.Events;
    public EvidenceQuery Common { get; init; } = new();
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> Actions { get; init; } = [];
    public IReadOnlyList<string> Outcomes { get; init; } = [];
    public EventScope Scope { get; init; } = EventScope.All;
}

/// <summary>
/// The fixed part of an events list that the user's filters narrow: all events, those of hosts, of network flows,
/// of users, or of one host or user (the Hosts, Network and Users pages).
/// </summary>
public sealed record EventScope
{
    public static readonly EventScope All = new();
    public static readonly EventScope OfHosts = new() { WithHost = true };
    public static readonly EventScope OfNetwork = new() { WithIp = true };
    public static readonly EventScope OfUsers = new() { WithUser = true };

    public bool WithHost { get; init; }

    /// <summary>Events with a source or a destination IP.</summary>
    public bool WithIp { get; init; }
    public bool WithUser { get; init; }
    public string? HostName { get; init; }
    public string? UserName { get; init; }
}

public sealed record IndicatorQuery : IEvidenceFilter
{
    public EvidenceKind Kind => EvidenceKind.Indicators;
    public EvidenceQuery Common { get; init; } = new();
    public IReadOnlyList<string> Types { get; init; } = [];
    public IReadOnlyList<string> Providers { get; init; } = [];
}

/// <summary>A page of records; with <paramref name="TotalIsLowerBound"/>, at least <paramref name="Total"/> match (a free-text search stops counting there).</summary>
public sealed record EvidencePage<T>(IReadOnlyList<T> Items, int Page, int PerPage, int Total, bool TotalIsLowerBound = false)
{
    public string TotalText => TotalIsLowerBound ? $"{Total:N0}+" : Total.ToString("N0");
}
