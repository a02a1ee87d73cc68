using System.Globalization;

namespace CasesPortal.Hosting.Benchmark;

/// <summary>What the benchmark builds and how hard it measures; parsed from <c>bench</c>'s arguments.</summary>
public sealed record BenchSize
{
    public const string Usage =
        "Usage: bench [--cases N (default 100,000)] [--alerts N (default 1,000,000)] [--events N (default 2,000,000)] " +
        "[--ingest N (default 200,000)] [--iterations K (default 30)] [--circuits N (default 50)] [--data <empty folder>] [--keep] " +
        "[--reuse <folder kept by an earlier run> (SQLite only)] [--provider sqlite|postgres (default sqlite)] " +
        "[--connection <Npgsql connection string to a server> (required with postgres; a database casesportal_bench_<random> is made there, dropped unless --keep)]";

    public int Cases { get; init; } = 100_000;
    public int Alerts { get; init; } = 1_000_000;
    public int Events { get; init; } = 2_000_000;
    public int Ingest { get; init; } = 200_000;
    public int Iterations { get; init; } = 30;
    public int Circuits { get; init; } = 50;
    public string? Folder { get; init; }
    public bool Keep { get; init; }

    /// <summary>Measure the database an earlier run built and kept in <see cref="Folder"/> instead of building one.</summary>
    public bool Reuse { get; init; }

    /// <summary>PostgreSQL instead of SQLite, on the server of <see cref="Connection"/>.</summary>
    public bool Postgres { get; init; }

    /// <summary>The Npgsql connection string to the PostgreSQL server the benchmark makes its database on.</summary>
    public string? Connection { get; init; }

    /// <summary>The alerts of the case every case-level figure is measured on: 100,000 when there are that many.</summary>
    public int BigCaseAlerts => Math.Min(100_000, Alerts / 2);

    public static BenchSize? Parse(string[] args)
    {
        var size = new BenchSize();
        for (var i = 0; i < args.Length; i++)
        {
            int? Number(int min, int max) =>
                i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;
            switch (args[i])
            {
                case "--cases": if (Number(10, 10_000_000) is { } cases) size = size with { Cases = cases }; else return null; break;
                case "--alerts": if (Number(1000, 50_000_000) is { } alerts) size = size with { Alerts = alerts }; else return null; break;
                case "--events": if (Number(100, 100_000_000) is { } events) size = size with { Events = events }; else return null; break;
                case "--ingest": if (Number(1000, 10_000_000) is { } ingest) size = size with { Ingest = ingest }; else return null; break;
                case "--iterations": if (Number(1, 10_000) is { } iterations) size = size with { Iterations = iterations }; else return null; break;
                case "--circuits": if (Number(1, 500) is { } circuits) size = size with { Circuits = circuits }; else return null; break;
                case "--data" when i + 1 < args.Length: size = size with { Folder = Path.GetFullPath(args[++i]) }; break;
                case "--keep": size = size with { Keep = true }; break;
                case "--reuse" when i + 1 < args.Length: size = size with { Folder = Path.GetFullPath(args[++i]), Reuse = true, Keep = true }; break;
                case "--provider" when i + 1 < args.Length && args[i + 1] is "sqlite" or "postgres": size = size with { Postgres = args[++i] == "postgres" }; break;
                case "--connection" when i + 1 < args.Length && !string.IsNullOrWhiteSpace(args[i + 1]): size = size with { Connection = args[++i] }; break;
                default: return null;
            }
        }
        // The connection names a PostgreSQL server; a kept database is reused from a folder, SQLite's.
        var fits = size.Postgres ? size.Connection is not null && !size.Reuse && size.Folder is null : size.Connection is null;
        return fits ? size : null;
    }
}
