using Microsoft.Data.Sqlite;

namespace CasesPortal.Hosting.Benchmark;

/// <summary><see cref="BenchHandQueries"/> on SQLite.</summary>
public sealed class SqliteHandQueries(SqliteConnection connection) : BenchHandQueries
{
    protected override string ListOf(string column) => $"group_concat({column}, char(31))";

    protected override string CountWhere(string condition) => $"SUM({condition})";

    protected override async Task ReadAllAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
    }

    public override ValueTask DisposeAsync() => connection.DisposeAsync();
}
