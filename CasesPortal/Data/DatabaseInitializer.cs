using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Data;

/// <summary>Prepares the storage and applies the checked-in migrations before the portal serves anything.</summary>
public sealed class DatabaseInitializer(IDatabaseProvider provider, IDbContextFactory<CasesDbContext> dbFactory, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        provider.PrepareStorage();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        // Migrate also builds the design-time model and compares it with the last migration's snapshot, about 0.4 s
        // at every start; a database that is already up to date needs none of that.
        if (pending.Count > 0) await db.Database.MigrateAsync(ct);
        await provider.TuneAsync(db, ct);
        logger.LogInformation("{Provider} database at {Location} is ready ({Count} migrations applied)", provider.Name, provider.Location, pending.Count);
    }
}
