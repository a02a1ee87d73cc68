using CasesPortal.Features.Cases.Model;

namespace CasesPortal.Features.Cases.Services;

public enum CaseSortField { CreatedAt, UpdatedAt, ClosedAt, Title, Severity, Status, Number }

/// <summary>A filtered, sorted page of the case list. Empty lists mean "any".</summary>
public sealed record CaseQuery
{
    public const int MaxPerPage = 100;
    /// <summary>Assignee filter value for cases nobody is assigned to.</summary>
    public const string Unassigned = "none";

    public int Page { get; init; } = 1;
    public int PerPage { get; init; } = 25;
    public IReadOnlyList<CaseStatus> Statuses { get; init; } = [];
    public IReadOnlyList<CaseSeverity> Severities { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> AssigneeIds { get; init; } = [];
    public IReadOnlyList<string> ReporterIds { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<CloseReason> CloseReasons { get; init; } = [];
    public string? Search { get; init; }
    public DateTimeOffset? CreatedFrom { get; init; }
    public DateTimeOffset? CreatedTo { get; init; }
    public DateTimeOffset? ClosedFrom { get; init; }
    public DateTimeOffset? ClosedTo { get; init; }
    /// <summary>Unclosed cases at risk of or past their severity's SLA targets.</summary>
    public IReadOnlyList<Metrics.Sla.SlaState> SlaStates { get; init; } = [];
    public CaseSortField Sort { get; init; } = CaseSortField.CreatedAt;
    public bool Descending { get; init; } = true;
}

/// <summary>A page of cases with the header figures of the filtered set (status counts ignore the status filter, as Kibana's).</summary>
public sealed record CaseFindResult(
    IReadOnlyList<CaseView> Cases,
    int Page,
    int PerPage,
    int Total,
    int CountOpen,
    int CountInProgress,
    int CountClosed,
    double? AverageSecondsToClose);
