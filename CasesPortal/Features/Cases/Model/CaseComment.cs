namespace CasesPortal.Features.Cases.Model;

/// <summary>A Markdown comment on a case. A deleted comment keeps its row as a tombstone for the history.</summary>
public sealed class CaseComment
{
    public const int BodyMaxLength = 30_000;

    public string Id { get; set; } = Guid.NewGuid().ToString();
    public string CaseId { get; set; } = "";
    public string Body { get; set; } = "";
    public string Owner { get; set; } = Case.DefaultOwner;
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedById { get; set; } = "";
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }
    public int Version { get; set; } = 1;
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedById { get; set; }
}
