using CasesPortal.Features.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CasesPortal.Features.Connectors.Model;

internal sealed class ConnectorRecordConfiguration : IEntityTypeConfiguration<ConnectorRecord>
{
    public void Configure(EntityTypeBuilder<ConnectorRecord> c)
    {
        c.ToTable("Connectors");
        c.HasKey(x => x.Id);
        c.Property(x => x.Id).HasMaxLength(36);
        c.Property(x => x.Name).HasMaxLength(ConnectorRecord.NameMaxLength);
        c.Property(x => x.TypeId).HasMaxLength(32);
        c.Property(x => x.ConfigJson).HasMaxLength(ConnectorRecord.ConfigMaxLength);
        c.HasIndex(x => x.Name);
    }
}

internal sealed class ExternalIncidentConfiguration : IEntityTypeConfiguration<ExternalIncident>
{
    public void Configure(EntityTypeBuilder<ExternalIncident> e)
    {
        e.ToTable("ExternalIncidents");
        e.HasKey(x => new { x.CaseId, x.ConnectorId });
        e.Property(x => x.ConnectorId).HasMaxLength(36);
        e.Property(x => x.ConnectorName).HasMaxLength(ConnectorRecord.NameMaxLength);
        e.Property(x => x.ExternalId).HasMaxLength(256);
        e.Property(x => x.ExternalTitle).HasMaxLength(512);
        e.Property(x => x.ExternalUrl).HasMaxLength(2048);
        // A deleted connector leaves its incidents on the case, so no foreign key to it.
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExternalCommentPushConfiguration : IEntityTypeConfiguration<ExternalCommentPush>
{
    public void Configure(EntityTypeBuilder<ExternalCommentPush> p)
    {
        p.ToTable("ExternalCommentPushes");
        p.HasKey(x => new { x.CaseId, x.ConnectorId, x.CommentId });
        p.Property(x => x.ConnectorId).HasMaxLength(36);
        p.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConnectorPushConfiguration : IEntityTypeConfiguration<ConnectorPush>
{
    public void Configure(EntityTypeBuilder<ConnectorPush> p)
    {
        p.ToTable("ConnectorPushes");
        p.HasKey(x => x.Id);
        p.Property(x => x.ConnectorId).HasMaxLength(36);
        p.Property(x => x.LastError).HasMaxLength(ConnectorPush.ErrorMaxLength);
        p.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        // The worker's question: which pending pushes are due.
        p.HasIndex(x => new { x.State, x.NextAttemptAt });
        p.HasIndex(x => new { x.CaseId, x.ConnectorId, x.State });
    }
}

internal sealed class CaseConnectorChoiceConfiguration : IEntityTypeConfiguration<CaseConnectorChoice>
{
    public void Configure(EntityTypeBuilder<CaseConnectorChoice> c)
    {
        c.ToTable("CaseConnectors");
        c.HasKey(x => x.CaseId);
        c.Property(x => x.ConnectorId).HasMaxLength(36);
        c.Property(x => x.FieldsJson).HasMaxLength(CaseConnectorChoice.FieldsMaxLength);
        c.HasOne<Case>().WithOne().HasForeignKey<CaseConnectorChoice>(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CasesConfigurationConfiguration : IEntityTypeConfiguration<CasesConfiguration>
{
    public void Configure(EntityTypeBuilder<CasesConfiguration> c)
    {
        c.ToTable("CasesConfigurations");
        c.HasKey(x => x.Id);
        c.Property(x => x.Id).HasMaxLength(36);
        c.Property(x => x.ConnectorId).HasMaxLength(36);
        c.Property(x => x.ConnectorFieldsJson).HasMaxLength(CaseConnectorChoice.FieldsMaxLength);
        c.Property(x => x.Version).IsConcurrencyToken();
    }
}
