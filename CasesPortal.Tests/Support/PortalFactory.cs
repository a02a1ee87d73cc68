using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CasesPortal.Tests.Support;

/// <summary>
/// The whole portal through its real pipeline on a fresh SQLite file. With <c>kestrel: true</c> it listens on a
/// real loopback port for the browser; otherwise requests go through the in-memory test server.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    private readonly TempDatabase database = new();
    private readonly Dictionary<string, string?> settings;
    private readonly TimeProvider? clock;

    public PortalFactory() : this(kestrel: false, settings: null, clock: null) { }

    /// <param name="clock">Replaces the system clock, for tests that move time by hand.</param>
    public static PortalFactory Create(bool kestrel = false, Dictionary<string, string?>? settings = null, TimeProvider? clock = null) =>
        new(kestrel, settings, clock);

    private PortalFactory(bool kestrel, Dictionary<string, string?>? settings, TimeProvider? clock)
    {
        this.settings = settings ?? [];
        this.clock = clock;
        if (kestrel) UseKestrel(0);
    }

    public TestLogSink Logs { get; } = new();
    public TempDatabase Database => database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config =>
        {
            var values = new Dictionary<string, string?>(database.Settings)
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["Bootstrap:AdminEmail"] = TestAccounts.AdminEmail,
                ["Bootstrap:AdminPassword"] = TestAccounts.AdminPassword,
            };
            foreach (var (key, value) in settings) values[key] = value;
            config.AddInMemoryCollection(values);
        });
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, FailingEndpointFilter>();
            if (clock is not null) services.AddSingleton(clock);
        });
    }

    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) database.Dispose();
    }

    /// <summary>Adds <c>/test/fail</c> and <c>/api/test/fail</c>, which throw, behind the portal's own error handling.</summary>
    private sealed class FailingEndpointFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path.Value is "/test/fail" or "/api/test/fail")
                    throw new InvalidOperationException("Deliberate failure for the error-page test.");
                await nextMiddleware(context);
            });
        };
    }
}
