using CasesPortal.Features.Evidence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CasesPortal.Data;

internal static class EcsRecordConfiguration
{
    /// <summary>The columns and indexes alerts and events share: newest first, by host, by user.</summary>
    public static void ConfigureEcs<T>(EntityTypeBuilder<T> e) where T : EcsRecord
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(EcsRecord.IdMaxLength);
        foreach (var keyword in new[] { nameof(EcsRecord.HostId), nameof(EcsRecord.HostName), nameof(EcsRecord.HostOsName), nameof(EcsRecord.HostOsVersion),
                     nameof(EcsRecord.HostIp), nameof(EcsRecord.UserName),
                     nameof(EcsRecord.SourceIp), nameof(EcsRecord.DestinationIp), nameof(EcsRecord.ProcessName), nameof(EcsRecord.EventCategory),
                     nameof(EcsRecord.EventAction), nameof(EcsRecord.EventOutcome) })
            e.Property(keyword).HasMaxLength(EcsRecord.KeywordMaxLength);
        e.Property(x => x.Message).HasMaxLength(EcsRecord.TextMaxLength);
        e.HasIndex(x => x.Timestamp).IsDescending();
        e.HasIndex(x => new { x.HostName, x.Timestamp }).IsDescending(false, true);
        // The Hosts, Network and Users pages group by these; the trailing columns make each index cover its grouping,
        // so the aggregation reads the index and never the documents.
        e.HasIndex(x => new { x.UserName, x.Timestamp, x.HostName, x.EventCategory, x.EventOutcome }).IsDescending(false, true, false, false, false);
        e.HasIndex(x => new { x.HostId, x.Timestamp, x.HostName }).IsDescending(false, true, false);
    }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> a)
    {
        a.ToTable("Alerts");
        EcsRecordConfiguration.ConfigureEcs(a);
        a.Property(x => x.RuleName).HasMaxLength(EcsRecord.KeywordMaxLength);
        a.Property(x => x.RuleUuid).HasMaxLength(EcsRecord.KeywordMaxLength);
        a.Property(x => x.Severity).HasMaxLength(32);
        a.Property(x => x.WorkflowStatus).HasMaxLength(32);
        a.Property(x => x.Reason).HasMaxLength(EcsRecord.TextMaxLength);
        // Every index costs each ingested alert a B-tree insert, so alerts carry only those a page or filter reads.
        a.HasIndex(x => new { x.RuleName, x.Timestamp }).IsDescending(false, true);
        a.HasIndex(x => new { x.WorkflowStatus, x.Timestamp }).IsDescending(false, true);
        a.HasIndex(x => new { x.Severity, x.Timestamp }).IsDescending(false, true);
    }
}

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> e)
    {
        e.ToTable("SecurityEvents");
        EcsRecordConfiguration.ConfigureEcs(e);
        // The Network page groups events (not alerts) by these.
        e.HasIndex(x => new { x.SourceIp, x.Timestamp, x.DestinationIp }).IsDescending(false, true, false);
        e.HasIndex(x => new { x.DestinationIp, x.Timestamp, x.SourceIp }).IsDescending(false, true, false);
        e.HasIndex(x => new { x.EventCategory, x.Timestamp }).IsDescending(false, true);
        e.HasIndex(x => x.EventAction);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> i)
    {
        i.ToTable("Indicators");
        i.HasKey(x => x.Id);
        i.Property(x => x.Id).HasMaxLength(Indicator.IdMaxLength);
        i.Property(x => x.Type).HasMaxLength(64);
        i.Property(x => x.Value).HasMaxLength(Indicator.ValueMaxLength);
        i.Property(x => x.Provider).HasMaxLength(EcsRecord.KeywordMaxLength);
        i.Property(x => x.Confidence).HasMaxLength(32);
        // Matching an observable (an IP seen in an alert) against the indicators is a lookup by value.
        i.HasIndex(x => new { x.Value, x.Type });
        i.HasIndex(x => new { x.Type, x.LastSeen }).IsDescending(false, true);
        i.HasIndex(x => x.Provider);
    }
}
