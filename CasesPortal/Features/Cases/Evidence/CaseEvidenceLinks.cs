namespace CasesPortal.Features.Cases.Evidence;

/// <summary>An alert attached to a case. An alert may sit in many cases and a case holds any number of alerts.</summary>
public sealed class CaseAlert
{
    public string CaseId { get; set; } = "";
    public const int IndexMaxLength = 255;

    public string AlertId { get; set; } = "";

    /// <summary>The index the client named when attaching (Kibana's <c>index</c>), kept to answer it back.</summary>
    public string? Index { get; set; }
    public DateTimeOffset AttachedAt { get; set; }
    public string AttachedById { get; set; } = "";
}

/// <summary>A raw event attached to a case.</summary>
public sealed class CaseEvent
{
    public string CaseId { get; set; } = "";
    public string EventId { get; set; } = "";
    public string? Index { get; set; }
    public DateTimeOffset AttachedAt { get; set; }
    public string AttachedById { get; set; } = "";
}

/// <summary>A threat indicator attached to a case (a portal extension beside Kibana's alert and event attachments).</summary>
public sealed class CaseIndicator
{
    public string CaseId { get; set; } = "";
    public string IndicatorId { get; set; } = "";
    public DateTimeOffset AttachedAt { get; set; }
    public string AttachedById { get; set; } = "";
}
