using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Data;

/// <summary>The portal's store: the configured provider, one DbContext per operation, migrations at start-up.</summary>
public static class DataFeature
{
    public static WebApplicationBuilder AddCasesData(this WebApplicationBuilder builder)
    {
        // Resolved when first used, so every configuration source (including test hosts) is in place.
        builder.Services.AddSingleton<IDatabaseProvider>(services => new SqliteDatabaseProvider(
            services.GetRequiredService<IConfiguration>().GetConnectionString("Cases"),
            services.GetRequiredService<IWebHostEnvironment>().ContentRootPath));
        builder.Services.AddDbContextFactory<CasesDbContext>((services, options) =>
            services.GetRequiredService<IDatabaseProvider>().Configure(options));
        builder.Services.AddSingleton(services => services.GetRequiredService<IDatabaseProvider>().CreateEvidenceStore());
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddDataProtection().SetApplicationName("CasesPortal").PersistKeysToDbContext<CasesDbContext>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }
}
