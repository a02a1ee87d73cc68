using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Data;

/// <summary>
/// The one seam for everything that differs between database engines: connection set-up,
/// storage preparation, engine pragmas and (later) raw SQL, upserts and full-text search.
/// Features never branch on the engine; they ask this.
/// </summary>
public interface IDatabaseProvider
{
    /// <summary>Display name, e.g. "SQLite".</summary>
    string Name { get; }

    /// <summary>Where the data lives, for the start-up banner (a file path or a server).</summary>
    string Location { get; }

    /// <summary>The folder for the portal's own files beside the database (case files live under <c>files/</c> in it).</summary>
    string DataFolder { get; }

    void Configure(DbContextOptionsBuilder options);

    /// <summary>The context for this engine: its type chooses the migration set.</summary>
    CasesDbContext CreateContext(DbContextOptions<CasesDbContext> options);

    /// <summary>Checks the storage is usable (folder exists and is writable); throws <see cref="ConfigurationProblemException"/> otherwise.</summary>
    void PrepareStorage();

    /// <summary>Engine settings applied once after migrations (e.g. SQLite WAL journal).</summary>
    Task TuneAsync(CasesDbContext db, CancellationToken ct);

    /// <summary>The engine's bulk upsert of ingested alerts, events and indicators.</summary>
    IEvidenceStore CreateEvidenceStore();

}
