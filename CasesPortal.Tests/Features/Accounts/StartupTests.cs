using CasesPortal.Data;
using CasesPortal.Features.Accounts;
using CasesPortal.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Tests.Features.Accounts;

[Trait(Layer.Name, Layer.Unit)]
public sealed class StartupTests
{
    [Trait(TestProvider.Trait, TestProvider.Sqlite)]
    [Fact]
    public async Task A_fresh_database_is_migrated_in_WAL_mode_with_the_roles_and_the_configured_admin()
    {
        await using var portal = await PortalServices.StartAsync();

        await using var db = await portal.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToAsyncEnumerable().FirstAsync());
        Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
        var admin = (await portal.Get<UserAdminService>().ListAsync()).Single();
        Assert.Equal(TestAccounts.AdminEmail, admin.Email);
        Assert.Equal([Roles.Admin], admin.Roles);
    }

    [Fact]
    public async Task Without_bootstrap_settings_the_admin_gets_a_generated_password_printed_once()
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            await using var portal = await PortalServices.StartAsync(new() { ["Bootstrap:AdminEmail"] = "", ["Bootstrap:AdminPassword"] = "" });

            var printed = output.ToString();
            Assert.Contains("Email:    admin@localhost", printed);
            var password = printed.Split('\n').Single(l => l.Contains("Password:")).Split("Password:")[1].Trim();
            await using var scope = portal.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync("admin@localhost"))!, password));

            // A later start never changes existing accounts and prints nothing.
            output.GetStringBuilder().Clear();
            await portal.Get<AccountBootstrapper>().RunAsync(CancellationToken.None);
            Assert.DoesNotContain("Password:", output.ToString());
            Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync("admin@localhost"))!, password));
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    [Trait(TestProvider.Trait, TestProvider.Sqlite)]
    [Theory]
    [InlineData("Bootstrap:AdminPassword", "short", "Bootstrap:AdminPassword", "at least 12 characters")]
    [InlineData("Bootstrap:AdminEmail", "not an email", "Bootstrap:AdminEmail", "not a valid email")]
    [InlineData("ConnectionStrings:Cases", "Data Source=x.db;Nonsense Key=1", "ConnectionStrings:Cases", "not a valid SQLite connection string")]
    [InlineData("ConnectionStrings:Cases", "Data Source=/etc/hostname/cases.db", "ConnectionStrings:Cases", "cannot be created or written")]
    public async Task A_bad_setting_stops_start_up_with_one_line_naming_it(string key, string value, string setting, string reason)
    {
        await using var portal = PortalServices.Build(new() { [key] = value });

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => portal.Services.PrepareCasesPortalAsync());

        var line = PortalArguments.DescribeStartupProblem(failure);
        Assert.NotNull(line);
        Assert.Contains($"'{setting}'", line);
        Assert.Contains(reason, line);
        Assert.DoesNotContain("\n", line);
    }

    [Fact]
    public void A_relative_database_file_is_placed_under_the_content_root_not_the_working_folder()
    {
        var provider = new SqliteDatabaseProvider("Data Source=data/cases.db", "/srv/portal");

        Assert.Equal("/srv/portal/data/cases.db", provider.Location);
        Assert.Equal("/srv/portal/data/cases.db", new SqliteDatabaseProvider(null, "/srv/portal").Location);
    }

    [Fact]
    public void A_new_database_file_gets_large_pages_and_an_existing_one_is_left_as_it_is()
    {
        var folder = Directory.CreateTempSubdirectory("cases-pages-").FullName;
        try
        {
            var fresh = Path.Combine(folder, "fresh.db");
            new SqliteDatabaseProvider($"Data Source={fresh}", folder).PrepareStorage();
            Assert.Equal(SqliteDatabaseProvider.PageSize, PageSize(fresh));

            var existing = Path.Combine(folder, "existing.db");
            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={existing}"))
            {
                connection.Open();
                using var create = connection.CreateCommand();
                create.CommandText = "PRAGMA page_size = 4096; CREATE TABLE t (x);";
                create.ExecuteNonQuery();
            }
            new SqliteDatabaseProvider($"Data Source={existing}", folder).PrepareStorage();
            Assert.Equal(4096, PageSize(existing));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static long PageSize(string file)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size;";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public void The_seed_demo_switch_becomes_the_demo_setting()
    {
        Assert.Equal(["--urls", "http://127.0.0.1:9000", "--Demo:Seed=true"],
            PortalArguments.Normalize(["--urls", "http://127.0.0.1:9000", "--seed-demo"]));
    }

    [Fact]
    public async Task Demo_data_adds_a_realistic_team_once()
    {
        await using var portal = await PortalServices.StartAsync(new() { ["Demo:Seed"] = "true", ["Demo:Password"] = "demo passphrase 123" });

        var accounts = await portal.Get<UserAdminService>().ListAsync();
        Assert.Equal(6, accounts.Count);
        Assert.Contains(accounts, a => a.Roles.Contains(Roles.Lead));
        Assert.Contains(accounts, a => a.Roles.Contains(Roles.Viewer));
        await portal.Get<DemoSeeder>().SeedAsync(CancellationToken.None);
        Assert.Equal(6, (await portal.Get<UserAdminService>().ListAsync()).Count);

        var cases = await portal.Get<CasesPortal.Features.Cases.Services.CaseQueries>().FindAsync(new() { PerPage = 100 });
        Assert.Equal(50, cases.Total);
        Assert.True(cases.CountOpen > 0 && cases.CountInProgress > 0 && cases.CountClosed > 0);
        Assert.True(cases.Cases.Sum(c => c.CommentCount) > 30);
        Assert.True(cases.Cases.Select(c => c.Tags.Count).Sum() > 50);

        // The sample files plus their variations, attached to the cases they would have raised.
        await using var db = await portal.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync();
        Assert.True(await db.Alerts.CountAsync() > DemoEvidence.GeneratedAlerts);
        Assert.True(await db.SecurityEvents.CountAsync() > DemoEvidence.GeneratedEvents);
        Assert.True(await db.Indicators.CountAsync() >= 5);
        Assert.Contains(await db.Alerts.Select(a => a.HostName).Distinct().ToListAsync(), h => h == "DC-01");
        Assert.True(cases.Cases.Count(c => c.TotalAlerts > 0) >= 40, "most demo cases hold alerts");
        Assert.True(await db.CaseEvents.AnyAsync());
        Assert.Equal(4, await db.Timelines.CountAsync());
        Assert.True(await db.TimelinePins.AnyAsync());
        Assert.Equal(2, await db.CaseTimelines.CountAsync());
        var linked = await db.Cases.Where(c => c.Description.Contains("/timelines?timeline=(id:'")).Select(c => c.Description).ToListAsync();
        Assert.Equal(2, linked.Count);
        Assert.All(linked, d => Assert.True(CasesPortal.Features.Timelines.TimelineLinks.TryReadId(d, out var id) && db.Timelines.Any(t => t.Id == id)));
    }
}
