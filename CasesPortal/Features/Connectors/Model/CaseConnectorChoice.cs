namespace CasesPortal.Features.Connectors.Model;

/// <summary>Kibana's <c>case.connector</c>: the connector chosen for a case and its fields (issue type, priority...).</summary>
public sealed class CaseConnectorChoice
{
    public const int FieldsMaxLength = 4_000;

    public string CaseId { get; set; } = "";
    public string ConnectorId { get; set; } = "";

    /// <summary>The fields as a JSON object, e.g. <c>{"issueType":"10001","priority":"High","parent":null}</c>.</summary>
    public string? FieldsJson { get; set; }
}
