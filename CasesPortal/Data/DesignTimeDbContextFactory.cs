using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CasesPortal.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the portal.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CasesDbContext>
{
    public CasesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CasesDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>
/// Lets <c>dotnet ef migrations add ... --context PostgresCasesDbContext -o Data/PostgresMigrations</c> build the PostgreSQL
/// model; adding a migration never connects, so the connection string only has to parse.
/// </summary>
public sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresCasesDbContext>
{
    public PostgresCasesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CasesDbContext>().UseNpgsql("Host=localhost;Database=casesportal_design").Options);
}
