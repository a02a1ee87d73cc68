using System.Net.Sockets;
using CasesPortal.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CasesPortal.Hosting;

/// <summary>Command-line conveniences and the start-up messages an operator reads.</summary>
public static class PortalArguments
{
    /// <summary>Turns the <c>--seed-demo</c> switch into the <c>Demo:Seed</c> setting.</summary>
    public static string[] Normalize(string[] args) =>
        args.Select(a => a.Equals("--seed-demo", StringComparison.OrdinalIgnoreCase) ? "--Demo:Seed=true" : a).ToArray();

    public static void PrintBanner(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var provider = app.Services.GetRequiredService<IDatabaseProvider>();
        Console.WriteLine($"CasesPortal is running on {string.Join(", ", addresses)} ({provider.Name} database: {provider.Location}). Press Ctrl+C to stop.");
    }

    /// <summary>The one line to show for a start-up failure caused by a setting; null for a genuine defect.</summary>
    public static string? DescribeStartupProblem(Exception ex) => ex switch
    {
        ConfigurationProblemException problem => problem.Message,
        OptionsValidationException options => $"Configuration problem in '{options.OptionsName}': {string.Join(" ", options.Failures)}",
        IOException io when io.InnerException is SocketException || io.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
            => $"Configuration problem in 'urls': {io.Message}",
        Microsoft.Data.Sqlite.SqliteException sqlite => $"Configuration problem in '{SqliteDatabaseProvider.Setting}': the database cannot be opened or migrated ({sqlite.Message}).",
        Npgsql.NpgsqlException postgres => $"Configuration problem in '{PostgresDatabaseProvider.Setting}': the PostgreSQL database cannot be reached or migrated ({postgres.Message}).",
        AggregateException { InnerExceptions.Count: 1 } aggregate => DescribeStartupProblem(aggregate.InnerException!),
        _ => null,
    };
}
