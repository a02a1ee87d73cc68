using System.Data.Common;
using CasesPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CasesPortal.Features.Timelines.Query;

/// <summary>
/// Runs a timeline's query over the stored events in SQL: the page newest first, the total (exact up to 10,000) and the
/// events-over-time histogram. Each run has a time budget (setting <c>Timelines:QueryBudgetSeconds</c>); past it the
/// running statement is stopped in the engine.
/// </summary>
public sealed class TimelineEventSearch(IDbContextFactory<CasesDbContext> factory, IOptions<TimelineOptions> options)
{
    public const int ExactTotalLimit = 10_000;

    private TimeSpan Budget => options.Value.QueryBudget;

    /// <summary>The condition a search puts on the events table (in SQLite's SQL unless told), or its syntax error.</summary>
    public static (SqlCondition? Condition, KqlError? Error) Condition(TimelineSearch search, IEventQuerySql? dialect = null)
    {
        var engine = dialect ?? SqliteEventQuerySql.Instance;
        var (node, error) = KqlParser.Parse(search.Query);
        if (error is not null) return (null, error);
        var parts = new List<KqlNode>();
        if (node is not null) parts.Add(node);
        parts.AddRange(search.Filters.Select(f => f.ToNode()).OfType<KqlNode>());
        var sql = new List<string>();
        var parameters = new List<KeyValuePair<string, object>>();
        if (parts.Count > 0)
        {
            var condition = KqlSql.Translate(parts.Aggregate((a, b) => new KqlAnd(a, b)), sql: engine);
            sql.Add(condition.Sql);
            parameters.AddRange(condition.Parameters);
        }
        if (search.From is { } from)
        {
            sql.Add($"e.\"Timestamp\" >= {engine.Parameter("from")}");
            parameters.Add(new(engine.Parameter("from"), from.UtcTicks));
        }
        if (search.To is { } to)
        {
            sql.Add($"e.\"Timestamp\" <= {engine.Parameter("to")}");
            parameters.Add(new(engine.Parameter("to"), to.UtcTicks));
        }
        return (new SqlCondition(sql.Count == 0 ? "TRUE" : string.Join(" AND ", sql), parameters), null);
    }

    public Task<TimelineQueryResult<TimelineEventsPage>> FindAsync(TimelineSearch search, CancellationToken ct = default) =>
        RunAsync(search, async (connection, engine, where, token) =>
        {
            var perPage = Math.Clamp(search.PerPage, 1, TimelineSearch.MaxPerPage);
            var page = Math.Max(search.Page, 1);
            var direction = search.Ascending ? "ASC" : "DESC";
            var sortColumn = KqlFields.Sortable.Contains(search.SortField) ? KqlFields.Indexed[search.SortField].Column : "Timestamp";
            var order = sortColumn == "Timestamp" ? $"e.\"Timestamp\" {direction}, e.\"Id\""
                : $"e.\"{sortColumn}\" {direction} NULLS LAST, e.\"Timestamp\" DESC, e.\"Id\"";
            var events = new List<TimelineEvent>();
            await using (var command = Command(connection, where,
                $"SELECT e.\"Id\", e.\"Timestamp\", e.\"Document\" FROM \"SecurityEvents\" AS e WHERE {where.Sql} " +
                $"ORDER BY {order} LIMIT {engine.Parameter("take")} OFFSET {engine.Parameter("skip")}"))
            {
                Add(command, engine.Parameter("take"), perPage);
                Add(command, engine.Parameter("skip"), (long)(page - 1) * perPage);
                await using var reader = await command.ExecuteReaderAsync(token);
                while (await reader.ReadAsync(token))
                    events.Add(new TimelineEvent(reader.GetString(0),
                        reader.IsDBNull(1) ? null : new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero), reader.GetString(2)));
            }
            var total = await CountAsync(connection, where, token);
            return new TimelineEventsPage(events, Math.Min(total, ExactTotalLimit), total > ExactTotalLimit, page, perPage);
        }, ct);

    /// <summary>How many events match, counted up to the limit plus one (which means "more than the limit").</summary>
    private static async Task<int> CountAsync(DbConnection connection, SqlCondition where, CancellationToken ct)
    {
        await using var command = Command(connection, where,
            $"SELECT COUNT(*) FROM (SELECT 1 FROM \"SecurityEvents\" AS e WHERE {where.Sql} LIMIT {ExactTotalLimit + 1}) AS matched");
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }

    /// <summary>Events over time in up to about 48 buckets of a round width (<see cref="HistogramScale"/>) over the search's range (or the matching events' span).</summary>
    public Task<TimelineQueryResult<IReadOnlyList<HistogramBucket>>> HistogramAsync(TimelineSearch search, CancellationToken ct = default) =>
        RunAsync<IReadOnlyList<HistogramBucket>>(search, async (connection, engine, where, token) =>
        {
            long start, end;
            if (search.From is { } from && search.To is { } to) (start, end) = (from.UtcTicks, to.UtcTicks);
            else
            {
                await using var span = Command(connection, where, $"SELECT MIN(e.\"Timestamp\"), MAX(e.\"Timestamp\") FROM \"SecurityEvents\" AS e WHERE {where.Sql}");
                await using var reader = await span.ExecuteReaderAsync(token);
                if (!await reader.ReadAsync(token) || reader.IsDBNull(0)) return [];
                (start, end) = (search.From?.UtcTicks ?? reader.GetInt64(0), search.To?.UtcTicks ?? reader.GetInt64(1));
            }
            var width = HistogramScale.BucketWidth(TimeSpan.FromTicks(end - start)).Ticks;
            var first = HistogramScale.AlignedStart(start, TimeSpan.FromTicks(width));
            var counts = new Dictionary<long, int>();
            var (firstAt, startAt, endAt, widthOf) = (engine.Parameter("first"), engine.Parameter("start"), engine.Parameter("end"), engine.Parameter("width"));
            await using (var command = Command(connection, where,
                $"SELECT (e.\"Timestamp\" - {firstAt}) / {widthOf} AS bucket, COUNT(*) FROM \"SecurityEvents\" AS e " +
                $"WHERE {where.Sql} AND e.\"Timestamp\" >= {startAt} AND e.\"Timestamp\" <= {endAt} GROUP BY bucket"))
            {
                Add(command, firstAt, first);
                Add(command, startAt, start);
                Add(command, endAt, end);
                Add(command, widthOf, width);
                await using var reader = await command.ExecuteReaderAsync(token);
                while (await reader.ReadAsync(token)) counts[reader.GetInt64(0)] = Convert.ToInt32(reader.GetValue(1));
            }
            var buckets = (int)((end - first) / width + 1);
            return Enumerable.Range(0, buckets).Select(b => new HistogramBucket(
                new DateTimeOffset(first + b * width, TimeSpan.Zero), new DateTimeOffset(first + (b + 1) * width, TimeSpan.Zero), counts.GetValueOrDefault(b))).ToList();
        }, ct);

    private async Task<TimelineQueryResult<T>> RunAsync<T>(TimelineSearch search,
        Func<DbConnection, IEventQuerySql, SqlCondition, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var engine = db.Dialect.Events;
        var (where, error) = Condition(search, engine);
        if (error is not null) return new(default, error, null);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        return await WithBudgetAsync(connection, engine, Budget, token => work(connection, engine, where!, token), ct);
    }

    /// <summary>Runs <paramref name="work"/> on the connection within the budget; a statement stopped by it becomes a "stopped" result.</summary>
    public static async Task<TimelineQueryResult<T>> WithBudgetAsync<T>(DbConnection connection, IEventQuerySql engine, TimeSpan budget,
        Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var (value, stopped) = await engine.WithBudgetAsync(connection, budget, work, ct);
        return stopped ? new(default, null, budget) : new(value, null, null);
    }

    private static DbCommand Command(DbConnection connection, SqlCondition where, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in where.Parameters) Add(command, name, value);
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
