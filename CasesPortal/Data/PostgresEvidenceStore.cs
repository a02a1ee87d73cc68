using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Evidence.Model;
using Npgsql;
using NpgsqlTypes;

namespace CasesPortal.Data;

/// <summary>
/// PostgreSQL upserts: each batch is one <c>INSERT ... SELECT FROM unnest(column arrays) ON CONFLICT("Id") DO UPDATE</c>
/// whose <c>RETURNING (xmax = 0)</c> tells new rows from replaced ones. A batch holding an id twice writes its last copy
/// once (PostgreSQL refuses to update a row twice in one statement) with the revision raised by the number of copies.
/// </summary>
public sealed class PostgresEvidenceStore(string connectionString) : IEvidenceStore
{
    private const string AlertTable = "Alerts", EventTable = "SecurityEvents", IndicatorTable = "Indicators";
    private static readonly string AlertSql = UpsertSql(AlertTable, EvidenceColumns.Alerts.Select(c => c.Name));
    private static readonly string EventSql = UpsertSql(EventTable, EvidenceColumns.Events.Select(c => c.Name));
    private static readonly string IndicatorSql = UpsertSql(IndicatorTable, EvidenceColumns.Indicators.Select(c => c.Name));

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<Alert> rows, CancellationToken ct) =>
        UpsertAsync(AlertTable, AlertSql, EvidenceColumns.Alerts, a => a.Id, rows, ct, followCaseLinks: true);

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<SecurityEvent> rows, CancellationToken ct) => UpsertAsync(EventTable, EventSql, EvidenceColumns.Events, e => e.Id, rows, ct);

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<Indicator> rows, CancellationToken ct) =>
        UpsertAsync(IndicatorTable, IndicatorSql, EvidenceColumns.Indicators, i => i.Id, rows, ct);

    private static string UpsertSql(string table, IEnumerable<string> columnNames)
    {
        var columns = columnNames.ToList();
        // The first arrival time stays; everything else is replaced by the document sent last.
        var updates = columns.Where(c => c is not "Id" and not "IngestedAt").Select(c => $"\"{c}\" = excluded.\"{c}\"");
        var arrays = string.Join(", ", columns.Select((_, i) => "@c" + i));
        return $"""
            INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}, "Revision")
            SELECT * FROM unnest({arrays}, @revisions)
            ON CONFLICT ("Id") DO UPDATE SET {string.Join(", ", updates)}, "Revision" = "{table}"."Revision" + excluded."Revision"
            RETURNING "Id", (xmax = 0) AS created
            """;
    }

    private async Task<UpsertResult> UpsertAsync<T>(string table, string sql, EvidenceColumn<T>[] columns, Func<T, string> id, IReadOnlyList<T> rows, CancellationToken ct,
        bool followCaseLinks = false)
    {
        var created = new bool[rows.Count];
        if (rows.Count == 0) return new UpsertResult(created, TimeSpan.Zero, 0);

        // The last copy of each id is written; the copies count as revisions.
        var last = new Dictionary<string, (T Row, int Copies)>(StringComparer.Ordinal);
        foreach (var row in rows)
            last[id(row)] = (row, last.TryGetValue(id(row), out var seen) ? seen.Copies + 1 : 1);
        var unique = last.Values.ToList();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Alerts sent again may change user, host or rule under the cases they sit in: count them out, then in again.
        var ids = followCaseLinks ? await LinkedAsync(connection, transaction, last.Keys.ToArray(), ct) : null;
        if (ids is not null) await RunAsync(connection, transaction, CaseAlertFacets.CountOutSql(LinksOf), ids, ct);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        for (var c = 0; c < columns.Length; c++)
            command.Parameters.Add(Array("c" + c, columns[c], unique.Select(u => u.Row).ToList()));
        command.Parameters.Add(new NpgsqlParameter("revisions", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = unique.Select(u => u.Copies).ToArray() });

        var isNew = new Dictionary<string, bool>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) isNew[reader.GetString(0)] = reader.GetBoolean(1);
        if (ids is not null) await RunAsync(connection, transaction, [CaseAlertFacets.CountInSql(LinksOf)], ids, ct);
        // Cancelled or failed before this line, the transaction is rolled back on dispose: never a partial batch.
        await transaction.CommitAsync(ct);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        await PostgresStatistics.NoteWrittenAsync(connection, table, isNew.Values.Count(n => n), ct);

        var firstSeen = new HashSet<string>(StringComparer.Ordinal);
        for (var row = 0; row < rows.Count; row++)
        {
            var key = id(rows[row]);
            // A second copy of an id within the batch is an update of the first.
            created[row] = firstSeen.Add(key) && isNew[key];
        }
        return new UpsertResult(created, elapsed, rows.Count);
    }

    /// <summary>The case links of the alerts named by the array <c>@ids</c>.</summary>
    private const string LinksOf = """SELECT "CaseId", "AlertId" FROM "CaseAlerts" WHERE "AlertId" = ANY(@ids)""";

    /// <summary>
    /// The ids when any of them sits in a case, else null: a fresh import (no alert in a case yet) pays one index probe
    /// per id and never the grouped statements, which would read the figures table.
    /// </summary>
    private static async Task<string[]?> LinkedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string[] ids, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""SELECT EXISTS (SELECT 1 FROM "CaseAlerts" WHERE "AlertId" = ANY(@ids))""", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ids });
        return await command.ExecuteScalarAsync(ct) is true ? ids : null;
    }

    private static async Task RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<string> statements, string[] ids, CancellationToken ct)
    {
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ids });
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static NpgsqlParameter Array<T>(string name, EvidenceColumn<T> column, List<T> rows) => column.Type switch
    {
        EvidenceColumnType.Ticks => new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.Select(r => (long?)column.Value(r)).ToArray() },
        EvidenceColumnType.Real => new(name, NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = rows.Select(r => (double?)column.Value(r)).ToArray() },
        _ => new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => (string?)column.Value(r)).ToArray() },
    };
}
