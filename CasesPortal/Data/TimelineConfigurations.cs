using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Timelines.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CasesPortal.Data;

internal sealed class TimelineConfiguration : IEntityTypeConfiguration<Timeline>
{
    public void Configure(EntityTypeBuilder<Timeline> t)
    {
        t.ToTable("Timelines");
        t.HasKey(x => x.Id);
        t.Property(x => x.Id).HasMaxLength(36);
        t.Property(x => x.Title).HasMaxLength(Timeline.TitleMaxLength);
        t.Property(x => x.Description).HasMaxLength(Timeline.DescriptionMaxLength);
        t.Property(x => x.Query).HasMaxLength(Features.Timelines.Query.KqlParser.MaxLength);
        t.Property(x => x.RangeRelative).HasMaxLength(16);
        t.Property(x => x.SortField).HasMaxLength(Features.Timelines.Query.KqlFields.MaxNameLength).HasDefaultValue(Features.Timelines.Query.KqlFields.Timestamp);
        t.Property(x => x.Version).IsConcurrencyToken();
        t.HasIndex(x => x.UpdatedAt).IsDescending();
    }
}

internal sealed class TimelinePinConfiguration : IEntityTypeConfiguration<TimelinePin>
{
    public void Configure(EntityTypeBuilder<TimelinePin> p)
    {
        p.ToTable("TimelinePins");
        p.HasKey(x => new { x.TimelineId, x.EventId });
        p.Property(x => x.EventId).HasMaxLength(Features.Evidence.Model.EcsRecord.IdMaxLength);
        p.HasOne<Timeline>().WithMany().HasForeignKey(x => x.TimelineId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TimelineNoteConfiguration : IEntityTypeConfiguration<TimelineNote>
{
    public void Configure(EntityTypeBuilder<TimelineNote> n)
    {
        n.ToTable("TimelineNotes");
        n.HasKey(x => x.Id);
        n.Property(x => x.Id).HasMaxLength(36);
        n.Property(x => x.EventId).HasMaxLength(Features.Evidence.Model.EcsRecord.IdMaxLength);
        n.Property(x => x.Text).HasMaxLength(TimelineNote.TextMaxLength);
        n.HasOne<Timeline>().WithMany().HasForeignKey(x => x.TimelineId).OnDelete(DeleteBehavior.Cascade);
        n.HasIndex(x => new { x.TimelineId, x.CreatedAt });
    }
}

internal sealed class CaseTimelineConfiguration : IEntityTypeConfiguration<CaseTimeline>
{
    public void Configure(EntityTypeBuilder<CaseTimeline> c)
    {
        c.ToTable("CaseTimelines");
        c.HasKey(x => x.Id);
        c.Property(x => x.Id).HasMaxLength(36);
        c.Property(x => x.TimelineId).HasMaxLength(36);
        c.Property(x => x.Title).HasMaxLength(Timeline.TitleMaxLength);
        // The snapshot stands alone: deleting the timeline later leaves what the case saw.
        c.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        c.HasIndex(x => new { x.CaseId, x.AttachedAt });
    }
}
