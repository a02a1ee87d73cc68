using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Data;

/// <summary>The portal's store: the configured provider, one DbContext per operation, migrations at start-up.</summary>
public static class DataFeature
{
    public static WebApplicationBuilder AddCasesData(this WebApplicationBuilder builder)
    {
        var provider = new SqliteDatabaseProvider(
            builder.Configuration.GetConnectionString("Cases"), builder.Environment.ContentRootPath);
        builder.Services.AddSingleton<IDatabaseProvider>(provider);
        builder.Services.AddDbContextFactory<CasesDbContext>(provider.Configure);
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }
}
