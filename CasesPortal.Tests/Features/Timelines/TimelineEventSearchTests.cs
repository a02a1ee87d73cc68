using CasesPortal.Data;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;
using CasesPortal.Features.Timelines;
using CasesPortal.Features.Timelines.Query;
using CasesPortal.Tests.Features.Evidence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Tests.Features.Timelines;

/// <summary>Queries run for real over the sample events (nested, dotted and mixed ECS documents).</summary>
[Trait(Layer.Name, Layer.Unit)]
public sealed class TimelineEventSearchTests : IAsyncLifetime
{
    private PortalServices portal = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        await IngestAsync(Samples.Bytes(Samples.Events));
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task IngestAsync(byte[] body) =>
        Assert.True((await portal.Get<EvidenceIngestService>().IngestAsync(EvidenceKind.Events, body, CancellationToken.None)).Succeeded);

    private async Task<List<string>> IdsAsync(string query, params TimelineFilter[] filters)
    {
        var result = await portal.Get<TimelineEventSearch>().FindAsync(new TimelineSearch { Query = query, Filters = filters, PerPage = 100 });
        Assert.True(result.Succeeded, result.Problem);
        Assert.Equal(result.Value!.Events.Count, result.Value.Total);
        return result.Value.Events.Select(e => e.Id).ToList();
    }

    [Theory]
    [InlineData("host.name:WS-042", 2)]
    [InlineData("process.name:power*", 2)]
    [InlineData("not host.name:WS-042", 4)]
    [InlineData("event.code:4625", 1)]
    [InlineData("event.code:\"4625\"", 1)]
    [InlineData("destination.port:443", 1)]
    [InlineData("destination.port >= 53", 2)]
    [InlineData("destination.port > 53", 1)]
    [InlineData("dns.question.name:*", 1)]
    [InlineData("source.geo.country_iso_code:NL", 1)]
    [InlineData("event.category:authentication", 3)]
    [InlineData("host.name:DC-01 and (event.outcome:failure or event.outcome:success)", 2)]
    [InlineData("host.name:DC-01 AND NOT event.outcome:failure", 1)]
    [InlineData("@timestamp < \"2026-11-27T09:00:00Z\"", 3)]
    [InlineData("@timestamp >= \"2026-11-27\" and @timestamp < \"2026-11-28\"", 6)]
    [InlineData("failed", 2)]
    [InlineData("malicious", 1)]
    [InlineData("\"account failed\"", 1)]
    [InlineData("powersh*", 2)]
    [InlineData("message:ssh2", 1)]
    [InlineData("svc-backup", 2)]
    [InlineData("mimikatz", 0)]
    [InlineData("user.name:*", 6)]
    [InlineData("related.user:root", 1)]
    public async Task Queries_match_indexed_columns_documents_and_full_text(string query, int expected) =>
        Assert.Equal(expected, (await IdsAsync(query)).Count);

    [Fact]
    public async Task Results_are_newest_first()
    {
        var result = await portal.Get<TimelineEventSearch>().FindAsync(new TimelineSearch { PerPage = 100 });
        var times = result.Value!.Events.Select(e => e.Timestamp!.Value).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
    }

    [Fact]
    public async Task Filters_can_be_inverted_and_disabled()
    {
        var oneOf = new TimelineFilter("host.name", TimelineFilter.IsOneOf, ["WS-042", "web-03"]);
        Assert.Equal(4, (await IdsAsync("", oneOf)).Count);
        Assert.Equal(2, (await IdsAsync("", oneOf with { Negate = true })).Count);
        Assert.Equal(6, (await IdsAsync("", oneOf with { Disabled = true })).Count);
        Assert.Equal(4, (await IdsAsync("", new TimelineFilter("host.name", TimelineFilter.IsNot, ["DC-01"]))).Count);
        Assert.Single(await IdsAsync("", new TimelineFilter("dns.question.name", TimelineFilter.Exists, [])));
        Assert.Single(await IdsAsync("event.outcome:failure", new TimelineFilter("host.name", TimelineFilter.Is, ["DC-01"])));
    }

    [Fact]
    public async Task A_syntax_error_runs_nothing_and_says_where()
    {
        var result = await portal.Get<TimelineEventSearch>().FindAsync(new TimelineSearch { Query = "host.name:WS-042 and (" });
        Assert.Null(result.Value);
        Assert.Equal(22, result.Error!.Position);
    }

    [Fact]
    public async Task The_full_text_index_follows_updates_of_an_event()
    {
        await IngestAsync(Samples.Utf8("""{"_id":"evt-x","@timestamp":"2026-11-27T11:00:00Z","message":"first words zebra"}"""));
        Assert.Single(await IdsAsync("zebra"));
        await IngestAsync(Samples.Utf8("""{"_id":"evt-x","@timestamp":"2026-11-27T11:00:00Z","message":"second words giraffe"}"""));
        Assert.Empty(await IdsAsync("zebra"));
        Assert.Single(await IdsAsync("giraffe"));
    }

    [Fact]
    public async Task Totals_past_ten_thousand_are_a_lower_bound_and_the_histogram_counts_every_event()
    {
        var lines = Enumerable.Range(0, 10_050).Select(i =>
            $$"""{"_id":"bulk-{{i}}","@timestamp":"2026-10-01T00:{{i % 60:00}}:00Z","host":{"name":"bulk"},"message":"bulk event"}""");
        await IngestAsync(Samples.Utf8(string.Join('\n', lines)));
        var result = await portal.Get<TimelineEventSearch>().FindAsync(new TimelineSearch { Query = "host.name:bulk", PerPage = 10 });
        Assert.Equal((10_000, true, "10,000+"), (result.Value!.Total, result.Value.TotalIsAtLeast, result.Value.TotalText));

        var histogram = await portal.Get<TimelineEventSearch>().HistogramAsync(new TimelineSearch { Query = "host.name:bulk" });
        Assert.Equal(10_050, histogram.Value!.Sum(b => b.Count));
    }

    [Trait(TestProvider.Trait, TestProvider.Sqlite)]
    [Fact]
    public async Task A_query_past_its_budget_is_interrupted_in_the_engine()
    {
        await using var db = await portal.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var started = DateTime.UtcNow;
        var result = await TimelineEventSearch.WithBudgetAsync(connection, SqliteEventQuerySql.Instance, TimeSpan.FromMilliseconds(200), async _ =>
        {
            await using var slow = connection.CreateCommand();
            slow.CommandText = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT COUNT(*) FROM n";
            return await slow.ExecuteScalarAsync();
        }, CancellationToken.None);
        Assert.Equal(TimeSpan.FromMilliseconds(200), result.StoppedAfter);
        Assert.Contains("stopped", result.Problem);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));

        // The connection is usable afterwards.
        await using var next = connection.CreateCommand();
        next.CommandText = "SELECT 1";
        Assert.Equal(1L, await next.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_service_stops_a_slow_timeline_query_at_the_configured_budget()
    {
        await using var tight = await PortalServices.StartAsync(new() { ["Timelines:QueryBudgetSeconds"] = "0.001" });
        var lines = Enumerable.Range(0, 20_000).Select(i => "{\"_id\":\"s-" + i + "\",\"@timestamp\":\"2026-10-01T00:00:00Z\",\"a\":{\"b\":{\"c\":\"v" + i + "\"}}}");
        Assert.True((await tight.Get<EvidenceIngestService>().IngestAsync(EvidenceKind.Events, Samples.Utf8(string.Join('\n', lines)), CancellationToken.None)).Succeeded);
        var result = await tight.Get<TimelineEventSearch>().FindAsync(new TimelineSearch { Query = "a.b.c:nothing or not a.b.c:v* or x.y:*" });
        Assert.NotNull(result.StoppedAfter);
    }

    [Trait(TestProvider.Trait, TestProvider.Sqlite)]
    [Fact]
    public async Task Indexed_queries_use_the_indexes_and_the_timestamp_order()
    {
        var (where, _) = TimelineEventSearch.Condition(new TimelineSearch { Query = "host.name:WS-042" });
        await using var db = await portal.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = $"EXPLAIN QUERY PLAN SELECT e.\"Id\" FROM \"SecurityEvents\" AS e WHERE {where!.Sql} ORDER BY e.\"Timestamp\" DESC, e.\"Id\" LIMIT 25";
        foreach (var (name, value) in where.Parameters) explain.Parameters.AddWithValue(name, value);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        Assert.Contains(plan, p => p.Contains("USING INDEX") && p.Contains("HostName"));
        Assert.DoesNotContain(plan, p => p.Contains("USE TEMP B-TREE FOR ORDER BY"));
    }

    [Fact]
    public async Task Results_sort_on_an_indexed_column_with_ties_newest_first_and_missing_values_last()
    {
        async Task<List<(string? User, DateTimeOffset? At)>> SortedAsync(string field, bool ascending)
        {
            var result = await portal.Get<TimelineEventSearch>().FindAsync(new TimelineSearch { PerPage = 100, SortField = field, Ascending = ascending });
            return result.Value!.Events.Select(e => (EventFields.Read(e.Document, ["user.name"])["user.name"] is { Length: > 0 } u ? u : null, e.Timestamp)).ToList();
        }
        var ascending = await SortedAsync("user.name", true);
        var named = ascending.TakeWhile(e => e.User is not null).ToList();
        Assert.Equal(named.Select(e => e.User).Order(StringComparer.Ordinal), named.Select(e => e.User));
        Assert.All(ascending.Skip(named.Count), e => Assert.Null(e.User));
        foreach (var group in named.GroupBy(e => e.User))
            Assert.Equal(group.Select(e => e.At).OrderDescending(), group.Select(e => e.At));
        var descending = await SortedAsync("user.name", false);
        Assert.Equal(named.Select(e => e.User).Reverse().Distinct(), descending.Where(e => e.User is not null).Select(e => e.User).Distinct());
        var oldestFirst = await SortedAsync(KqlFields.Timestamp, true);
        Assert.Equal(oldestFirst.Select(e => e.At).Order(), oldestFirst.Select(e => e.At));
    }

    [Fact]
    public async Task A_document_field_matches_nested_dotted_and_mixed_forms()
    {
        await IngestAsync(Samples.Utf8(string.Join('\n',
            """{"_id":"form-nested","@timestamp":"2026-11-20T10:00:00Z","process":{"parent":{"name":"explorer.exe","pid":400}},"host":{"os":{"name":"Windows"}}}""",
            """{"_id":"form-dotted","@timestamp":"2026-11-20T10:01:00Z","process.parent.name":"explorer.exe","process.parent.pid":401,"host.os.name":"Windows"}""",
            """{"_id":"form-mixed-leaf","@timestamp":"2026-11-20T10:02:00Z","process":{"parent.name":"explorer.exe","parent.pid":402},"host":{"os.name":"Windows"}}""",
            """{"_id":"form-mixed-branch","@timestamp":"2026-11-20T10:03:00Z","process.parent":{"name":"explorer.exe","pid":403},"host.os":{"name":"Windows"}}""")));
        string[] all = ["form-dotted", "form-mixed-branch", "form-mixed-leaf", "form-nested"];
        foreach (var query in new[] { "process.parent.name:explorer.exe", "process.parent.name:explor*", "process.parent.name:*", "process.parent.pid >= 400",
                     "process.parent.pid:402 or process.parent.pid:400 or process.parent.pid:401 or process.parent.pid:403", "host.os.name:Windows" })
            Assert.Equal(all, (await IdsAsync(query)).Where(id => id.StartsWith("form-")).Order());
        Assert.Equal(["form-mixed-branch", "form-mixed-leaf"], (await IdsAsync("process.parent.pid > 401")).Where(id => id.StartsWith("form-")).Order());
        Assert.DoesNotContain(await IdsAsync("not process.parent.name:explorer.exe"), id => id.StartsWith("form-"));
        Assert.Equal(all, (await IdsAsync("", new TimelineFilter("process.parent.name", TimelineFilter.Is, ["explorer.exe"]))).Where(id => id.StartsWith("form-")).Order());
    }
}
