using CasesPortal.Data;
using CasesPortal.Features.Evidence.Model;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Tests.Features.Evidence;

/// <summary>SQLite's evidence writes: a batch never holds the single write lock much past its budget.</summary>
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
}
