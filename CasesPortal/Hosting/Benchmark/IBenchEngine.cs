namespace CasesPortal.Hosting.Benchmark;

/// <summary>
/// What differs between the database engines the benchmark runs on: where its database lives, the portal's settings for
/// it, the bulk builder, the hand-written SQL the portal is compared with, and what is left behind afterwards.
/// Disposing it removes the database unless it is to be kept.
/// </summary>
public interface IBenchEngine : IAsyncDisposable
{
    /// <summary>The engine and its version, for the machine line.</summary>
    string Version { get; }

    /// <summary>Where the database is: a folder, or a database on a server.</summary>
    string Location { get; }

    /// <summary>The portal's command-line settings that point it at this database.</summary>
    IReadOnlyList<string> PortalSettings { get; }

    /// <summary>Fills the migrated, empty database by bulk SQL.</summary>
    BenchFacts Build(BenchSize size, TextWriter log);

    /// <summary>The facts and the size of a database an earlier run built and kept.</summary>
    (BenchFacts Facts, BenchSize Size) Read(BenchSize size);

    double SizeMb();

    /// <summary>Lets go of pooled connections, before the database is used by another process or removed.</summary>
    void ReleaseConnections();

    Task<BenchHandQueries> OpenHandQueriesAsync();

    Task<IBenchHandIngest> OpenHandIngestAsync();
}

/// <summary>The physical limit of ingest: alerts written by the engine's fastest hand-written insert, one transaction per call.</summary>
public interface IBenchHandIngest : IAsyncDisposable
{
    Task InsertAsync(IReadOnlyList<BenchAlert> alerts);
}
