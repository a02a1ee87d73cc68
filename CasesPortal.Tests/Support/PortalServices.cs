using CasesPortal.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CasesPortal.Tests.Support;

/// <summary>
/// The portal's real service container on a real SQLite file, without HTTP: for service tests and bUnit.
/// The clock is a <see cref="FakeTimeProvider"/> so durations are exact.
/// </summary>
public sealed class PortalServices : IAsyncDisposable
{
    private readonly TempDatabase database = new();
    private readonly WebApplication app;

    private PortalServices(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = database.Folder,
            EnvironmentName = "Testing",
        });
        // Added before the portal's own sources too, for settings read while services are registered (the key-ring certificate).
        builder.Configuration.AddInMemoryCollection(Defaults(database, settings));
        builder.AddCasesPortal([]);
        builder.Configuration.AddInMemoryCollection(Defaults(database, settings));
        builder.Services.AddSingleton<TimeProvider>(Clock);
        app = builder.Build();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
    public IServiceProvider Services => app.Services;
    public TempDatabase Database => database;

    public T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    public static async Task<PortalServices> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var portal = new PortalServices(settings ?? []);
        await portal.Services.PrepareCasesPortalAsync();
        return portal;
    }

    /// <summary>Builds the container without preparing the database, for start-up failure tests.</summary>
    public static PortalServices Build(Dictionary<string, string?> settings) => new(settings);

    private static Dictionary<string, string?> Defaults(TempDatabase database, Dictionary<string, string?> settings)
    {
        var defaults = new Dictionary<string, string?>(database.Settings)
        {
            ["Bootstrap:AdminEmail"] = TestAccounts.AdminEmail,
            ["Bootstrap:AdminPassword"] = TestAccounts.AdminPassword,
        };
        foreach (var (key, value) in settings) defaults[key] = value;
        return defaults;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        database.Dispose();
    }
}
