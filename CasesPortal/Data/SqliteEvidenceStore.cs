using CasesPortal.Features.Evidence.Model;
using Microsoft.Data.Sqlite;

namespace CasesPortal.Data;

/// <summary>SQLite upserts: one prepared <c>INSERT ... ON CONFLICT(Id) DO UPDATE ... RETURNING</c> per batch, in one transaction.</summary>
public sealed class SqliteEvidenceStore(string connectionString) : IEvidenceStore
{
    private sealed record Column<T>(string Name, Func<T, object?> Value);

    private static readonly Column<EcsRecord>[] EcsColumns =
    [
        new(nameof(EcsRecord.Id), r => r.Id),
        new(nameof(EcsRecord.Timestamp), r => Ticks(r.Timestamp)),
        new(nameof(EcsRecord.HostId), r => r.HostId),
        new(nameof(EcsRecord.HostName), r => r.HostName),
        new(nameof(EcsRecord.HostOsName), r => r.HostOsName),
        new(nameof(EcsRecord.UserName), r => r.UserName),
        new(nameof(EcsRecord.SourceIp), r => r.SourceIp),
        new(nameof(EcsRecord.DestinationIp), r => r.DestinationIp),
        new(nameof(EcsRecord.ProcessName), r => r.ProcessName),
        new(nameof(EcsRecord.EventCategory), r => r.EventCategory),
        new(nameof(EcsRecord.EventAction), r => r.EventAction),
        new(nameof(EcsRecord.EventOutcome), r => r.EventOutcome),
        new(nameof(EcsRecord.Message), r => r.Message),
        new(nameof(EcsRecord.Document), r => r.Document),
        new(nameof(EcsRecord.IngestedAt), r => r.IngestedAt.UtcTicks),
        new(nameof(EcsRecord.UpdatedAt), r => r.UpdatedAt.UtcTicks),
    ];

    private static readonly Column<Alert>[] AlertColumns =
    [
        .. EcsColumns.Select(c => new Column<Alert>(c.Name, a => c.Value(a))),
        new(nameof(Alert.RuleName), a => a.RuleName),
        new(nameof(Alert.RuleUuid), a => a.RuleUuid),
        new(nameof(Alert.Severity), a => a.Severity),
        new(nameof(Alert.RiskScore), a => a.RiskScore),
        new(nameof(Alert.WorkflowStatus), a => a.WorkflowStatus),
        new(nameof(Alert.Reason), a => a.Reason),
    ];

    private static readonly Column<SecurityEvent>[] EventColumns =
        [.. EcsColumns.Select(c => new Column<SecurityEvent>(c.Name, e => c.Value(e)))];

    private static readonly Column<Indicator>[] IndicatorColumns =
    [
        new(nameof(Indicator.Id), i => i.Id),
        new(nameof(Indicator.Type), i => i.Type),
        new(nameof(Indicator.Value), i => i.Value),
        new(nameof(Indicator.Provider), i => i.Provider),
        new(nameof(Indicator.Confidence), i => i.Confidence),
        new(nameof(Indicator.FirstSeen), i => Ticks(i.FirstSeen)),
        new(nameof(Indicator.LastSeen), i => Ticks(i.LastSeen)),
        new(nameof(Indicator.Timestamp), i => Ticks(i.Timestamp)),
        new(nameof(Indicator.Document), i => i.Document),
        new(nameof(Indicator.IngestedAt), i => i.IngestedAt.UtcTicks),
        new(nameof(Indicator.UpdatedAt), i => i.UpdatedAt.UtcTicks),
    ];

    private static readonly string AlertSql = UpsertSql("Alerts", AlertColumns.Select(c => c.Name));
    private static readonly string EventSql = UpsertSql("SecurityEvents", EventColumns.Select(c => c.Name));
    private static readonly string IndicatorSql = UpsertSql("Indicators", IndicatorColumns.Select(c => c.Name));

    public Task<bool[]> UpsertAsync(IReadOnlyList<Alert> rows, CancellationToken ct) => UpsertAsync(AlertSql, AlertColumns, rows, ct);

    public Task<bool[]> UpsertAsync(IReadOnlyList<SecurityEvent> rows, CancellationToken ct) => UpsertAsync(EventSql, EventColumns, rows, ct);

    public Task<bool[]> UpsertAsync(IReadOnlyList<Indicator> rows, CancellationToken ct) => UpsertAsync(IndicatorSql, IndicatorColumns, rows, ct);

    private static string UpsertSql(string table, IEnumerable<string> columnNames)
    {
        var columns = columnNames.ToList();
        // The first arrival time stays; everything else is replaced by the document sent last.
        var updates = columns.Where(c => c is not "Id" and not "IngestedAt").Select(c => $"\"{c}\" = excluded.\"{c}\"");
        return $"""
            INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}, "Revision")
            VALUES ({string.Join(", ", columns.Select(c => "$" + c))}, 1)
            ON CONFLICT("Id") DO UPDATE SET {string.Join(", ", updates)}, "Revision" = "Revision" + 1
            RETURNING "Revision";
            """;
    }

    private async Task<bool[]> UpsertAsync<T>(string sql, Column<T>[] columns, IReadOnlyList<T> rows, CancellationToken ct)
    {
        var created = new bool[rows.Count];
        if (rows.Count == 0) return created;

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameters = columns.Select(c => command.Parameters.Add(new SqliteParameter("$" + c.Name, null))).ToArray();
        command.Prepare();

        for (var row = 0; row < rows.Count; row++)
        {
            for (var c = 0; c < columns.Length; c++)
                parameters[c].Value = columns[c].Value(rows[row]) ?? DBNull.Value;
            created[row] = Convert.ToInt64(await command.ExecuteScalarAsync(ct)) == 1;
        }

        // Cancelled or failed before this line, the transaction is rolled back on dispose: never a partial batch.
        await transaction.CommitAsync(ct);
        return created;
    }

    private static object? Ticks(DateTimeOffset? value) => value?.UtcTicks;
}
