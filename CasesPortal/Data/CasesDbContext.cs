using CasesPortal.Features.Accounts;
using CasesPortal.Features.Accounts.ApiKeys;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Files;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Observables;
using CasesPortal.Features.Evidence.Model;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Data;

/// <summary>
/// The portal's model. On SQLite it is used as is; PostgreSQL uses <see cref="PostgresCasesDbContext"/>, the same model
/// with its own migration set (EF picks a context's migrations by its exact type).
/// </summary>
public class CasesDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    public CasesDbContext(DbContextOptions<CasesDbContext> options) : base(options) { }

    /// <summary>For the per-provider subclasses, which share this model and its options.</summary>
    protected CasesDbContext(DbContextOptions options) : base(options) { }

    /// <summary>The engine's SQL for what LINQ cannot say the same way on every engine.</summary>
    public virtual ISqlDialect Dialect => SqliteDialect.Instance;

    /// <summary>The key ring for log-in cookies and (later) connector secrets, shared by every portal instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseTag> CaseTags => Set<CaseTag>();
    public DbSet<CaseAssignee> CaseAssignees => Set<CaseAssignee>();
    public DbSet<CaseComment> CaseComments => Set<CaseComment>();
    public DbSet<CaseUserAction> CaseUserActions => Set<CaseUserAction>();
    public DbSet<CaseStatusPeriod> CaseStatusPeriods => Set<CaseStatusPeriod>();
    public DbSet<Features.Metrics.Sla.SlaTarget> SlaTargets => Set<Features.Metrics.Sla.SlaTarget>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<CaseFile> CaseFiles => Set<CaseFile>();
    public DbSet<CaseAlert> CaseAlerts => Set<CaseAlert>();
    public DbSet<CaseAlertFacet> CaseAlertFacets => Set<CaseAlertFacet>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<CaseIndicator> CaseIndicators => Set<CaseIndicator>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<CaseObservable> CaseObservables => Set<CaseObservable>();
    public DbSet<ObservableType> ObservableTypes => Set<ObservableType>();
    public DbSet<Features.Connectors.Model.ConnectorRecord> Connectors => Set<Features.Connectors.Model.ConnectorRecord>();
    public DbSet<Features.Connectors.Model.ExternalIncident> ExternalIncidents => Set<Features.Connectors.Model.ExternalIncident>();
    public DbSet<Features.Connectors.Model.ExternalCommentPush> ExternalCommentPushes => Set<Features.Connectors.Model.ExternalCommentPush>();
    public DbSet<Features.Connectors.Model.ConnectorPush> ConnectorPushes => Set<Features.Connectors.Model.ConnectorPush>();
    public DbSet<Features.Connectors.Model.CaseConnectorChoice> CaseConnectors => Set<Features.Connectors.Model.CaseConnectorChoice>();
    public DbSet<Features.Connectors.Model.CasesConfiguration> CasesConfigurations => Set<Features.Connectors.Model.CasesConfiguration>();
    public DbSet<Features.Timelines.Model.Timeline> Timelines => Set<Features.Timelines.Model.Timeline>();
    public DbSet<Features.Timelines.Model.TimelinePin> TimelinePins => Set<Features.Timelines.Model.TimelinePin>();
    public DbSet<Features.Timelines.Model.TimelineNote> TimelineNotes => Set<Features.Timelines.Model.TimelineNote>();
    public DbSet<Features.Timelines.Model.CaseTimeline> CaseTimelines => Set<Features.Timelines.Model.CaseTimeline>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDbFunction(typeof(DocumentValueSearch).GetMethod(nameof(DocumentValueSearch.ValuesContain))!).HasName(DocumentValueSearch.FunctionName);
        builder.Entity<ApplicationUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(ApplicationUser.DisplayNameMaxLength);
            user.Property(u => u.TimeZoneId).HasMaxLength(64);
        });
        // The roles are part of the schema, so every instance and every test database has them from the first migration.
        builder.Entity<IdentityRole>().HasData(Features.Accounts.Roles.All.Select(role => new IdentityRole(role)
        {
            Id = $"role-{role.ToLowerInvariant()}",
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = $"role-{role.ToLowerInvariant()}",
        }));
        builder.ApplyConfigurationsFromAssembly(typeof(CasesDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks so range filters and sorts run in SQL.
        // PostgreSQL stores them the same way, so the raw aggregates (durations, ranges, buckets) are one SQL for both.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}
