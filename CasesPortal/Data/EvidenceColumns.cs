using CasesPortal.Features.Evidence.Model;

namespace CasesPortal.Data;

public enum EvidenceColumnType { Text, Ticks, Real }

/// <summary>A stored column of an evidence row and how to read its value from the entity.</summary>
public sealed record EvidenceColumn<T>(string Name, Func<T, object?> Value, EvidenceColumnType Type);

/// <summary>The columns the bulk upserts write (all but <c>Revision</c>), shared by every engine's evidence store.</summary>
public static class EvidenceColumns
{
    public static readonly EvidenceColumn<EcsRecord>[] Ecs =
    [
        new(nameof(EcsRecord.Id), r => r.Id, EvidenceColumnType.Text),
        new(nameof(EcsRecord.Timestamp), r => Ticks(r.Timestamp), EvidenceColumnType.Ticks),
        new(nameof(EcsRecord.HostId), r => r.HostId, EvidenceColumnType.Text),
        new(nameof(EcsRecord.HostName), r => r.HostName, EvidenceColumnType.Text),
        new(nameof(EcsRecord.HostOsName), r => r.HostOsName, EvidenceColumnType.Text),
        new(nameof(EcsRecord.HostOsVersion), r => r.HostOsVersion, EvidenceColumnType.Text),
        new(nameof(EcsRecord.HostIp), r => r.HostIp, EvidenceColumnType.Text),
        new(nameof(EcsRecord.UserName), r => r.UserName, EvidenceColumnType.Text),
        new(nameof(EcsRecord.SourceIp), r => r.SourceIp, EvidenceColumnType.Text),
        new(nameof(EcsRecord.DestinationIp), r => r.DestinationIp, EvidenceColumnType.Text),
        new(nameof(EcsRecord.ProcessName), r => r.ProcessName, EvidenceColumnType.Text),
        new(nameof(EcsRecord.EventCategory), r => r.EventCategory, EvidenceColumnType.Text),
        new(nameof(EcsRecord.EventAction), r => r.EventAction, EvidenceColumnType.Text),
        new(nameof(EcsRecord.EventOutcome), r => r.EventOutcome, EvidenceColumnType.Text),
        new(nameof(EcsRecord.Message), r => r.Message, EvidenceColumnType.Text),
        new(nameof(EcsRecord.Document), r => r.Document, EvidenceColumnType.Text),
        new(nameof(EcsRecord.IngestedAt), r => r.IngestedAt.UtcTicks, EvidenceColumnType.Ticks),
        new(nameof(EcsRecord.UpdatedAt), r => r.UpdatedAt.UtcTicks, EvidenceColumnType.Ticks),
    ];

    public static readonly EvidenceColumn<Alert>[] Alerts =
    [
        .. Ecs.Select(c => new EvidenceColumn<Alert>(c.Name, a => c.Value(a), c.Type)),
        new(nameof(Alert.RuleName), a => a.RuleName, EvidenceColumnType.Text),
        new(nameof(Alert.RuleUuid), a => a.RuleUuid, EvidenceColumnType.Text),
        new(nameof(Alert.Severity), a => a.Severity, EvidenceColumnType.Text),
        new(nameof(Alert.RiskScore), a => a.RiskScore, EvidenceColumnType.Real),
        new(nameof(Alert.WorkflowStatus), a => a.WorkflowStatus, EvidenceColumnType.Text),
        new(nameof(Alert.Reason), a => a.Reason, EvidenceColumnType.Text),
        new(nameof(Alert.Threat), a => a.Threat, EvidenceColumnType.Text),
    ];

    public static readonly EvidenceColumn<SecurityEvent>[] Events =
        [.. Ecs.Select(c => new EvidenceColumn<SecurityEvent>(c.Name, e => c.Value(e), c.Type))];

    public static readonly EvidenceColumn<Indicator>[] Indicators =
    [
        new(nameof(Indicator.Id), i => i.Id, EvidenceColumnType.Text),
        new(nameof(Indicator.Type), i => i.Type, EvidenceColumnType.Text),
        new(nameof(Indicator.Value), i => i.Value, EvidenceColumnType.Text),
        new(nameof(Indicator.Provider), i => i.Provider, EvidenceColumnType.Text),
        new(nameof(Indicator.Confidence), i => i.Confidence, EvidenceColumnType.Text),
        new(nameof(Indicator.FirstSeen), i => Ticks(i.FirstSeen), EvidenceColumnType.Ticks),
        new(nameof(Indicator.LastSeen), i => Ticks(i.LastSeen), EvidenceColumnType.Ticks),
        new(nameof(Indicator.Timestamp), i => Ticks(i.Timestamp), EvidenceColumnType.Ticks),
        new(nameof(Indicator.Document), i => i.Document, EvidenceColumnType.Text),
        new(nameof(Indicator.IngestedAt), i => i.IngestedAt.UtcTicks, EvidenceColumnType.Ticks),
        new(nameof(Indicator.UpdatedAt), i => i.UpdatedAt.UtcTicks, EvidenceColumnType.Ticks),
    ];

    private static object? Ticks(DateTimeOffset? value) => value?.UtcTicks;
}
