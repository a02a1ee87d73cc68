using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CasesPortal.Hosting.Benchmark;

/// <summary>The real portal, started in this process on a loopback port over a database of the benchmark's own.</summary>
public sealed class BenchPortal : IAsyncDisposable
{
    public const string AdminEmail = "bench-admin@cases.invalid";
    public const string AdminPassword = "Benchmark-passphrase-2026";

    private readonly WebApplication app;

    private BenchPortal(WebApplication app, Uri address) => (this.app, Address) = (app, address);

    public Uri Address { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>The portal over the database <paramref name="databaseSettings"/> name (see <see cref="IBenchEngine.PortalSettings"/>), migrated on start.</summary>
    public static async Task<BenchPortal> StartAsync(IReadOnlyList<string> databaseSettings)
    {
        string[] settings =
        [
            .. databaseSettings, "--Urls=http://127.0.0.1:0",
            $"--Bootstrap:AdminEmail={AdminEmail}", $"--Bootstrap:AdminPassword={AdminPassword}",
            "--Logging:LogLevel:Default=Warning", "--Demo:Seed=false",
        ];
        // Named after the portal, not the process that hosts it, so its static assets are found from a test run too.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = settings, ApplicationName = typeof(BenchPortal).Assembly.GetName().Name });
        builder.AddCasesPortal(settings);
        var app = builder.Build();
        await app.Services.PrepareCasesPortalAsync();
        app.MapCasesPortal();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchPortal(app, new Uri(address));
    }

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{AdminEmail}:{AdminPassword}")));
        return client;
    }

    /// <summary>A browser-like client holding the log-in cookie of the benchmark's administrator, for the pages.</summary>
    public async Task<HttpClient> LoggedInClientAsync() => (await BenchLogin.LogInAsync(Address, AdminEmail, AdminPassword)).Client;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
