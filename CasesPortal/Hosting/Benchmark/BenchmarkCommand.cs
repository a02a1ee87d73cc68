using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CasesPortal.Hosting.Benchmark;

/// <summary>
/// <c>dotnet run --project CasesPortal -c Release -- bench [--cases C] [--alerts A] [--events E] [--ingest N] ...</c>:
/// builds a fresh database of that size by bulk SQL, measures the portal through the same services and HTTP routes
/// users call, warm, and prints each figure beside the best hand-written SQL on the same machine, as a Markdown table.
/// </summary>
public static class BenchmarkCommand
{
    public static bool IsBenchmark(string[] args) => args is ["bench", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (BenchSize.Parse(args[1..]) is not { } size)
        {
            output.WriteLine(BenchSize.Usage);
            return 2;
        }
        await using IBenchEngine? engine = size.Postgres ? await PostgresBenchEngine.CreateAsync(size.Connection!, size.Keep, output) : SqliteBenchEngine.Open(size, output);
        if (engine is null) return 2;
        // The portal's start-up migrates the empty database: the schema the builder fills. (EF logs its look for the
        // migrations table of an empty PostgreSQL database as a failed command: expected here, so not shown.)
        await using (await BenchPortal.StartAsync([.. engine.PortalSettings, "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=None"])) { }
        engine.ReleaseConnections();
        var machine = Machine(engine.Version);
        output.WriteLine(machine);
        output.WriteLine($"Database: {engine.Location}");
        BenchFacts facts;
        if (size.Reuse)
        {
            (facts, size) = engine.Read(size);
            output.WriteLine(BenchRow.Invariant($"Measuring the database built earlier: {size.Cases:N0} cases, {size.Alerts:N0} alerts, {size.Events:N0} events, {engine.SizeMb():N0} MB"));
        }
        else
        {
            output.WriteLine($"Building {size.Cases:N0} cases, {size.Alerts:N0} alerts, {size.Events:N0} events by bulk SQL:");
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            facts = engine.Build(size, output);
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            output.WriteLine(BenchRow.Invariant($"  built in {facts.BuildTime.TotalSeconds:N0} s ({cpu.TotalSeconds:N0} s of CPU in this process), {engine.SizeMb():N0} MB"));
        }

        var rows = new List<BenchRow>();
        await using (var portal = await BenchPortal.StartAsync(engine.PortalSettings))
        {
            output.WriteLine($"Measuring, {size.Iterations} warm runs each:");
            rows.AddRange(await new QueryBenchmark(portal, engine, facts, size.Iterations, output).RunAsync());
            output.Write($"  ingesting {size.Ingest:N0} alerts over HTTP, then as many by hand-written SQL ");
            // A reused database already holds the alerts of earlier rounds: new seeds give new alerts, not updates.
            var round = size.Reuse ? size.Alerts : 0;
            var ingest = await IngestBenchmark.RunAsync(portal, engine, new BenchAlerts(size.Ingest, seed: round + 1), new BenchAlerts(size.Ingest, seed: round + 2), output);
            rows.AddRange(IngestRows(ingest));
        }
        engine.ReleaseConnections();
        // A typical case for the idle pages: the 100,000-alert one would measure its summary bar 50 times over, not idle circuits.
        rows.AddRange(ProcessRows(await ProcessBenchmark.RunAsync(engine.PortalSettings, facts.BigCaseNumber - 1, size.Circuits, output), size));

        output.WriteLine();
        output.WriteLine($"{size.Cases:N0} cases, {size.Alerts:N0} alerts, {size.Events:N0} events; {machine}");
        output.WriteLine();
        output.WriteLine(BenchRow.Header);
        foreach (var row in rows) output.WriteLine(row.Markdown);
        if (size.Keep) output.WriteLine($"Kept: {engine.Location}");
        return 0;
    }

    private static IEnumerable<BenchRow> IngestRows(IngestFigures f)
    {
        var ratio = f.HandPerSecond / f.PortalPerSecond;
        yield return new BenchRow($"bulk ingest over HTTP, NDJSON, {f.Alerts:N0} alerts into the built database", "≥ 20,000 alerts/s, ≤ 3× hand SQL",
            BenchRow.Invariant($"{f.PortalPerSecond:N0} alerts/s"), BenchRow.Invariant($"{f.HandPerSecond:N0} alerts/s"), BenchRow.Invariant($"{ratio:0.0}×"),
            f.PortalPerSecond >= 20_000 && ratio <= 3);
        yield return new BenchRow($"write lock held per ingest batch ({f.Batches:N0} batches)", "≤ 200 ms",
            BenchRow.Invariant($"p50 {f.BatchP50Ms:N0} ms, max {f.BatchMaxMs:N0} ms"), "", "", f.BatchMaxMs <= 200);
    }

    private static IEnumerable<BenchRow> ProcessRows(ProcessFigures f, BenchSize size)
    {
        if (f.IdleRssMb is { } idle)
        {
            var growth = idle - f.ColdRssMb;
            yield return new BenchRow($"{f.CircuitsAsked} open case pages (circuits), idle 10 s", "server RSS ≤ 300 MB above a cold start",
                BenchRow.Invariant($"+{growth:N0} MB ({f.ColdRssMb:N0} → {idle:N0} MB; {f.Circuits} of {f.CircuitsAsked} interactive)"), "", "",
                growth <= 300 && f.Circuits == f.CircuitsAsked);
        }
        else yield return new BenchRow($"{f.CircuitsAsked} open case pages (circuits), idle", "server RSS ≤ 300 MB above a cold start", $"not measured: {f.Skipped}", "", "", null);
        yield return new BenchRow($"start-up on the {size.Cases:N0}-case database, to the first 200 from `/healthz`", "≤ 3 s",
            BenchRow.Invariant($"{f.StartupSeconds:0.00} s (RSS {f.ColdRssMb:N0} MB)"), "", "", f.StartupSeconds <= 3);
    }

    private static string Machine(string engineVersion)
    {
        var cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0;
        return BenchRow.Invariant($"{Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {memory:N0} GB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {engineVersion}, load {load} at start");
    }
}
