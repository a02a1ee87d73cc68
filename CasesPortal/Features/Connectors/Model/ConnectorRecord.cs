namespace CasesPortal.Features.Connectors.Model;

/// <summary>A configured external system cases are pushed to. Secrets are kept only in their protected form.</summary>
public sealed class ConnectorRecord
{
    public const int NameMaxLength = 100;
    public const int ConfigMaxLength = 60_000;

    public string Id { get; set; } = Guid.NewGuid().ToString();
    public string Name { get; set; } = "";

    /// <summary>Kibana's <c>connector_type_id</c>: .jira, .servicenow, .servicenow-sir, .resilient or .cases-webhook.</summary>
    public string TypeId { get; set; } = "";

    /// <summary>The non-secret settings as a JSON object (Kibana's <c>config</c>).</summary>
    public string ConfigJson { get; set; } = "{}";

    /// <summary>The secrets JSON object, encrypted with ASP.NET Core Data Protection.</summary>
    public string ProtectedSecrets { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
