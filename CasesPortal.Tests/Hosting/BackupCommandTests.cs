using System.Text;
using CasesPortal.Features.Cases.Files;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Hosting.Backup;
using CasesPortal.Tests.Features.Cases;
using Microsoft.Data.Sqlite;

namespace CasesPortal.Tests.Hosting;

/// <summary>The backup command against a live portal's database: a consistent copy, while the portal keeps writing.</summary>
[Trait(Layer.Name, Layer.Unit)]
[Trait(TestProvider.Trait, TestProvider.Sqlite)]
public sealed class BackupCommandTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private CaseTeam team = default!;
    private readonly string target = Path.Combine(Path.GetTempPath(), "casesportal-tests", $"backup-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        team = await CaseTeam.CreateAsync(portal);
    }

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
    }

    private Task<int> BackupAsync(StringWriter output) =>
        BackupCommand.RunAsync(["backup", target, $"--ConnectionStrings:Cases={portal.Database.ConnectionString}"], output);

    [Fact]
    public async Task The_copy_holds_the_cases_and_the_case_files_and_opens_as_a_portal_database()
    {
        var item = (await portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Beaconing from WS-042", "Seen at 09:00.", ["c2"]))).Value!;
        var files = portal.Get<CaseFileService>();
        var staged = (await files.StageAsync(new MemoryStream(Encoding.UTF8.GetBytes("pcap summary")), "beacon.txt", "text/plain")).Value!;
        Assert.True((await files.AttachAsync(team.Analyst, item.Id, [staged])).Succeeded);
        var output = new StringWriter();

        Assert.Equal(0, await BackupAsync(output));

        Assert.Matches(@"^Backed up the database \([\d.]+ MiB\) and 1 case files \([\d.]+ MiB\) to .+ in [\d.]+ s\.", output.ToString());
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("pcap summary")));
        Assert.Equal("pcap summary", await File.ReadAllTextAsync(Path.Combine(target, SqliteBackup.FilesFolderName, sha[..2], sha)));
        await using var restored = await PortalServices.StartAsync(new() { ["ConnectionStrings:Cases"] = $"Data Source={Path.Combine(target, SqliteBackup.DatabaseFileName)}" });
        var view = await restored.Get<CaseQueries>().GetAsync(item.Id);
        Assert.Equal("Beaconing from WS-042", view!.Title);
    }

    [Fact]
    public async Task A_backup_taken_while_cases_are_being_created_is_a_consistent_moment()
    {
        using var stop = new CancellationTokenSource();
        var created = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase($"Case {created}", "Found by the night shift.", []));
                created++;
            }
        });
        while (created < 5) await Task.Delay(10);

        Assert.Equal(0, await BackupAsync(new StringWriter()));
        await stop.CancelAsync();
        await writer;

        await using var copy = new SqliteConnection($"Data Source={Path.Combine(target, SqliteBackup.DatabaseFileName)};Pooling=false");
        await copy.OpenAsync();
        await using var count = copy.CreateCommand();
        count.CommandText = "SELECT count(*), count(DISTINCT \"Number\"), max(\"Number\") FROM \"Cases\";";
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.InRange(reader.GetInt64(0), 5, created);
        Assert.Equal(reader.GetInt64(0), reader.GetInt64(1));
        Assert.Equal(reader.GetInt64(0), reader.GetInt64(2));   // numbers 1..N with no gap: every case up to one moment, none after
    }

    [Fact]
    public async Task A_folder_that_is_not_empty_is_refused_and_left_as_it_was()
    {
        Directory.CreateDirectory(target);
        await File.WriteAllTextAsync(Path.Combine(target, "last-week.db"), "older backup");
        var output = new StringWriter();

        Assert.Equal(2, await BackupAsync(output));

        Assert.StartsWith($"The folder {target} is not empty", output.ToString());
        Assert.Equal("older backup", await File.ReadAllTextAsync(Path.Combine(target, "last-week.db")));
    }

    [Fact]
    public async Task Without_a_folder_the_usage_is_printed()
    {
        var output = new StringWriter();

        Assert.Equal(2, await BackupCommand.RunAsync(["backup"], output));

        Assert.StartsWith("Usage: backup", output.ToString());
    }
}
