namespace CasesPortal.Features.Metrics;

/// <summary>The figures of one case's summary bar; each part is null when it was not asked for.</summary>
public sealed record CaseMetrics(int? AlertCount, EntityFigures? Users, EntityFigures? Hosts, int? Connectors, CaseLifespan? Lifespan);

/// <summary>How many distinct users or hosts the attached alerts name, and the busiest of them.</summary>
public sealed record EntityFigures(int Total, IReadOnlyList<EntityCount> Top);

/// <summary>A user (Id null) or a host (Id = host.id, or null when the alerts only name it) with its number of alerts.</summary>
public sealed record EntityCount(string Name, string? Id, int Count);

/// <summary>
/// A case's time line. <see cref="OpenDuration"/> counts every moment the case was not closed (up to now while it is
/// open); <see cref="InProgressDuration"/> every stay in progress; reopens are the moments it left the closed status.
/// </summary>
public sealed record CaseLifespan(DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, TimeSpan OpenDuration, TimeSpan InProgressDuration,
    bool EverInProgress, IReadOnlyList<DateTimeOffset> ReopenDates, bool IsCurrentlyOpen);

/// <summary>What a metrics request may ask for, by Kibana's feature names.</summary>
public static class CaseMetricFeatures
{
    public const string AlertsCount = "alerts.count";
    public const string AlertsUsers = "alerts.users";
    public const string AlertsHosts = "alerts.hosts";
    public const string Connectors = "connectors";
    public const string Lifespan = "lifespan";
    public const string Mttr = "mttr";
    public const string Status = "status";

    public static readonly IReadOnlySet<string> OfOneCase = new HashSet<string> { AlertsCount, AlertsUsers, AlertsHosts, Connectors, Lifespan };
    public static readonly IReadOnlySet<string> OfAllCases = new HashSet<string> { Mttr, Status };
}

/// <summary>Figures over every live case created in a period (Kibana's <c>from</c>/<c>to</c> filter on creation).</summary>
public sealed record AllCasesMetrics(double? MttrSeconds, StatusCounts? Status);

public sealed record StatusCounts(int Open, int InProgress, int Closed);
