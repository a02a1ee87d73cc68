using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Data;

/// <summary>
/// The portal's model on PostgreSQL. Only its type differs from <see cref="CasesDbContext"/>: EF keeps one migration set
/// per context type, so PostgreSQL's migrations (<c>Data/PostgresMigrations</c>) live beside SQLite's without mixing.
/// </summary>
public sealed class PostgresCasesDbContext(DbContextOptions<CasesDbContext> options) : CasesDbContext((DbContextOptions)options)
{
    public override ISqlDialect Dialect => PostgresDialect.Instance;
}
