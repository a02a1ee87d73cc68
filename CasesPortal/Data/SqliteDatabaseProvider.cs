using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Data;

/// <summary>The embedded default store: one SQLite file in WAL mode.</summary>
public sealed class SqliteDatabaseProvider : IDatabaseProvider
{
    public const string Setting = "ConnectionStrings:Cases";
    public const string DefaultConnectionString = "Data Source=data/cases.db";

    private readonly string connectionString;

    public SqliteDatabaseProvider(string? configured, string contentRoot)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ConfigurationProblemException(Setting, $"not a valid SQLite connection string ({ex.Message.TrimEnd('.')}).");
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw new ConfigurationProblemException(Setting, "'Data Source' is missing; give the database file, e.g. 'Data Source=data/cases.db'.");

        // A relative file is taken from the content root, not from whatever folder the portal was started in.
        if (!IsInMemory(builder.DataSource) && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));

        connectionString = builder.ToString();
        Location = builder.DataSource;
        // The folder of the database file; an in-memory database keeps its files where the default file would be.
        DataFolder = IsInMemory(Location) ? Path.GetFullPath(Path.Combine(contentRoot, "data")) : Path.GetDirectoryName(Location)!;
    }

    public string Name => "SQLite";

    public string Location { get; }

    public string DataFolder { get; }

    public string ConnectionString => connectionString;

    public void Configure(DbContextOptionsBuilder options) =>
        options.UseSqlite(connectionString).AddInterceptors(new DocumentValueSearch.SqliteRegistration());

    public CasesDbContext CreateContext(DbContextOptions<CasesDbContext> options) => new(options);

    public void PrepareStorage()
    {
        if (IsInMemory(Location)) return;

        var folder = Path.GetDirectoryName(Location)!;
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ConfigurationProblemException(Setting, $"the folder '{folder}' cannot be created or written ({ex.Message.TrimEnd('.')}).");
        }
        if (!File.Exists(Location)) CreateDatabaseFile();
    }

    /// <summary>
    /// Evidence rows carry their whole JSON document and a dozen indexes; on SQLite's default 4 KiB pages a bulk
    /// import spends most of its time splitting and rewriting small index pages. 16 KiB pages about double the rate.
    /// The page size can only be chosen before the first table exists, so a new file gets it here.
    /// </summary>
    private void CreateDatabaseFile()
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA page_size = {PageSize}; PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
    }

    public const int PageSize = 16384;

    public async Task TuneAsync(CasesDbContext db, CancellationToken ct)
    {
        if (IsInMemory(Location)) return;
        // WAL lets readers run beside the single writer; it is persistent in the file once set.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    public IEvidenceStore CreateEvidenceStore() => new SqliteEvidenceStore(connectionString);

    private static bool IsInMemory(string dataSource) =>
        dataSource == ":memory:" || dataSource.StartsWith("file::memory:", StringComparison.OrdinalIgnoreCase);
}
