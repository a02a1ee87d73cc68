using Npgsql;

namespace CasesPortal.Hosting.Benchmark;

/// <summary><see cref="BenchHandQueries"/> on PostgreSQL; statements run again are prepared on the server (see the engine's connection).</summary>
public sealed class PostgresHandQueries(NpgsqlConnection connection) : BenchHandQueries
{
    protected override string ListOf(string column) => $"string_agg({column}, chr(31))";

    protected override string CountWhere(string condition) => $"COUNT(*) FILTER (WHERE {condition})";

    protected override async Task ReadAllAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
    }

    public override ValueTask DisposeAsync() => connection.DisposeAsync();
}
