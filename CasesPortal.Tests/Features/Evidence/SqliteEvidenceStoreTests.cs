using CasesPortal.Data;
using CasesPortal.Features.Evidence.Model;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Tests.Features.Evidence;

/// <summary>SQLite's evidence writes: a batch never holds the single write lock much past its budget, and keeps the events' word index exact.</summary>
[Trait(Layer.Name, Layer.Unit)]
[Trait(TestProvider.Trait, TestProvider.Sqlite)]
public sealed class SqliteEvidenceStoreTests : IAsyncLifetime
{
    private PortalServices portal = default!;

    public async Task InitializeAsync() => portal = await PortalServices.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private static List<Alert> Alerts(int count, int first = 0) => Enumerable.Range(first, count).Select(i => new Alert
    {
        Id = $"budget-{i:D6}",
        RuleName = $"Rule {i % 40}",
        HostName = $"host-{i % 500}",
        UserName = $"user-{i % 300}",
        Timestamp = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(i),
        Document = $$"""{"kibana.alert.uuid":"budget-{{i:D6}}"}""",
    }).ToList();

    [Fact]
    public async Task A_batch_past_its_write_budget_commits_what_it_wrote_and_leaves_the_rest_untouched()
    {
        var store = new SqliteEvidenceStore(portal.Database.ConnectionString);
        // Far more rows than any machine writes in the budget: the batch stops part way.
        var rows = Alerts(60_000);

        var first = await store.UpsertAsync(rows, CancellationToken.None);

        Assert.InRange(first.Written, 1, rows.Count - 1);
        Assert.All(first.Created.Take(first.Written), Assert.True);
        await using (var db = await portal.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync())
            Assert.Equal(first.Written, await db.Alerts.CountAsync());

        // The rest goes in by further calls, each writing at least one row; a row sent again counts as an update.
        var done = first.Written;
        while (done < rows.Count)
            done += (await store.UpsertAsync(rows.GetRange(done, rows.Count - done), CancellationToken.None)).Written;
        var again = await store.UpsertAsync(Alerts(1, first: 0), CancellationToken.None);
        Assert.Equal((1, false), (again.Written, again.Created[0]));
        await using (var db = await portal.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync())
            Assert.Equal(rows.Count, await db.Alerts.CountAsync());
    }

    private static List<SecurityEvent> Events(int count, string word) => Enumerable.Range(0, count).Select(i => new SecurityEvent
    {
        Id = $"words-{i:D6}",
        HostName = $"host-{i % 500}",
        Message = $"{word} seen on host-{i % 500}",
        Timestamp = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(i),
        Document = $$"""{"_id":"words-{{i:D6}}"}""",
    }).ToList();

    private async Task<long> WordCountAsync(string word)
    {
        await using var db = await portal.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{EventTextIndex.Table}\" WHERE \"{EventTextIndex.Table}\" MATCH '{word}'";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int> UpsertAllAsync(SqliteEvidenceStore store, List<SecurityEvent> rows)
    {
        var done = 0;
        while (done < rows.Count)
            done += (await store.UpsertAsync(rows.GetRange(done, rows.Count - done), CancellationToken.None)).Written;
        return done;
    }

    [Fact]
    public async Task The_word_index_holds_exactly_the_events_written_when_a_batch_is_cut_and_when_events_are_sent_again()
    {
        var store = new SqliteEvidenceStore(portal.Database.ConnectionString);
        var first = Events(20_000, "zebra");

        var cut = await store.UpsertAsync(first, CancellationToken.None);

        Assert.InRange(cut.Written, 1, first.Count - 1);
        Assert.Equal(cut.Written, await WordCountAsync("zebra"));
        await UpsertAllAsync(store, first.GetRange(cut.Written, first.Count - cut.Written));
        Assert.Equal(first.Count, await WordCountAsync("zebra"));

        // Sent again with new words, also cut part way: the events not yet rewritten keep their old words until they are.
        var again = Events(20_000, "giraffe");
        var resent = await store.UpsertAsync(again, CancellationToken.None);
        Assert.Equal((resent.Written, first.Count - resent.Written), (await WordCountAsync("giraffe"), await WordCountAsync("zebra")));
        await UpsertAllAsync(store, again.GetRange(resent.Written, again.Count - resent.Written));
        Assert.Equal((again.Count, 0L, again.Count), (await WordCountAsync("giraffe"), await WordCountAsync("zebra"), await WordCountAsync("seen")));
    }
}
