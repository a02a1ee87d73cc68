using CasesPortal.Data;
using CasesPortal.Features.Cases.Files;

namespace CasesPortal.Hosting.Backup;

/// <summary>
/// <c>dotnet run --project CasesPortal -- backup &lt;folder&gt;</c>: a consistent copy of the database and the case files
/// while the portal keeps running, read through the same settings as the portal (so it finds the same database).
/// </summary>
public static class BackupCommand
{
    public static bool IsBackup(string[] args) => args is ["backup", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct = default)
    {
        if (args is not ["backup", var target, .. var settings] || target.StartsWith("--", StringComparison.Ordinal))
        {
            output.WriteLine("Usage: backup <empty or new folder> [--Section:Key=value settings, as for the portal]");
            return 2;
        }
        target = Path.GetFullPath(target);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            output.WriteLine($"The folder {target} is not empty: a backup never overwrites another one. Choose a new folder.");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = settings });
        builder.AddCasesPortal(settings);
        await using var app = builder.Build();
        var provider = app.Services.GetRequiredService<IDatabaseProvider>();
        var files = app.Services.GetRequiredService<FileStore>();
        try
        {
            var report = provider is SqliteDatabaseProvider sqlite
                ? await new SqliteBackup(sqlite, files).RunAsync(target, ct)
                : null;
            if (report is null)
            {
                output.WriteLine($"The {provider.Name} database is backed up with its own tools (for PostgreSQL: pg_dump); this command copies SQLite databases.");
                return 1;
            }
            output.WriteLine(report.Describe(target));
            return report.MissingFiles == 0 ? 0 : 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            output.WriteLine($"The backup failed: {ex.Message}");
            RemovePartialCopy(target);
            return 1;
        }
    }

    /// <summary>A failed backup leaves nothing that could later be mistaken for a good one.</summary>
    private static void RemovePartialCopy(string folder)
    {
        try
        {
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
                if (entry is DirectoryInfo directory) directory.Delete(recursive: true); else entry.Delete();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
