using CasesPortal.Features.Accounts;
using CasesPortal.Features.Accounts.ApiKeys;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Files;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Evidence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CasesPortal.Data;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> c)
    {
        c.HasKey(x => x.Id);
        c.Property(x => x.Id).HasMaxLength(36);
        c.HasIndex(x => x.Number).IsUnique();
        c.Property(x => x.Title).HasMaxLength(Case.TitleMaxLength);
        c.Property(x => x.Description).HasMaxLength(Case.DescriptionMaxLength);
        c.Property(x => x.Category).HasMaxLength(Case.CategoryMaxLength);
        c.Property(x => x.Owner).HasMaxLength(64);
        c.Property(x => x.CloseReasonNote).HasMaxLength(Case.CloseNoteMaxLength);
        c.Property(x => x.Version).IsConcurrencyToken();
        c.HasMany(x => x.Tags).WithOne().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Assignees).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        // The list's common shapes: live cases by status and by recency.
        c.HasIndex(x => new { x.DeletedAt, x.Status, x.CreatedAt });
        c.HasIndex(x => new { x.DeletedAt, x.UpdatedAt });
        // The dashboard's period figures, trend and per-tag and per-rule tables read the cases created in a period from this
        // index alone: every column they use is in it, so a year of cases is one range of narrow entries, not a row each.
        c.HasIndex(x => new
        {
            x.DeletedAt, x.CreatedAt, x.Status, x.Severity, x.CloseReason, x.AcknowledgedAt, x.ClosedAt,
            x.TimeToAcknowledgeSeconds, x.DurationSeconds, x.InProgressSeconds, x.Id,
        }, "IX_Cases_Dashboard");
        // The dashboard's acknowledgement and close figures, close reasons and closed trend: the cases acknowledged or closed
        // in a period, each one range of an index holding every column those figures use.
        c.HasIndex(x => new { x.DeletedAt, x.AcknowledgedAt, x.TimeToAcknowledgeSeconds }, "IX_Cases_Acknowledged");
        c.HasIndex(x => new { x.DeletedAt, x.Status, x.ClosedAt, x.CloseReason, x.AcknowledgedAt, x.DurationSeconds, x.InProgressSeconds },
            "IX_Cases_Closed");
        c.HasIndex(x => x.Category);
        c.HasIndex(x => x.CreatedById);
        // SQLite's RETURNING cannot be used on a table with AFTER triggers (CaseMirror's), so EF saves cases the older way.
        c.ToTable(table => table.UseSqlReturningClause(false));
        // The case page lists the cases closed as duplicates of it; without this it reads every case.
        c.HasIndex(x => x.DuplicateOfId);
    }
}

internal sealed class CaseStatusPeriodConfiguration : IEntityTypeConfiguration<CaseStatusPeriod>
{
    public void Configure(EntityTypeBuilder<CaseStatusPeriod> p)
    {
        p.HasKey(x => x.Id);
        p.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        p.HasIndex(x => new { x.CaseId, x.StartedAt });
        // Time to acknowledge over many cases: the first in-progress stay of each.
        p.HasIndex(x => new { x.Status, x.CaseId, x.StartedAt });
        // The dashboard's backlog: the open and in-progress stays still running at a given time, without reading the table.
        p.HasIndex(x => new { x.Status, x.EndedAt, x.StartedAt, x.CaseId });
    }
}

internal sealed class SlaTargetConfiguration : IEntityTypeConfiguration<Features.Metrics.Sla.SlaTarget>
{
    public void Configure(EntityTypeBuilder<Features.Metrics.Sla.SlaTarget> t) => t.HasKey(x => x.Severity);
}

internal sealed class CaseTagConfiguration : IEntityTypeConfiguration<CaseTag>
{
    public void Configure(EntityTypeBuilder<CaseTag> t)
    {
        t.HasKey(x => new { x.CaseId, x.NormalizedTag });
        t.Property(x => x.Tag).HasMaxLength(Case.TagMaxLength);
        t.Property(x => x.NormalizedTag).HasMaxLength(Case.TagMaxLength);
        t.HasIndex(x => x.NormalizedTag);
        // The dashboard's top tags of a period's live cases, from this index alone.
        t.HasIndex(x => new { x.CaseDeletedAt, x.CaseCreatedAt, x.NormalizedTag, x.Tag }, "IX_CaseTags_Dashboard");
        t.ToTable(table => table.UseSqlReturningClause(false)); // CaseMirror's insert trigger
    }
}

internal sealed class CaseAssigneeConfiguration : IEntityTypeConfiguration<CaseAssignee>
{
    public void Configure(EntityTypeBuilder<CaseAssignee> a)
    {
        a.HasKey(x => new { x.CaseId, x.UserId });
        a.HasIndex(x => x.UserId);
        a.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseCommentConfiguration : IEntityTypeConfiguration<CaseComment>
{
    public void Configure(EntityTypeBuilder<CaseComment> c)
    {
        c.HasKey(x => x.Id);
        c.Property(x => x.Id).HasMaxLength(36);
        c.Property(x => x.Body).HasMaxLength(CaseComment.BodyMaxLength);
        c.Property(x => x.Owner).HasMaxLength(64);
        c.Property(x => x.Version).IsConcurrencyToken();
        c.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        c.HasIndex(x => new { x.CaseId, x.CreatedAt });
    }
}

internal sealed class CaseUserActionConfiguration : IEntityTypeConfiguration<CaseUserAction>
{
    public void Configure(EntityTypeBuilder<CaseUserAction> u)
    {
        u.HasKey(x => x.Sequence);
        u.Property(x => x.Sequence).ValueGeneratedOnAdd();
        u.Property(x => x.Id).HasMaxLength(36);
        u.HasIndex(x => x.Id).IsUnique();
        u.Property(x => x.Type).HasMaxLength(32);
        u.Property(x => x.Action).HasMaxLength(16);
        u.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        u.HasIndex(x => new { x.CaseId, x.Sequence });
        u.HasIndex(x => new { x.Type, x.CreatedAt });
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> k)
    {
        k.HasKey(x => x.Id);
        k.Property(x => x.Id).HasMaxLength(32);
        k.Property(x => x.Name).HasMaxLength(ApiKey.NameMaxLength);
        k.Property(x => x.SecretHash).HasMaxLength(64);
        k.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        k.HasIndex(x => x.UserId);
    }
}

internal sealed class CaseFileConfiguration : IEntityTypeConfiguration<CaseFile>
{
    public void Configure(EntityTypeBuilder<CaseFile> f)
    {
        f.HasKey(x => x.Id);
        f.Property(x => x.Id).HasMaxLength(36);
        f.Property(x => x.FileName).HasMaxLength(CaseFile.NameMaxLength);
        f.Property(x => x.ContentType).HasMaxLength(CaseFile.ContentTypeMaxLength);
        f.Property(x => x.Sha256).HasMaxLength(64);
        f.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        f.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.UploadedById).OnDelete(DeleteBehavior.Restrict);
        f.HasIndex(x => new { x.CaseId, x.DeletedAt, x.UploadedAt });
        f.HasIndex(x => x.Sha256);
        f.HasIndex(x => x.UploadedById);
    }
}

internal sealed class CaseAlertConfiguration : IEntityTypeConfiguration<CaseAlert>
{
    public void Configure(EntityTypeBuilder<CaseAlert> a)
    {
        a.ToTable("CaseAlerts");
        a.HasKey(x => new { x.CaseId, x.AlertId });
        a.Property(x => x.AlertId).HasMaxLength(EcsRecord.IdMaxLength);
        a.Property(x => x.Index).HasMaxLength(CaseAlert.IndexMaxLength);
        a.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne<Alert>().WithMany().HasForeignKey(x => x.AlertId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.AttachedById).OnDelete(DeleteBehavior.Restrict);
        // The key serves case → alerts; this one serves alert → cases.
        a.HasIndex(x => new { x.AlertId, x.CaseId });
        a.HasIndex(x => x.AttachedById);
    }
}

internal sealed class CaseAlertFacetConfiguration : IEntityTypeConfiguration<CaseAlertFacet>
{
    public void Configure(EntityTypeBuilder<CaseAlertFacet> f)
    {
        f.ToTable("CaseAlertFacets", table => table.UseSqlReturningClause(false)); // CaseMirror's insert trigger
        f.HasKey(x => new { x.CaseId, x.Kind, x.Key, x.Name });
        f.Property(x => x.Key).HasMaxLength(EcsRecord.KeywordMaxLength + 5);
        f.Property(x => x.Name).HasMaxLength(EcsRecord.KeywordMaxLength);
        f.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        // Similar cases: the other cases whose alerts carry one of this case's users or host names. The value leads:
        // led by the kind, SQLite's planner would walk every rule row of the dashboard's period through it.
        f.HasIndex(x => new { x.Key, x.Kind });
        f.HasIndex(x => new { x.Name, x.Kind });
        // The summary bar: a case's busiest users are the first entries here, and its hosts are summed from here alone.
        // Without it PostgreSQL reads a row from the table for each of the big case's 18,000 users (a row per page, as
        // rows are written while alerts are attached), 140 ms, where the first ten entries take under 1 ms.
        f.HasIndex(x => new { x.CaseId, x.Kind, x.Alerts, x.Key }, "IX_CaseAlertFacets_Busiest").IsDescending(false, false, true, false);
        // The dashboard's per-rule table: the rule rows of a period's live cases with their status, from this index alone.
        // Led by the rule so the rows come grouped; only rule rows carry the case's figures.
        f.HasIndex(x => new { x.Kind, x.CaseDeletedAt, x.Key, x.CaseCreatedAt, x.CaseStatus, x.CaseCloseReason }, "IX_CaseAlertFacets_Dashboard")
            .HasFilter($"\"Kind\" = {(int)AlertFacetKind.Rule}");
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> e)
    {
        e.ToTable("CaseEvents");
        e.HasKey(x => new { x.CaseId, x.EventId });
        e.Property(x => x.EventId).HasMaxLength(EcsRecord.IdMaxLength);
        e.Property(x => x.Index).HasMaxLength(CaseAlert.IndexMaxLength);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<SecurityEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.AttachedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.EventId, x.CaseId });
        e.HasIndex(x => x.AttachedById);
    }
}

internal sealed class CaseIndicatorConfiguration : IEntityTypeConfiguration<CaseIndicator>
{
    public void Configure(EntityTypeBuilder<CaseIndicator> i)
    {
        i.ToTable("CaseIndicators");
        i.HasKey(x => new { x.CaseId, x.IndicatorId });
        i.Property(x => x.IndicatorId).HasMaxLength(Indicator.IdMaxLength);
        i.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        i.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        i.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.AttachedById).OnDelete(DeleteBehavior.Restrict);
        i.HasIndex(x => x.IndicatorId);
        i.HasIndex(x => x.AttachedById);
    }
}
