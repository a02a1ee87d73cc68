namespace CasesPortal.Features.Evidence.Model;

/// <summary>
/// What alerts and events share: the original ECS document, kept whole, and the fields the UI filters and
/// aggregates on, copied into indexed columns at ingest.
/// </summary>
public abstract class EcsRecord
{
    public const int IdMaxLength = 512;
    public const int KeywordMaxLength = 1024;
    public const int TextMaxLength = 8192;

    public string Id { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public string? HostId { get; set; }
    public string? HostName { get; set; }

    /// <summary><c>host.os.name</c>, else <c>host.os.family</c>.</summary>
    public string? HostOsName { get; set; }
    public string? HostOsVersion { get; set; }

    /// <summary><c>host.ip</c>; an array in ECS, stored comma-separated.</summary>
    public string? HostIp { get; set; }
    public string? UserName { get; set; }
    public string? SourceIp { get; set; }
    public string? DestinationIp { get; set; }
    public string? ProcessName { get; set; }

    /// <summary><c>event.category</c>; an array in ECS, stored comma-separated.</summary>
    public string? EventCategory { get; set; }
    public string? EventAction { get; set; }
    public string? EventOutcome { get; set; }
    public string? Message { get; set; }

    /// <summary>The document as it was sent (UTF-8 JSON text).</summary>
    public string Document { get; set; } = "{}";

    public DateTimeOffset IngestedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>1 when first stored, +1 each time the same id is sent again.</summary>
    public int Revision { get; set; }
}
