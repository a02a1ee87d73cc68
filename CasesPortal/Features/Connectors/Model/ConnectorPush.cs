namespace CasesPortal.Features.Connectors.Model;

/// <summary>
/// The push outbox: a push is written here before anything is sent and completed after. The background worker
/// resumes pending pushes after an outage or a crash.
/// </summary>
public sealed class ConnectorPush
{
    public const int ErrorMaxLength = 2_000;

    public long Id { get; set; }
    public string CaseId { get; set; } = "";
    public string ConnectorId { get; set; } = "";
    public string RequestedById { get; set; } = "";
    public PushState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>While set and in the future, one worker owns the push; an expired lease means its owner crashed.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>Set just before a create is sent and cleared when its outcome is known: a set value means "look it up first".</summary>
    public DateTimeOffset? CreateSentAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? LastError { get; set; }
}

public enum PushState
{
    Pending = 0,
    Succeeded = 1,
    Failed = 2,

    /// <summary>A create was sent, its answer never came, and the system offers no lookup: a person must confirm or retry.</summary>
    OutcomeUnknown = 3,
}
