using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Evidence.Explore;

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

/// <summary>An indicator of a case as the Attachments tab and the API show it.</summary>
public sealed record AttachedIndicatorView(string Id, string Type, string Value, string? Provider, string? Confidence, DateTimeOffset? LastSeen,
    DateTimeOffset AttachedAt, PersonRef AttachedBy);

/// <summary>How many alerts, events and indicators a case holds.</summary>
public sealed record EvidenceCounts(int Alerts, int Events, int Indicators)
{
    public static readonly EvidenceCounts None = new(0, 0, 0);
    public int Total => Alerts + Events + Indicators;
}

/// <summary>
/// What to attach: some records of one kind by id, or every record an explore filter matches (all pages), which the
/// database selects itself however many there are.
/// </summary>
public sealed record EvidenceSelection(CaseEvidenceKind Kind, IReadOnlyList<EvidenceRef> Refs, IEvidenceFilter? Filter)
{
    public static EvidenceSelection Of(CaseEvidenceKind kind, IReadOnlyList<string> ids) => new(kind, ids.Select(id => new EvidenceRef(id, null)).ToList(), null);

    public static EvidenceSelection Of(CaseEvidenceKind kind, IReadOnlyList<EvidenceRef> refs) => new(kind, refs, null);

    public static EvidenceSelection Matching(IEvidenceFilter filter) => new(CaseEvidenceKind.Of(filter.Kind), [], filter);
}

/// <summary>An alert or event id as a client names it, with the index it came from (Kibana's <c>index</c>).</summary>
public sealed record EvidenceRef(string Id, string? Index);

/// <summary>What "Add to case" did: how many records went to which case.</summary>
public sealed record AddedToCase(long CaseNumber, int Added);
