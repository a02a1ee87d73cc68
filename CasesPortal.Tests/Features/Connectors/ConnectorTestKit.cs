using System.Text.Json.Nodes;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Connectors;
using CasesPortal.Features.Connectors.Push;
using CasesPortal.Tests.Features.Cases;

namespace CasesPortal.Tests.Features.Connectors;

/// <summary>A portal with fast retries (milliseconds) and a team, plus helpers to create connectors against the fakes.</summary>
public sealed class ConnectorTestKit : IAsyncDisposable
{
    public static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Connectors:RetryBaseDelay"] = "00:00:00.001",
        ["Connectors:MaxRetryDelay"] = "00:00:00.010",
        ["Connectors:AttemptTimeout"] = "00:00:10",
        ["Connectors:OutboxRetryDelay"] = "00:00:00",
        ["PublicBaseUrl"] = "https://cases.soc.example",
    };

    private ConnectorTestKit(PortalServices portal, CaseTeam team) => (Portal, Team) = (portal, team);

    public PortalServices Portal { get; }
    public CaseTeam Team { get; }

    /// <summary>An attempt timeout for the tests of lost answers, where each late answer costs this much. It stays
    /// wide enough that a healthy first call on a loaded machine (cold code, browser tests beside it) is not taken
    /// for an outage: at one second, such a call once timed out in CI.</summary>
    public static readonly TimeSpan ShortAttemptTimeout = TimeSpan.FromSeconds(3);

    public static async Task<ConnectorTestKit> StartAsync(TimeSpan? attemptTimeout = null)
    {
        var settings = new Dictionary<string, string?>(FastRetries);
        if (attemptTimeout is { } timeout) settings["Connectors:AttemptTimeout"] = timeout.ToString("c");
        var portal = await PortalServices.StartAsync(settings);
        return new ConnectorTestKit(portal, await CaseTeam.CreateAsync(portal));
    }

    public async Task<string> JiraConnectorAsync(FakeJira jira) => (await Portal.Get<ConnectorService>().CreateAsync(Team.Admin, new ConnectorInput(
        "SOC Jira", ".jira", new JsonObject { ["apiUrl"] = jira.BaseUrl, ["projectKey"] = FakeJira.Project },
        new Dictionary<string, string?> { ["email"] = FakeJira.Email, ["apiToken"] = FakeJira.Token }))).Value!.Id;

    public async Task<string> ConnectorAsync(string type, JsonObject config, Dictionary<string, string?> secrets, string name = "System") =>
        (await Portal.Get<ConnectorService>().CreateAsync(Team.Admin, new ConnectorInput(name, type, config, secrets))).Value!.Id;

    /// <summary>A ServiceNow ITSM (or, with <c>.servicenow-sir</c>, SecOps) connector to the fake, as user <c>svc</c> with password <c>pw</c>.</summary>
    public Task<string> ServiceNowConnectorAsync(FakeSystem system, string type = ".servicenow") =>
        ConnectorAsync(type, new JsonObject { ["apiUrl"] = system.BaseUrl }, new() { ["username"] = "svc", ["password"] = "pw" });

    /// <summary>An IBM Resilient connector to the fake's organisation 201, with API key <c>key</c> / <c>secret</c>.</summary>
    public Task<string> ResilientConnectorAsync(FakeSystem system) =>
        ConnectorAsync(".resilient", new JsonObject { ["apiUrl"] = system.BaseUrl, ["orgId"] = "201" }, new() { ["apiKeyId"] = "key", ["apiKeySecret"] = "secret" });

    public async Task<CaseView> CaseAsync(string title = "Ransomware on WS-042", params string[] tags) =>
        (await Portal.Get<CaseService>().CreateAsync(Team.Analyst, new NewCase(title, "Encrypted files on **WS-042**.", tags))).Value!;

    public Task<CasesPortal.Features.Common.ServiceResult<PushOutcome>> PushAsync(string caseId, string connectorId, JsonObject? fields = null) =>
        Portal.Get<CasePushService>().PushAsync(Team.Analyst, caseId, connectorId, fields);

    public async ValueTask DisposeAsync() => await Portal.DisposeAsync();
}
