namespace CasesPortal.Data;

/// <summary>
/// What differs between the engines in the SQL the portal writes by hand. Reached through
/// <see cref="CasesDbContext.Dialect"/>, so features never branch on the engine.
/// </summary>
public interface ISqlDialect
{
    /// <summary>The case-insensitive LIKE operator (<c>LIKE</c> on SQLite, <c>ILIKE</c> on PostgreSQL).</summary>
    string CaseInsensitiveLike { get; }

    /// <summary>
    /// Serializes the allocation of case numbers (MAX + 1) with other writers until the current transaction ends.
    /// SQLite's write transactions are already exclusive; PostgreSQL takes a transaction-scoped advisory lock.
    /// </summary>
    Task LockCaseNumbersAsync(CasesDbContext db, CancellationToken ct);

    /// <summary>The SQL of timeline queries over the events table.</summary>
    IEventQuerySql Events { get; }

    /// <summary>
    /// Ends a <c>SELECT</c> that claims rows for work: PostgreSQL locks them and skips rows another instance holds;
    /// SQLite needs nothing, its writers already run one at a time.
    /// </summary>
    string SkipLockedRows { get; }

    /// <summary>
    /// Told, after its transaction committed, that <paramref name="rows"/> rows were added to <paramref name="table"/>:
    /// PostgreSQL refreshes the table's planner statistics when they fell far behind (<see cref="PostgresStatistics"/>);
    /// SQLite keeps none.
    /// </summary>
    Task NoteRowsWrittenAsync(CasesDbContext db, string table, int rows, CancellationToken ct);
}

public sealed class SqliteDialect : ISqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public string CaseInsensitiveLike => "LIKE";

    public IEventQuerySql Events => SqliteEventQuerySql.Instance;

    public string SkipLockedRows => "";

    public Task LockCaseNumbersAsync(CasesDbContext db, CancellationToken ct) => Task.CompletedTask;

    public Task NoteRowsWrittenAsync(CasesDbContext db, string table, int rows, CancellationToken ct) => Task.CompletedTask;
}

public sealed class PostgresDialect : ISqlDialect
{
    public static readonly PostgresDialect Instance = new();

    /// <summary>Any fixed number: the advisory lock that serializes case-number allocation across instances.</summary>
    private const long CaseNumberLock = 0x4361_7365_4E75_6D;

    public string CaseInsensitiveLike => "ILIKE";

    public IEventQuerySql Events => PostgresEventQuerySql.Instance;

    public string SkipLockedRows => "FOR UPDATE SKIP LOCKED";

    public async Task LockCaseNumbersAsync(CasesDbContext db, CancellationToken ct) =>
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlAsync(db.Database, $"SELECT pg_advisory_xact_lock({CaseNumberLock})", ct);

    public Task NoteRowsWrittenAsync(CasesDbContext db, string table, int rows, CancellationToken ct) =>
        PostgresStatistics.NoteWrittenAsync(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(db.Database), table, rows, ct);
}
