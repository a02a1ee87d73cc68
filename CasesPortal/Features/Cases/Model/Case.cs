namespace CasesPortal.Features.Cases.Model;

/// <summary>An incident case. <see cref="Version"/> is the optimistic concurrency token every save must carry.</summary>
public sealed class Case
{
    public const int TitleMaxLength = 160;
    public const int DescriptionMaxLength = 30_000;
    public const int CategoryMaxLength = 50;
    public const int MaxTags = 200;
    public const int TagMaxLength = 256;
    public const int MaxAssignees = 10;
    public const int CloseNoteMaxLength = 1_000;
    public const string DefaultOwner = "securitySolution";

    public string Id { get; set; } = Guid.NewGuid().ToString();
    public long Number { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public CaseStatus Status { get; set; }
    public CaseSeverity Severity { get; set; }
    public string? Category { get; set; }
    public string Owner { get; set; } = DefaultOwner;
    public bool SyncAlerts { get; set; } = true;

    /// <summary>Kibana's <c>settings.extractObservables</c>: attaching evidence adds the IPs, hosts, hashes... it holds as observables.</summary>
    public bool ExtractObservables { get; set; } = true;

    public CloseReason? CloseReason { get; set; }
    public string? CloseReasonNote { get; set; }
    public string? DuplicateOfId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedById { get; set; } = "";
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedById { get; set; }

    /// <summary>Whole seconds from creation to the latest close; null while not closed.</summary>
    public long? DurationSeconds { get; set; }

    /// <summary>When the case first went in progress (acknowledged); null if it never did.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>Whole seconds from creation to <see cref="AcknowledgedAt"/>, kept so time to acknowledge averages in SQL.</summary>
    public long? TimeToAcknowledgeSeconds { get; set; }

    /// <summary>Whole seconds spent in progress over the stays that ended; the current stay is added by whoever reads it.</summary>
    public long InProgressSeconds { get; set; }

    /// <summary>Kept up to date with the comments so the list sorts and shows it without counting.</summary>
    public int CommentCount { get; set; }

    public int Version { get; set; } = 1;

    /// <summary>Set when the case is in the Trash; purged 30 days later.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedById { get; set; }

    public List<CaseTag> Tags { get; set; } = [];
    public List<CaseAssignee> Assignees { get; set; } = [];
}

public sealed class CaseTag
{
    public string CaseId { get; set; } = "";
    public string Tag { get; set; } = "";
    /// <summary>Upper-case form: duplicates differing only in case are merged and filters match regardless of case.</summary>
    public string NormalizedTag { get; set; } = "";

    // The case's creation and trash times, copied by database triggers (see CaseMirror) for the dashboard's top tags.
    public DateTimeOffset? CaseCreatedAt { get; set; }
    public DateTimeOffset? CaseDeletedAt { get; set; }
}

public sealed class CaseAssignee
{
    public string CaseId { get; set; } = "";
    public string UserId { get; set; } = "";
}
