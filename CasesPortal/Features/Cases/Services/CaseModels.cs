using CasesPortal.Features.Cases.Model;

namespace CasesPortal.Features.Cases.Services;

/// <summary>A person as cases show them.</summary>
public sealed record PersonRef(string UserId, string Email, string DisplayName);

/// <summary>A case as pages and the API read it.</summary>
public sealed record CaseView(
    string Id,
    long Number,
    string Title,
    string Description,
    CaseStatus Status,
    CaseSeverity Severity,
    IReadOnlyList<string> Tags,
    IReadOnlyList<PersonRef> Assignees,
    string? Category,
    bool SyncAlerts,
    string Owner,
    CloseReason? CloseReason,
    string? CloseReasonNote,
    CaseLink? DuplicateOf,
    DateTimeOffset CreatedAt,
    PersonRef CreatedBy,
    DateTimeOffset? UpdatedAt,
    PersonRef? UpdatedBy,
    DateTimeOffset? ClosedAt,
    PersonRef? ClosedBy,
    long? DurationSeconds,
    int CommentCount,
    int TotalAlerts,
    int TotalEvents,
    int TotalIndicators,
    string Version)
{
    /// <summary>Kibana's <c>settings.extractObservables</c>.</summary>
    public bool ExtractObservables { get; init; } = true;
    public IReadOnlyList<Observables.ObservableSummary> Observables { get; init; } = [];
    /// <summary>When the case first went in progress, for its SLA state.</summary>
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>Kibana's <c>connector</c>: the external connector chosen for the case, if any.</summary>
    public Connectors.Push.CaseConnectorView? Connector { get; init; }

    /// <summary>Kibana's <c>external_service</c>: the incident of the latest push, if any.</summary>
    public Connectors.Model.ExternalIncident? ExternalService { get; init; }
    public PersonRef? ExternalServicePushedBy { get; init; }
}

/// <summary>A reference to another case (e.g. the one a duplicate points to).</summary>
public sealed record CaseLink(string Id, long Number, string Title);

/// <summary>A new case. Unset severity is low; sync alerts is on unless turned off.</summary>
public sealed record NewCase(
    string? Title,
    string? Description = "",
    IReadOnlyList<string>? Tags = null,
    CaseSeverity Severity = CaseSeverity.Low,
    string? Category = null,
    IReadOnlyList<string>? AssigneeIds = null,
    bool SyncAlerts = true,
    string? Owner = null,
    bool ExtractObservables = true);

/// <summary>A field given in an update (present, possibly null), as opposed to a field left out.</summary>
public readonly record struct Given<T>(T Value);

/// <summary>Changes to one case; fields left null are not touched. Carries the version the user saw.</summary>
public sealed record CaseChanges(string Id, string? Version)
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public CaseStatus? Status { get; init; }
    public CaseSeverity? Severity { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public IReadOnlyList<string>? AssigneeIds { get; init; }
    public Given<string?>? Category { get; init; }
    public bool? SyncAlerts { get; init; }
    public bool? ExtractObservables { get; init; }
    public CloseReason? CloseReason { get; init; }
    public string? CloseReasonNote { get; init; }
    public string? DuplicateOfId { get; init; }

    /// <summary>The UI asks for a close reason; the API (as Kibana's) does not.</summary>
    public bool RequireCloseReason { get; init; }
}
