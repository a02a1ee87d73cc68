using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace CasesPortal.Hosting.Benchmark;

/// <summary>
/// Binary <c>COPY … FROM STDIN</c> into several tables at once, one connection each (a connection carries one COPY at a
/// time): PostgreSQL's fastest way to load rows. Values come as <see cref="BenchRows"/> gives them and are converted to
/// each column's type as the catalogue names it (0/1 to boolean, numbers to the column's width). <see cref="Complete"/>
/// commits every table; disposed before that, the copies are cancelled. The builder drops the foreign keys meanwhile,
/// since the tables load side by side.
/// </summary>
public sealed class PostgresCopyWriter(string connectionString) : IBenchRowSink, IDisposable
{
    private readonly List<(NpgsqlConnection Connection, NpgsqlBinaryImporter Import)> copies = [];

    public Action<object?[]> Into(string table, params string[] columns)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var types = ColumnTypes(connection, table, columns);
        var import = connection.BeginBinaryImport($"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
        copies.Add((connection, import));
        return values =>
        {
            import.StartRow();
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is null) import.WriteNull();
                else Write(import, values[i]!, types[i]);
            }
        };
    }

    private static void Write(NpgsqlBinaryImporter import, object value, NpgsqlDbType type)
    {
        var c = CultureInfo.InvariantCulture;
        switch (type)
        {
            case NpgsqlDbType.Boolean: import.Write(value is bool b ? b : Convert.ToInt64(value, c) != 0, type); break;
            case NpgsqlDbType.Bigint: import.Write(Convert.ToInt64(value, c), type); break;
            case NpgsqlDbType.Integer: import.Write(Convert.ToInt32(value, c), type); break;
            case NpgsqlDbType.Smallint: import.Write(Convert.ToInt16(value, c), type); break;
            case NpgsqlDbType.Double: import.Write(Convert.ToDouble(value, c), type); break;
            case NpgsqlDbType.Real: import.Write(Convert.ToSingle(value, c), type); break;
            case NpgsqlDbType.Numeric: import.Write(Convert.ToDecimal(value, c), type); break;
            default: import.Write(Convert.ToString(value, c)!, type); break;
        }
    }

    private static NpgsqlDbType[] ColumnTypes(NpgsqlConnection connection, string table, string[] columns)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var command = new NpgsqlCommand("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table", connection))
        {
            command.Parameters.AddWithValue("table", table);
            using var reader = command.ExecuteReader();
            while (reader.Read()) types[reader.GetString(0)] = reader.GetString(1);
        }
        return columns.Select(column => types.TryGetValue(column, out var type) ? type switch
        {
            "boolean" => NpgsqlDbType.Boolean,
            "bigint" => NpgsqlDbType.Bigint,
            "integer" => NpgsqlDbType.Integer,
            "smallint" => NpgsqlDbType.Smallint,
            "double precision" => NpgsqlDbType.Double,
            "real" => NpgsqlDbType.Real,
            "numeric" => NpgsqlDbType.Numeric,
            "text" or "character varying" => NpgsqlDbType.Text,
            _ => throw new NotSupportedException($"The benchmark cannot copy a {type} into \"{table}\".\"{column}\"."),
        } : throw new InvalidOperationException($"\"{table}\" has no column \"{column}\".")).ToArray();
    }

    public void Complete()
    {
        foreach (var (_, import) in copies) import.Complete();
    }

    public void Dispose()
    {
        foreach (var (connection, import) in copies)
        {
            import.Dispose();
            connection.Dispose();
        }
        copies.Clear();
    }
}
