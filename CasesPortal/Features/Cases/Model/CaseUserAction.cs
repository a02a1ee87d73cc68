namespace CasesPortal.Features.Cases.Model;

/// <summary>
/// One line of a case's history (Kibana's "user action"): what changed, from what to what, who and when.
/// Written in the same transaction as the change; status rows feed the duration metrics.
/// </summary>
public sealed class CaseUserAction
{
    public long Sequence { get; set; }
    public string Id { get; set; } = Guid.NewGuid().ToString();
    public string CaseId { get; set; } = "";

    /// <summary>Kibana's type: create_case, title, description, status, severity, tags, assignees, category, comment, settings, delete_case, close_reason.</summary>
    public string Type { get; set; } = "";

    /// <summary>create, update, add, delete.</summary>
    public string Action { get; set; } = "";

    /// <summary>JSON of the value before the change (null for create/add).</summary>
    public string? OldValue { get; set; }

    /// <summary>JSON payload as Kibana writes it, e.g. <c>{"status":"closed"}</c>.</summary>
    public string Payload { get; set; } = "{}";

    public string? CommentId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedById { get; set; } = "";
}
