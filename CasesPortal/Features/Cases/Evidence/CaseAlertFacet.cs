namespace CasesPortal.Features.Cases.Evidence;

/// <summary>What one <see cref="CaseAlertFacet"/> row counts.</summary>
public enum AlertFacetKind
{
    /// <summary>Every alert of the case (one row, empty key).</summary>
    All = 0,

    /// <summary>Alerts by <c>user.name</c>.</summary>
    User = 1,

    /// <summary>Alerts by host: <c>host.id</c>, else <c>name:</c> + <c>host.name</c>; one row per name the host was seen with.</summary>
    Host = 2,

    /// <summary>Alerts by <c>kibana.alert.rule.name</c>.</summary>
    Rule = 3,
}

/// <summary>
/// How many of a case's alerts share one user, host or rule, kept up to date whenever alerts are attached, removed or
/// sent again. The summary bar, the case list and the dashboard read these few rows instead of every attached alert:
/// a case with 100,000 alerts from 3,000 hosts has 3,000 host rows, read in a few milliseconds.
/// </summary>
public sealed class CaseAlertFacet
{
    public string CaseId { get; set; } = "";
    public AlertFacetKind Kind { get; set; }
    public string Key { get; set; } = "";

    /// <summary>For hosts, the <c>host.name</c> these alerts carry ("" when none); "" for the other kinds.</summary>
    public string Name { get; set; } = "";

    public int Alerts { get; set; }

    /// <summary>The newest <c>@timestamp</c> among these alerts: a host is shown by the name on its newest alert.</summary>
    public DateTimeOffset? NewestAt { get; set; }

    // The case's own figures, copied onto its rule rows by database triggers (see CaseMirror) so the dashboard's
    // per-rule table reads one index range instead of probing a year of cases. Null on the other kinds.
    public DateTimeOffset? CaseCreatedAt { get; set; }
    public DateTimeOffset? CaseDeletedAt { get; set; }
    public Model.CaseStatus? CaseStatus { get; set; }
    public Model.CloseReason? CaseCloseReason { get; set; }
}
