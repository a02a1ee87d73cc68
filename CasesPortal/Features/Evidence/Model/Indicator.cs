namespace CasesPortal.Features.Evidence.Model;

/// <summary>A threat indicator (an IP, a hash, a URL...), from STIX 2.1 or ECS <c>threat.indicator.*</c>.</summary>
public sealed class Indicator
{
    public const int IdMaxLength = 512;
    public const int ValueMaxLength = 2048;

    /// <summary>The STIX id, or <c>type:value</c> for ECS indicators.</summary>
    public string Id { get; set; } = "";

    /// <summary>ECS <c>threat.indicator.type</c> (the STIX observable names): ipv4-addr, file, url, domain-name, email-addr...</summary>
    public string Type { get; set; } = "";
    public string Value { get; set; } = "";
    public string? Provider { get; set; }

    /// <summary>ECS confidence: None, Low, Medium, High or Not Specified (STIX 0–100 is mapped onto it).</summary>
    public string? Confidence { get; set; }
    public DateTimeOffset? FirstSeen { get; set; }
    public DateTimeOffset? LastSeen { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public string Document { get; set; } = "{}";
    public DateTimeOffset IngestedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Revision { get; set; }
}
