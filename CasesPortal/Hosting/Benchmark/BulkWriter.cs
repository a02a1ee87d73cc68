using Microsoft.Data.Sqlite;

namespace CasesPortal.Hosting.Benchmark;

/// <summary>
/// Prepared <c>INSERT</c>s into several tables sharing big transactions (committed every
/// <paramref name="rowsPerTransaction"/> rows in all): SQLite's fastest way to write rows one by one.
/// </summary>
public sealed class BulkWriter(SqliteConnection connection, int rowsPerTransaction = 100_000) : IBenchRowSink, IDisposable
{
    private readonly List<SqliteCommand> commands = [];
    private SqliteTransaction? transaction;
    private int pending;

    /// <summary>Adds one row to <paramref name="table"/>, values in the order of <paramref name="columns"/>.</summary>
    public Action<object?[]> Into(string table, params string[] columns)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))});";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        commands.Add(command);
        return values =>
        {
            transaction ??= connection.BeginTransaction();
            command.Transaction = transaction;
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            command.ExecuteNonQuery();
            if (++pending >= rowsPerTransaction) Commit();
        };
    }

    public void Commit()
    {
        transaction?.Commit();
        transaction?.Dispose();
        transaction = null;
        pending = 0;
    }

    public void Dispose()
    {
        Commit();
        foreach (var command in commands) command.Dispose();
    }
}
