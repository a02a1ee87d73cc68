using System.Collections.Concurrent;
using System.Data.Common;

namespace CasesPortal.Data;

/// <summary>
/// PostgreSQL plans from table statistics that autovacuum refreshes only some time after a load. A plan made in between
/// believes a freshly filled table is nearly empty and picks nested loops: attaching 10,000 alerts imported a moment
/// before took 8 s instead of 40 ms. Writers that add many rows note them here, and the table is analyzed as soon as
/// the rows this instance wrote since its last analysis reach half of what the table was known to hold (and at least
/// <see cref="MinimumRows"/>), so a growing table is analyzed a logarithmic number of times.
/// </summary>
public static class PostgresStatistics
{
    public const int MinimumRows = 1_000;

    private static readonly ConcurrentDictionary<(string Server, string Database, string Table), long> WrittenSinceAnalysis = new();

    /// <summary>Notes <paramref name="rows"/> new rows in <paramref name="table"/>; run after the writing transaction committed.</summary>
    public static async Task NoteWrittenAsync(DbConnection connection, string table, long rows, CancellationToken ct)
    {
        if (rows <= 0) return;
        var key = (connection.DataSource, connection.Database, table);
        var written = WrittenSinceAnalysis.AddOrUpdate(key, rows, (_, sum) => sum + rows);
        if (written < MinimumRows) return;
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        if (written < await KnownRowsAsync(connection, table, ct) / 2) return;
        WrittenSinceAnalysis.AddOrUpdate(key, 0, (_, sum) => sum - written);
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = $"ANALYZE \"{table}\"";
        await analyze.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The row count of the last analysis (-1 when never analyzed).</summary>
    private static async Task<double> KnownRowsAsync(DbConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT reltuples FROM pg_class WHERE oid = '\"{table}\"'::regclass";
        return Convert.ToDouble(await command.ExecuteScalarAsync(ct));
    }
}
