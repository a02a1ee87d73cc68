using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Features.Cases.Evidence;

/// <summary>An alert of a case as the Attachments tab and the API show it.</summary>
public sealed record AttachedAlertView(string Id, string? Index, DateTimeOffset? Timestamp, string? RuleName, string? Severity, string? HostName,
    string? UserName, string? WorkflowStatus, DateTimeOffset AttachedAt, PersonRef AttachedBy);

/// <summary>An event of a case, with its whole document for the expandable row.</summary>
public sealed record AttachedEventView(string Id, string? Index, DateTimeOffset? Timestamp, string? HostName, string? UserName, string? Action,
    string? Outcome, string? Message, string Document, DateTimeOffset AttachedAt, PersonRef AttachedBy);

public sealed record EvidencePage<T>(IReadOnlyList<T> Items, int Total);

/// <summary>A case holding a given alert, with Kibana's totals.</summary>
public sealed record CaseOfAlert(string Id, long Number, string Title, string Description, CaseStatus Status, DateTimeOffset CreatedAt,
    int TotalAlerts, int TotalComments);

/// <summary>How many alerts and events each case holds.</summary>
public sealed record EvidenceCounts(int Alerts, int Events);

/// <summary>An alert or event id as a client names it, with the index it came from (Kibana's <c>index</c>).</summary>
public sealed record EvidenceRef(string Id, string? Index);
