using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Observables;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CasesPortal.Data;

internal sealed class CaseObservableConfiguration : IEntityTypeConfiguration<CaseObservable>
{
    public void Configure(EntityTypeBuilder<CaseObservable> o)
    {
        o.ToTable("CaseObservables");
        o.HasKey(x => x.Id);
        o.Property(x => x.Id).HasMaxLength(36);
        o.Property(x => x.TypeKey).HasMaxLength(ObservableType.KeyMaxLength);
        o.Property(x => x.Value).HasMaxLength(CaseObservable.ValueMaxLength);
        o.Property(x => x.Description).HasMaxLength(CaseObservable.DescriptionMaxLength);
        o.Property(x => x.Source).HasMaxLength(CaseObservable.SourceMaxLength);
        o.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        o.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        o.HasIndex(x => new { x.CaseId, x.TypeKey, x.Value }).IsUnique();
        // Similar cases: the other cases holding the same type and value.
        o.HasIndex(x => new { x.TypeKey, x.Value, x.CaseId });
        o.HasIndex(x => new { x.CaseId, x.CreatedAt });
        o.HasIndex(x => x.CreatedById);
    }
}

internal sealed class ObservableTypeConfiguration : IEntityTypeConfiguration<ObservableType>
{
    public void Configure(EntityTypeBuilder<ObservableType> t)
    {
        t.ToTable("ObservableTypes");
        t.HasKey(x => x.Key);
        t.Property(x => x.Key).HasMaxLength(ObservableType.KeyMaxLength);
        t.Property(x => x.Label).HasMaxLength(ObservableType.LabelMaxLength);
        t.Property(x => x.Pattern).HasMaxLength(ObservableType.PatternMaxLength);
        t.Property(x => x.CreatedById).HasMaxLength(450);
    }
}
