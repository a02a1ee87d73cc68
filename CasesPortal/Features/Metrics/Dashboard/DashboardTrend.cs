using System.Globalization;
using CasesPortal.Data;
using CasesPortal.Features.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CasesPortal.Features.Metrics.Dashboard;

/// <summary>
/// The dashboard's trend: cases opened and closed per day (periods up to 62 days) or per week, and the mean time to
/// close of each bucket. The database groups the rows into buckets, so a year of 40,000 cases comes back as 53 rows.
/// </summary>
internal static class DashboardTrend
{
    /// <summary>A time and a duration of one case, the shape <see cref="PerBucketAsync"/> groups.</summary>
    private sealed class Timed
    {
        public DateTimeOffset? At { get; init; }
        public long? Seconds { get; init; }
    }

    private sealed record Bucket(int Count, long SecondsSum, int SecondsCount);

    public static async Task<Trend> GetAsync(CasesDbContext db, IQueryable<Case> cases, DashboardQuery q, CancellationToken ct)
    {
        var width = q.To - q.From <= TimeSpan.FromDays(62) ? TimeSpan.FromDays(1) : TimeSpan.FromDays(7);
        var starts = new List<DateTimeOffset>();
        for (var start = q.From; start < q.To; start += width) starts.Add(start);

        var opened = await PerBucketAsync(db, cases.Where(c => c.CreatedAt >= q.From && c.CreatedAt < q.To)
            .Select(c => new Timed { At = c.CreatedAt, Seconds = c.DurationSeconds }), q.From, width, ct);
        var closed = await PerBucketAsync(db, cases.Where(c => c.Status == CaseStatus.Closed && c.ClosedAt >= q.From && c.ClosedAt < q.To)
            .Select(c => new Timed { At = c.ClosedAt, Seconds = c.DurationSeconds }), q.From, width, ct);

        Bucket? In(Dictionary<int, Bucket> buckets, int index) => buckets.GetValueOrDefault(index);
        var indexes = Enumerable.Range(0, starts.Count).ToList();
        return new Trend(
            starts.Select(s => s.ToString("MMM d", CultureInfo.InvariantCulture)).ToList(),
            indexes.Select(i => In(opened, i)?.Count ?? 0).ToList(),
            indexes.Select(i => In(closed, i)?.Count ?? 0).ToList(),
            indexes.Select(i => In(closed, i) is { SecondsCount: > 0 } b ? b.SecondsSum / (double)b.SecondsCount : (double?)null).ToList(),
            starts, width);
    }

    /// <summary>
    /// The rows of <paramref name="rows"/> counted per bucket of <paramref name="width"/> from <paramref name="from"/>, with
    /// the sum and count of their durations: the query's SQL wrapped in one <c>GROUP BY</c> both engines run. Times are
    /// stored as UTC ticks, so a bucket is an integer division.
    /// </summary>
    private static async Task<Dictionary<int, Bucket>> PerBucketAsync(CasesDbContext db, IQueryable<Timed> rows, DateTimeOffset from,
        TimeSpan width, CancellationToken ct)
    {
        await using var command = rows.CreateDbCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        AddParameter(command, "@bucket_from", from.UtcTicks);
        AddParameter(command, "@bucket_width", width.Ticks);
        command.CommandText = $"""
            SELECT ("timed"."At" - @bucket_from) / @bucket_width, COUNT(*), COALESCE(SUM("timed"."Seconds"), 0), COUNT("timed"."Seconds")
            FROM (
            {command.CommandText}
            ) AS "timed" GROUP BY 1
            """;
        if (command.Connection!.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var buckets = new Dictionary<int, Bucket>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            buckets[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = new Bucket(Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture));
        return buckets;
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = System.Data.DbType.Int64;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
