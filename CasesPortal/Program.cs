using CasesPortal.Data;
using CasesPortal.Hosting;
using CasesPortal.Hosting.Backup;
using CasesPortal.Hosting.Benchmark;
using Microsoft.Extensions.Options;

if (BenchmarkCommand.IsBenchmark(args)) return await BenchmarkCommand.RunAsync(args, Console.Out);
if (BackupCommand.IsBackup(args)) return await BackupCommand.RunAsync(args, Console.Out);

try
{
    var arguments = PortalArguments.Normalize(args);
    // The database lives under the content root by default: watching that tree for settings changes woke a thread at
    // every write of the database's log (about 5% of the CPU during an import). Settings are read at start.
    var builder = WebApplication.CreateBuilder([.. arguments, "--hostBuilder:reloadConfigOnChange=false"]);
    builder.AddCasesPortal(arguments);
    var app = builder.Build();

    await app.Services.PrepareCasesPortalAsync();
    app.MapCasesPortal();
    await app.StartAsync();
    PortalArguments.PrintBanner(app);
    await app.WaitForShutdownAsync();
    return 0;
}
catch (Exception ex) when (PortalArguments.DescribeStartupProblem(ex) is { } problem)
{
    // A bad setting gets one line that names it, not a stack trace.
    Console.Error.WriteLine($"CasesPortal could not start: {problem}");
    return 1;
}

public partial class Program;
