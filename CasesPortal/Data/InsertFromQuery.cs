using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CasesPortal.Data;

/// <summary>
/// <c>INSERT INTO link (...) SELECT ... FROM (query)</c>: link rows made straight from a LINQ query in the database, so
/// attaching every record that matches a filter never loads the records. Plain SQL that SQLite and PostgreSQL both run;
/// the table, the columns and the value conversions come from the EF model.
/// </summary>
public static class InsertFromQuery
{
    /// <summary>
    /// For each id the query yields, inserts a <typeparamref name="TLink"/> row holding it in <paramref name="idProperty"/>
    /// and the given fixed values in the other columns. Runs in the context's current transaction; returns the rows inserted.
    /// </summary>
    public static async Task<int> InsertLinksAsync<TLink>(this CasesDbContext db, IQueryable<string> ids, string idProperty,
        IReadOnlyDictionary<string, object> values, CancellationToken ct) where TLink : class
    {
        var entity = db.Model.FindEntityType(typeof(TLink)) ?? throw new InvalidOperationException($"{typeof(TLink).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);

        await using var command = ids.CreateDbCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var names = new List<string>();
        foreach (var (property, value) in values)
        {
            var name = "@link_" + names.Count;
            command.Parameters.Add(entity.FindProperty(property)!.GetRelationalTypeMapping().CreateParameter(command, name, value));
            names.Add(name);
        }
        var columns = string.Join(", ", values.Keys.Prepend(idProperty).Select(Column));
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        command.CommandText = $"INSERT INTO {tableName} ({columns})\nSELECT \"matched\".*, {string.Join(", ", names)} FROM (\n{command.CommandText}\n) AS \"matched\"";
        if (command.Connection!.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
