namespace CasesPortal.Tests.Support;

/// <summary>
/// A throwaway database for one test, on the engine chosen for the whole run: a SQLite file in its own temporary folder
/// (the default), or, with <c>CASESPORTAL_TEST_PROVIDER=Postgres</c>, a fresh database on the server named by
/// <c>CASESPORTAL_POSTGRES</c> (the portal's migrations create it). Both are deleted with the test; case files always
/// go to the temporary folder.
/// </summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string? postgresDatabase;

    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "casesportal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        if (TestProvider.IsPostgres)
        {
            (postgresDatabase, ConnectionString) = TestProvider.NewPostgresDatabase();
        }
        else ConnectionString = $"Data Source={FilePath}";
    }

    public string Folder { get; }
    public string FilePath => Path.Combine(Folder, "cases.db");
    public string ConnectionString { get; }

    /// <summary>The portal settings that point it at this database.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["ConnectionStrings:Cases"] = ConnectionString,
        ["Database:Provider"] = TestProvider.Name,
        ["Database:DataFolder"] = Path.Combine(Folder, "data"),
    };

    public void Dispose()
    {
        if (postgresDatabase is not null) TestProvider.DropPostgresDatabase(postgresDatabase);
        else Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
