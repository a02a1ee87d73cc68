namespace CasesPortal.Features.Connectors.Model;

/// <summary>Kibana's cases configuration: the default connector for new cases and the closure option. One row.</summary>
public sealed class CasesConfiguration
{
    public string Id { get; set; } = Guid.NewGuid().ToString();
    public string? ConnectorId { get; set; }

    /// <summary>The default connector's fields as a JSON object, or null.</summary>
    public string? ConnectorFieldsJson { get; set; }
    public ClosureType ClosureType { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedById { get; set; } = "";
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }
    public int Version { get; set; } = 1;
}

public enum ClosureType { CloseByUser = 0, CloseByPushing = 1 }
