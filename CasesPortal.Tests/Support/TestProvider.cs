using CasesPortal.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CasesPortal.Tests.Support;

/// <summary>
/// The database engine of this test run. <c>CASESPORTAL_TEST_PROVIDER=Postgres</c> runs the same suites on PostgreSQL,
/// on the server of <c>CASESPORTAL_POSTGRES</c> (a connection string whose user may create databases).
/// Tests that only make sense on one engine carry <c>[Trait("Provider", ...)]</c>, so each run filters them out.
/// </summary>
public static class TestProvider
{
    public const string Trait = "Provider";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static string Name =>
        string.Equals(Environment.GetEnvironmentVariable("CASESPORTAL_TEST_PROVIDER"), Postgres, StringComparison.OrdinalIgnoreCase) ? Postgres : Sqlite;

    public static bool IsPostgres => Name == Postgres;

    /// <summary>The PostgreSQL server for throwaway databases, or null when none is configured.</summary>
    public static string? PostgresServerOrNull => Environment.GetEnvironmentVariable("CASESPORTAL_POSTGRES") is { Length: > 0 } value ? value : null;

    public static bool PostgresRequired => Environment.GetEnvironmentVariable("CASESPORTAL_REQUIRE_POSTGRES") == "1";

    public static string MissingPostgresReason =>
        "No PostgreSQL server: set CASESPORTAL_POSTGRES to a connection string whose user may create databases (e.g. 'Host=127.0.0.1;Port=5432;Username=postgres').";

    public static string PostgresServer => PostgresServerOrNull
        ?? throw new InvalidOperationException($"CASESPORTAL_TEST_PROVIDER=Postgres: {MissingPostgresReason}");

    /// <summary>
    /// A fresh, already migrated database on the server, with the connection string to it. Migrating an empty PostgreSQL
    /// database takes seconds; copying a migrated template takes a fraction of one, so the run migrates once.
    /// </summary>
    public static (string Name, string ConnectionString) NewPostgresDatabase()
    {
        var template = Template.Value;
        var name = "casesportal_test_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return (name, ConnectionTo(name));
    }

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string CreateTemplate()
    {
        var name = "casesportal_template_" + Guid.NewGuid().ToString("N");
        using (var db = new PostgresCasesDbContext(new DbContextOptionsBuilder<CasesDbContext>().UseNpgsql(ConnectionTo(name)).Options))
            db.Database.Migrate();
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropPostgresDatabase(name);
        return name;
    }

    private static string ConnectionTo(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database }.ConnectionString;

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static void DropPostgresDatabase(string name)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionTo(name)));
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }
}
