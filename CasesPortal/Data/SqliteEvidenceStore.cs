using CasesPortal.Features.Evidence.Model;
using CasesPortal.Features.Cases.Evidence;
using Microsoft.Data.Sqlite;

namespace CasesPortal.Data;

/// <summary>
/// SQLite upserts: one prepared <c>INSERT ... ON CONFLICT(Id) DO UPDATE</c> per batch, in one write transaction that
/// first reads which ids are already stored (cheaper than <c>RETURNING</c> per row, and just as exact), and that stops
/// taking rows in time to commit within <see cref="WriteLockLimit"/>.
/// </summary>
public sealed class SqliteEvidenceStore(string connectionString) : IEvidenceStore
{
    private const int IdsPerLookup = 500;

    private static readonly string AlertSql = UpsertSql("Alerts", EvidenceColumns.Alerts.Select(c => c.Name));
    private static readonly string EventSql = UpsertSql("SecurityEvents", EvidenceColumns.Events.Select(c => c.Name));
    private static readonly string IndicatorSql = UpsertSql("Indicators", EvidenceColumns.Indicators.Select(c => c.Name));

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<Alert> rows, CancellationToken ct) =>
        UpsertAsync("Alerts", AlertSql, EvidenceColumns.Alerts, a => a.Id, AlertUpkeep, rows, ct);

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<SecurityEvent> rows, CancellationToken ct) =>
        UpsertAsync("SecurityEvents", EventSql, EvidenceColumns.Events, e => e.Id, EventUpkeep, rows, ct);

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<Indicator> rows, CancellationToken ct) =>
        UpsertAsync("Indicators", IndicatorSql, EvidenceColumns.Indicators, i => i.Id, NoUpkeep, rows, ct);

    /// <summary>
    /// What a batch keeps up beside its table, in its transaction, set-wise: statements run over the ids already stored
    /// (<c>$ids</c>, a JSON array) before and after the rows are written, and one over the rows the batch added (those
    /// after rowid <c>$after</c>).
    /// </summary>
    private sealed record Upkeep(IReadOnlyList<string> BeforeResent, IReadOnlyList<string> AfterResent, string? AfterAdded = null);

    /// <summary>Alerts sent again may change user, host or rule under the cases they sit in: counted out, then in again.</summary>
    private static readonly Upkeep AlertUpkeep = new(CaseAlertFacets.CountOutSql(LinksOf), [CaseAlertFacets.CountInSql(LinksOf)]);

    private static readonly Upkeep EventUpkeep = new([EventTextIndex.ForgetResent], [EventTextIndex.AddResent], EventTextIndex.AddWrittenAfter);

    private static readonly Upkeep NoUpkeep = new([], []);

    private static string UpsertSql(string table, IEnumerable<string> columnNames)
    {
        var columns = columnNames.ToList();
        // The first arrival time stays; everything else is replaced by the document sent last.
        var updates = columns.Where(c => c is not "Id" and not "IngestedAt").Select(c => $"\"{c}\" = excluded.\"{c}\"");
        return $"""
            INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}, "Revision")
            VALUES ({string.Join(", ", columns.Select(c => "$" + c))}, 1)
            ON CONFLICT("Id") DO UPDATE SET {string.Join(", ", updates)}, "Revision" = "Revision" + 1;
            """;
    }

    private async Task<UpsertResult> UpsertAsync<T>(string table, string sql, EvidenceColumn<T>[] columns, Func<T, string> id, Upkeep upkeep,
        IReadOnlyList<T> rows, CancellationToken ct)
    {
        var created = new bool[rows.Count];
        if (rows.Count == 0) return new UpsertResult(created, TimeSpan.Zero, 0);

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            // SQLite's default page cache (2 MB) is far smaller than the indexes an import touches; with it, each row's
            // index updates go back to the file. 64 MB per connection keeps a batch's pages in memory. In WAL mode,
            // synchronous=NORMAL still commits each batch whole or not at all; it only skips the fsync per commit.
            // The log is copied back every few batches instead (see CheckpointNowAndThenAsync).
            pragma.CommandText = "PRAGMA cache_size = -65536; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        // The write lock is held from BEGIN IMMEDIATE, so what this reads stays true until the commit.
        var stored = await StoredIdsAsync(connection, transaction, table, rows.Select(id).Distinct().ToList(), ct);
        var resent = stored.Count > 0 ? System.Text.Json.JsonSerializer.Serialize(stored) : null;
        if (resent is not null) await RunAsync(connection, transaction, upkeep.BeforeResent, ("$ids", resent), ct);
        var lastRowid = upkeep.AfterAdded is null ? 0L : await ScalarAsync(connection, transaction, $"SELECT COALESCE(MAX(rowid), 0) FROM \"{table}\";", ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameters = columns.Select(c => command.Parameters.Add(new SqliteParameter("$" + c.Name, null))).ToArray();
        command.Prepare();

        var written = 0;
        // Rows are taken while there is still time for the commit, as long as the last one took.
        var rowsUntil = WriteLockLimit - TimeSpan.FromTicks(Volatile.Read(ref lastCommitTicks));
        while (written < rows.Count && (written == 0 || System.Diagnostics.Stopwatch.GetElapsedTime(started) < rowsUntil))
        {
            for (var c = 0; c < columns.Length; c++)
                parameters[c].Value = columns[c].Value(rows[written]) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
            // A second copy of an id within the batch is an update of the first.
            created[written] = stored.Add(id(rows[written]));
            written++;
        }

        // Every row added gets a rowid above the last one before the batch.
        if (upkeep.AfterAdded is not null) await RunAsync(connection, transaction, [upkeep.AfterAdded], ("$after", lastRowid), ct);
        // Rows of the resent ids left for the next call are kept up again unchanged: the upkeep stays exact either way.
        if (resent is not null) await RunAsync(connection, transaction, upkeep.AfterResent, ("$ids", resent), ct);
        // Cancelled or failed before this line, the transaction is rolled back on dispose: never a partial batch.
        var committing = System.Diagnostics.Stopwatch.GetTimestamp();
        await transaction.CommitAsync(ct);
        Volatile.Write(ref lastCommitTicks, System.Diagnostics.Stopwatch.GetElapsedTime(committing).Ticks);
        var writeTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        await CheckpointNowAndThenAsync(connection, ct);
        return new UpsertResult(created, writeTime, written);
    }

    /// <summary>
    /// How long a batch's transaction may hold SQLite's single write lock: an analyst's save waits behind it. Batches are
    /// sized to about 100 ms (see IngestBatchSize), but one whose index pages must first be read from the file can take
    /// several times that; it stops taking rows in time to commit by this limit, and the caller sends the rest in the
    /// next. The commit writes the batch's pages to the log, tens of milliseconds, so the last commit's time is kept free.
    /// </summary>
    private static readonly TimeSpan WriteLockLimit = TimeSpan.FromMilliseconds(160);

    private long lastCommitTicks;

    /// <summary>The case links of the alerts named by the JSON array <c>$ids</c>.</summary>
    private const string LinksOf = """SELECT "CaseId", "AlertId" FROM "CaseAlerts" WHERE "AlertId" IN (SELECT value FROM json_each($ids))""";

    private static async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<string> statements,
        (string Name, object Value) parameter, CancellationToken ct)
    {
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue(parameter.Name, parameter.Value);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Batches written since the write-ahead log was last copied back into the database.</summary>
    private int batchesSinceCheckpoint;

    /// <summary>
    /// An import rewrites the same hot index pages in every batch; copying the log back after every commit (SQLite's
    /// default every 1,000 pages) writes them again each time. Every few batches is enough, and it runs after the
    /// commit, outside the write lock, with PASSIVE so it never blocks an analyst's read or save.
    /// </summary>
    private async Task CheckpointNowAndThenAsync(SqliteConnection connection, CancellationToken ct)
    {
        var due = Interlocked.Increment(ref batchesSinceCheckpoint) >= BatchesPerCheckpoint;
        if (due) Interlocked.Exchange(ref batchesSinceCheckpoint, 0);
        await using var command = connection.CreateCommand();
        // The connection goes back to the pool shared with the rest of the portal: give it SQLite's default back.
        command.CommandText = (due ? "PRAGMA wal_checkpoint(PASSIVE); " : "") + "PRAGMA wal_autocheckpoint = 1000;";
        await command.ExecuteNonQueryAsync(ct);
    }

    private const int BatchesPerCheckpoint = 8;

    private static async Task<HashSet<string>> StoredIdsAsync(SqliteConnection connection, SqliteTransaction transaction, string table,
        List<string> ids, CancellationToken ct)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(IdsPerLookup))
        {
            await using var lookup = connection.CreateCommand();
            lookup.Transaction = transaction;
            lookup.CommandText = $"SELECT \"Id\" FROM \"{table}\" WHERE \"Id\" IN ({string.Join(", ", chunk.Select((_, i) => "$id" + i))});";
            for (var i = 0; i < chunk.Length; i++) lookup.Parameters.AddWithValue("$id" + i, chunk[i]);
            await using var reader = await lookup.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) stored.Add(reader.GetString(0));
        }
        return stored;
    }
}
