using CasesPortal.Features.Cases.Model;

namespace CasesPortal.Features.Metrics.Dashboard;

/// <summary>The dashboard's period [From, To) and filters (any of the listed values; empty = all).</summary>
public sealed record DashboardQuery(DateTimeOffset From, DateTimeOffset To)
{
    public IReadOnlyList<CaseSeverity> Severities { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> AssigneeIds { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Whether the figures are limited to some of the live cases; otherwise they cover them all.</summary>
    public bool Filtered => Severities.Count + Tags.Count + AssigneeIds.Count + Categories.Count > 0;

    /// <summary>The period of the same length just before this one, for the comparisons.</summary>
    public DashboardQuery Previous => this with { From = From - (To - From), To = From };
}

/// <summary>The headline figures of one period; durations in seconds, null when nothing was there to average.</summary>
public sealed record PeriodFigures(
    int OpenAtEnd,
    int InProgressAtEnd,
    int Opened,
    int Closed,
    double? MttaSeconds,
    int Acknowledged,
    int ClosedWithoutAcknowledging,
    double? MttrSeconds,
    double? MeanInProgressSeconds,
    double? BacklogMedianAgeSeconds);

/// <summary>One point of a chart: its label, its value and the case list filter behind it.</summary>
public sealed record ChartPoint(string Label, double Value, string? DrillDown = null);

/// <summary>Opened and closed cases per day (periods up to 62 days) or per week, and the weekly MTTR.</summary>
public sealed record Trend(IReadOnlyList<string> Labels, IReadOnlyList<int> Opened, IReadOnlyList<int> Closed,
    IReadOnlyList<double?> MttrSeconds, IReadOnlyList<DateTimeOffset> Starts, TimeSpan Bucket);

public sealed record OldCase(long Number, string Title, CaseStatus Status, CaseSeverity Severity, DateTimeOffset CreatedAt);

/// <summary>How the cases holding a detection rule's alerts were closed: the false-positive rate leads tune noisy rules with.</summary>
public sealed record RuleQuality(string Rule, int Cases, int Closed, int TruePositive, int FalsePositive, int Benign, int Other)
{
    /// <summary>False positives over closed cases; null while none is closed.</summary>
    public double? FalsePositiveRate => Closed == 0 ? null : (double)FalsePositive / Closed;
}

public sealed record DashboardFigures(
    PeriodFigures Current,
    PeriodFigures Previous,
    Trend Trend,
    IReadOnlyList<ChartPoint> OpenBySeverity,
    IReadOnlyList<ChartPoint> Workload,
    IReadOnlyList<ChartPoint> TopTags,
    IReadOnlyList<ChartPoint> CloseReasons,
    IReadOnlyList<OldCase> OldestOpen,
    IReadOnlyList<RuleQuality> Rules,
    int SlaAtRisk = 0,
    int SlaBreached = 0);
