using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Data;

/// <summary>Makes the configured provider's context (a <see cref="PostgresCasesDbContext"/> on PostgreSQL) for every operation.</summary>
public sealed class CasesDbContextFactory(DbContextOptions<CasesDbContext> options, IDatabaseProvider provider) : IDbContextFactory<CasesDbContext>
{
    public CasesDbContext CreateDbContext() => provider.CreateContext(options);
}
