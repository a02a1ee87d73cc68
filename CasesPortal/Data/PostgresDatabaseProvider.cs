using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CasesPortal.Data;

/// <summary>
/// The scale-out store: one PostgreSQL database shared by every portal instance. Case files stay on disk under
/// <c>Database:DataFolder</c> (default <c>data</c> beside the portal), which instances must share.
/// </summary>
public sealed class PostgresDatabaseProvider : IDatabaseProvider
{
    public const string Setting = SqliteDatabaseProvider.Setting;
    public const string DataFolderSetting = "Database:DataFolder";

    public PostgresDatabaseProvider(string? configured, string? dataFolder, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(configured))
            throw new ConfigurationProblemException(Setting, "is required with 'Database:Provider' = 'Postgres', e.g. 'Host=db;Database=cases;Username=portal;Password=...'.");
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(configured);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ConfigurationProblemException(Setting, $"not a valid PostgreSQL connection string ({ex.Message.TrimEnd('.')}).");
        }
        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
            throw new ConfigurationProblemException(Setting, "needs 'Host' and 'Database', e.g. 'Host=db;Database=cases;Username=portal;Password=...'.");

        ConnectionString = builder.ConnectionString;
        Location = $"{builder.Host}:{builder.Port}/{builder.Database}";
        DataFolder = Path.GetFullPath(Path.Combine(contentRoot, string.IsNullOrWhiteSpace(dataFolder) ? "data" : dataFolder));
    }

    public string Name => "PostgreSQL";

    public string Location { get; }

    public string DataFolder { get; }

    public string ConnectionString { get; }

    public void Configure(DbContextOptionsBuilder options) =>
        options.UseNpgsql(ConnectionString).AddCaseInsensitiveLike();

    public CasesDbContext CreateContext(DbContextOptions<CasesDbContext> options) => new PostgresCasesDbContext(options);

    public void PrepareStorage()
    {
        try
        {
            Directory.CreateDirectory(DataFolder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ConfigurationProblemException(DataFolderSetting, $"the folder '{DataFolder}' cannot be created ({ex.Message.TrimEnd('.')}).");
        }
    }

    public Task TuneAsync(CasesDbContext db, CancellationToken ct) => Task.CompletedTask;

    public IEvidenceStore CreateEvidenceStore() => new PostgresEvidenceStore(ConnectionString);
}
