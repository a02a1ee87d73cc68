using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Connectors;
using CasesPortal.Features.Connectors.Model;
using CasesPortal.Features.Connectors.Push;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CasesPortal.Tests.Features.Scale;

/// <summary>
/// Two portal instances on different ports sharing one PostgreSQL database, as behind a load balancer: a change made
/// through one reaches the open pages of the other, and a queued push is sent once however many instances work the outbox.
/// </summary>
[Trait(Layer.Name, Layer.Http)]
[Trait(TestProvider.Trait, TestProvider.Postgres)]
public sealed class SeveralInstancesTests : IAsyncLifetime
{
    private string? database;
    private PortalFactory first = default!, second = default!;
    private readonly string sharedFiles = Path.Combine(Path.GetTempPath(), "casesportal-tests", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        if (TestProvider.PostgresServerOrNull is null)
        {
            if (TestProvider.PostgresRequired) throw new InvalidOperationException($"{TestProvider.MissingPostgresReason} (CASESPORTAL_REQUIRE_POSTGRES=1.)");
            return Task.CompletedTask;
        }
        (database, var connectionString) = TestProvider.NewPostgresDatabase();
        var settings = SharedSettings(connectionString, sharedFiles);
        first = PortalFactory.Create(kestrel: true, settings: settings);
        second = PortalFactory.Create(kestrel: true, settings: settings);
        first.StartServer();
        second.StartServer();
        return Task.CompletedTask;
    }

    /// <summary>The settings of every instance of one team's portal: the same database and the same files folder.</summary>
    internal static Dictionary<string, string?> SharedSettings(string connectionString, string filesFolder) => new(ConnectorSettings)
    {
        ["Database:Provider"] = TestProvider.Postgres,
        ["ConnectionStrings:Cases"] = connectionString,
        ["Database:DataFolder"] = filesFolder,
    };

    private static readonly Dictionary<string, string?> ConnectorSettings = new()
    {
        ["Connectors:RetryBaseDelay"] = "00:00:00.001",
        ["Connectors:MaxRetryDelay"] = "00:00:00.010",
        ["Connectors:OutboxRetryDelay"] = "00:00:00",
    };

    [SkippableFact]
    public async Task A_change_through_one_instance_reaches_the_case_pages_of_the_other()
    {
        Skip.If(database is null, TestProvider.MissingPostgresReason);
        Assert.NotEqual(Address(first), Address(second));
        var heard = new TaskCompletionSource<CaseChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        // What an open case page of the second instance subscribes to.
        second.Services.GetRequiredService<CaseEvents>().Changed += change => { heard.TrySetResult(change); return Task.CompletedTask; };

        using var client = AdminApi(first);
        var created = await client.PostAsJsonAsync("/api/cases", new
        {
            title = "Beaconing from WS-042", description = "Seen by the proxy.", tags = Array.Empty<string>(), severity = "high",
            owner = "securitySolution", settings = new { syncAlerts = true }, connector = new { id = "none", name = "none", type = ".none", fields = (object?)null },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var caseId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(caseId, change.CaseId);
        Assert.Equal("Beaconing from WS-042", (await second.Services.GetRequiredService<CaseQueries>().GetAsync(caseId))!.Title);
    }

    [SkippableFact]
    public async Task A_push_queued_on_one_instance_is_sent_once_while_both_work_the_outbox()
    {
        Skip.If(database is null, TestProvider.MissingPostgresReason);
        await using var system = await FakeSystem.StartAsync();
        var (down, creates) = (true, 0);
        system.Answer = r => (r.Method, r.PathAndQuery) switch
        {
            // The first attempt meets an outage, so the push waits in the outbox for whichever instance comes first.
            ("POST", _) when Volatile.Read(ref down) => (503, new { error = new { message = "Service unavailable" } }),
            ("POST", _) => Created(),
            ("GET", _) => (200, new { result = Array.Empty<object>() }),
            _ => (200, new { result = new { sys_id = "abc", number = "INC1" } }),
        };
        (int, object?) Created()
        {
            Interlocked.Increment(ref creates);
            return (201, new { result = new { sys_id = "abc", number = "INC1" } });
        }
        var admin = await AdminAsync(first);
        var connector = (await first.Services.GetRequiredService<ConnectorService>().CreateAsync(admin, new ConnectorInput("SN", ".servicenow",
            new JsonObject { ["apiUrl"] = system.BaseUrl }, new Dictionary<string, string?> { ["username"] = "svc", ["password"] = "pw" }))).Value!.Id;
        var item = (await first.Services.GetRequiredService<CaseService>().CreateAsync(admin, new NewCase("Ransomware on WS-042"))).Value!;

        Assert.Equal(PushState.Pending, (await first.Services.GetRequiredService<CasePushService>().PushAsync(admin, item.Id, connector, null)).Value!.State);
        Volatile.Write(ref down, false);
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            (i % 2 == 0 ? first : second).Services.GetRequiredService<PushRunner>().RunDueAsync(CancellationToken.None)));

        // Each instance's background worker works the outbox too; give it time to make a mistake.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, creates);
        Assert.True(runs.Sum() <= 1, $"The push was claimed {runs.Sum()} times by the explicit runs.");
    }

    /// <summary>An API client of the instance, as the admin over Basic authentication, with Kibana's <c>kbn-xsrf</c> header.</summary>
    internal static HttpClient AdminApi(PortalFactory portal)
    {
        var client = new HttpClient { BaseAddress = new Uri(Address(portal)) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{TestAccounts.AdminEmail}:{TestAccounts.AdminPassword}")));
        client.DefaultRequestHeaders.Add("kbn-xsrf", "true");
        return client;
    }

    internal static string Address(PortalFactory portal) =>
        portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private static async Task<CaseActor> AdminAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = (await users.FindByEmailAsync(TestAccounts.AdminEmail))!;
        return new CaseActor(admin.Id, (await users.GetRolesAsync(admin)).ToHashSet());
    }

    public async Task DisposeAsync()
    {
        if (database is null) return;
        await first.DisposeAsync();
        await second.DisposeAsync();
        TestProvider.DropPostgresDatabase(database);
        try { Directory.Delete(sharedFiles, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Reports whether this run can reach a PostgreSQL server for the PostgreSQL suites (skipped without one).</summary>
[Trait(Layer.Name, Layer.Unit)]
[Trait(TestProvider.Trait, TestProvider.Postgres)]
public sealed class PostgresServerTests
{
    [SkippableFact]
    public async Task The_PostgreSQL_server_for_the_provider_suites_answers()
    {
        if (TestProvider.PostgresServerOrNull is null && TestProvider.PostgresRequired)
            throw new InvalidOperationException($"{TestProvider.MissingPostgresReason} (CASESPORTAL_REQUIRE_POSTGRES=1.)");
        Skip.If(TestProvider.PostgresServerOrNull is null, TestProvider.MissingPostgresReason);
        await using var connection = new Npgsql.NpgsqlConnection(TestProvider.PostgresServerOrNull);
        await connection.OpenAsync();
        Assert.True(connection.PostgreSqlVersion.Major >= 13, $"PostgreSQL {connection.PostgreSqlVersion} is older than 13.");
    }
}
