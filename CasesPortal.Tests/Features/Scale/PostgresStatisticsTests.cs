using CasesPortal.Data;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Tests.Features.Cases;
using CasesPortal.Tests.Features.Cases.Evidence;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Tests.Features.Scale;

/// <summary>
/// On PostgreSQL the portal analyzes the tables it filled far beyond their last statistics, so the attach that follows
/// an import is planned from what the tables hold. Runs in the PostgreSQL pass; SQLite keeps no planner statistics.
/// </summary>
[Trait(Layer.Name, Layer.Unit)]
public sealed class PostgresStatisticsTests
{
    [SkippableFact]
    public async Task An_import_and_a_big_attach_leave_the_tables_analyzed_and_the_attach_fast()
    {
        Skip.IfNot(TestProvider.IsPostgres, "SQLite keeps no planner statistics.");
        await using var portal = await PortalServices.StartAsync();
        var team = await CaseTeam.CreateAsync(portal);

        var ids = await EvidenceSamples.IngestGeneratedAlertsAsync(portal.Get<EvidenceIngestService>(), 6_000);
        Assert.InRange(await KnownRowsAsync(portal, "Alerts"), 4_000, 6_000);

        var caseId = (await portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Worm outbreak", ""))).Value!.Id;
        Assert.Equal(1, (await portal.Get<CaseEvidenceService>().AttachAlertsAsync(team.Analyst, caseId, [ids[0]])).Value);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(5_999, (await portal.Get<CaseEvidenceService>().AttachAlertsAsync(team.Analyst, caseId, ids)).Value);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        Assert.Equal(6_000, await KnownRowsAsync(portal, "CaseAlerts"));
    }

    private static async Task<double> KnownRowsAsync(PortalServices portal, string table)
    {
        await using var db = await portal.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync();
        var name = $"\"{table}\"";
        return await db.Database.SqlQuery<double>($"SELECT reltuples::float8 AS \"Value\" FROM pg_class WHERE oid = {name}::regclass").SingleAsync();
    }
}
