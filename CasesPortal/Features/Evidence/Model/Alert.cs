namespace CasesPortal.Features.Evidence.Model;

/// <summary>A detection alert as Elastic Security stores it: ECS fields plus <c>kibana.alert.*</c>.</summary>
public sealed class Alert : EcsRecord
{
    public string? RuleName { get; set; }
    public string? RuleUuid { get; set; }

    /// <summary><c>kibana.alert.severity</c>: low, medium, high or critical.</summary>
    public string? Severity { get; set; }
    public double? RiskScore { get; set; }

    /// <summary><c>kibana.alert.workflow_status</c>: open, acknowledged or closed.</summary>
    public string? WorkflowStatus { get; set; }
    public string? Reason { get; set; }

    /// <summary><c>kibana.alert.rule.threat</c> (MITRE ATT&amp;CK tactics and techniques) as compact JSON, or null.</summary>
    public string? Threat { get; set; }
}
