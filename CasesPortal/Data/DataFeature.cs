using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Data;

/// <summary>The portal's store: the configured provider, one DbContext per operation, migrations at start-up.</summary>
public static class DataFeature
{
    public static WebApplicationBuilder AddCasesData(this WebApplicationBuilder builder)
    {
        // Resolved when first used, so every configuration source (including test hosts) is in place.
        builder.Services.AddSingleton(services => CreateProvider(
            services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IWebHostEnvironment>().ContentRootPath));
        builder.Services.AddDbContextFactory<CasesDbContext, CasesDbContextFactory>((services, options) =>
            services.GetRequiredService<IDatabaseProvider>().Configure(options));
        builder.Services.AddSingleton(services => services.GetRequiredService<IDatabaseProvider>().CreateEvidenceStore());
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddSingleton<IInstanceMessages>(services => services.GetRequiredService<IDatabaseProvider>() is PostgresDatabaseProvider postgres
            ? ActivatorUtilities.CreateInstance<PostgresInstanceMessages>(services, postgres)
            : new SingleInstanceMessages());
        builder.Services.AddHostedService<InstanceMessagesListener>();
        builder.Services.AddDataProtection().SetApplicationName("CasesPortal").PersistKeysToDbContext<CasesDbContext>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>Runs the PostgreSQL listener with the host; nothing to run for a single instance.</summary>
    private sealed class InstanceMessagesListener(IInstanceMessages messages) : IHostedService
    {
        public Task StartAsync(CancellationToken ct) => (messages as IHostedService)?.StartAsync(ct) ?? Task.CompletedTask;
        public Task StopAsync(CancellationToken ct) => (messages as IHostedService)?.StopAsync(ct) ?? Task.CompletedTask;
    }

    public const string ProviderSetting = "Database:Provider";

    /// <summary><c>Database:Provider</c>: <c>Sqlite</c> (the default) or <c>Postgres</c>, both on <c>ConnectionStrings:Cases</c>.</summary>
    public static IDatabaseProvider CreateProvider(IConfiguration configuration, string contentRoot)
    {
        var connectionString = configuration.GetConnectionString("Cases");
        return configuration[ProviderSetting]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => new SqliteDatabaseProvider(connectionString, contentRoot),
            "postgres" or "postgresql" or "npgsql" => new PostgresDatabaseProvider(connectionString, configuration[PostgresDatabaseProvider.DataFolderSetting], contentRoot),
            var other => throw new ConfigurationProblemException(ProviderSetting, $"'{other}' is not a database provider; use 'Sqlite' or 'Postgres'."),
        };
    }
}
