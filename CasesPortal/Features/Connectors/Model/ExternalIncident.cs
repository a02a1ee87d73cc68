namespace CasesPortal.Features.Connectors.Model;

/// <summary>The incident a case was pushed to on one connector: created once, updated by every later push.</summary>
public sealed class ExternalIncident
{
    public string CaseId { get; set; } = "";
    public string ConnectorId { get; set; } = "";

    /// <summary>Kept so the case still names the system after the connector is deleted.</summary>
    public string ConnectorName { get; set; } = "";
    public string ExternalId { get; set; } = "";
    public string ExternalTitle { get; set; } = "";
    public string ExternalUrl { get; set; } = "";

    /// <summary>Null until the first push completed (the incident may exist before its comments are sent).</summary>
    public DateTimeOffset? PushedAt { get; set; }
    public string? PushedById { get; set; }

    /// <summary>How many attached alerts the external incident has been told about.</summary>
    public int AlertsPushed { get; set; }
}

/// <summary>A comment already sent to an external incident, at the version sent: an edit sends it again, nothing else does.</summary>
public sealed class ExternalCommentPush
{
    public string CaseId { get; set; } = "";
    public string ConnectorId { get; set; } = "";
    public string CommentId { get; set; } = "";
    public int Version { get; set; }
}
