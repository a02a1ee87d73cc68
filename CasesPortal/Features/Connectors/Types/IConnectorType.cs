using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CasesPortal.Features.Connectors.Types;

/// <summary>One kind of external system: its settings, the case fields it takes, and how a push maps onto its API.</summary>
public interface IConnectorType
{
    /// <summary>Kibana's <c>connector_type_id</c>, e.g. <c>.jira</c>.</summary>
    string Id { get; }
    string Label { get; }
    IReadOnlyList<ConnectorKey> ConfigKeys { get; }
    IReadOnlyList<ConnectorKey> SecretKeys { get; }
    IReadOnlyList<ConnectorField> Fields { get; }

    /// <summary>Whether an incident created for a case can be found again, so a create with an unknown outcome is never sent twice.</summary>
    bool CanLookUp(ConnectorSettings settings);

    /// <summary>The incident a person confirmed by its id (after an unknown outcome), with its link.</summary>
    ExternalRef Reference(ConnectorSettings settings, string externalId);

    Task TestAsync(ConnectorCall call, CancellationToken ct);
    Task<IReadOnlyDictionary<string, IReadOnlyList<FieldChoice>>> ChoicesAsync(ConnectorCall call, CancellationToken ct);
    Task<ExternalRef> CreateAsync(ConnectorCall call, PushIncident incident, CancellationToken ct);
    Task<ExternalRef> UpdateAsync(ConnectorCall call, ExternalRef existing, PushIncident incident, CancellationToken ct);
    Task AddCommentAsync(ConnectorCall call, ExternalRef existing, string comment, CancellationToken ct);
    Task<ExternalRef?> FindAsync(ConnectorCall call, PushIncident incident, CancellationToken ct);

    /// <summary>The texts of the incident's comments (work notes), so a comment whose answer was lost is not sent twice;
    /// null when the system offers no way to list them.</summary>
    Task<IReadOnlyList<string>?> CommentsAsync(ConnectorCall call, ExternalRef existing, CancellationToken ct);
}

/// <summary>A setting of a connector (<c>config</c> or <c>secrets</c> key).</summary>
public sealed record ConnectorKey(string Name, string Label, bool Required = true, bool IsUrl = false, bool Multiline = false, int MaxLength = 2_048);

/// <summary>A field chosen per case (issue type, urgency...): from the system's choices, or typed.</summary>
public sealed record ConnectorField(string Name, string Label, bool HasChoices = true, bool Multiple = false);

public sealed record FieldChoice(string Value, string Label);

public sealed record ExternalRef(string Id, string Title, string Url);

public sealed record ConnectorSettings(string Id, string Name, string TypeId, JsonObject ConfigValues, IReadOnlyDictionary<string, string> Secrets)
{
    public string Config(string key) => ConfigValues[key] is JsonValue v ? v.ToString() : "";
    public string Secret(string key) => Secrets.GetValueOrDefault(key) ?? "";
}

/// <summary>What one push sends, already mapped the portal's way (description with its "Added by" line and link back).</summary>
public sealed record PushIncident(
    string CaseId, long Number, string Title, string Description, IReadOnlyList<string> Tags, string Status, string Severity,
    JsonObject Fields, PushObservables Observables, string CaseUrl, string PushedBy)
{
    public string? Field(string name) => Fields[name] is JsonValue v && v.ToString() is { Length: > 0 } s ? s : null;
}

/// <summary>The attached alerts' values ServiceNow SecOps records on a security incident.</summary>
public sealed record PushObservables(IReadOnlyList<string> SourceIps, IReadOnlyList<string> DestinationIps, IReadOnlyList<string> Sha256, IReadOnlyList<string> Urls)
{
    public static readonly PushObservables None = new([], [], [], []);
}

/// <summary>One connector's settings and the HTTP client it calls through.</summary>
public sealed record ConnectorCall(ConnectorSettings Settings, ConnectorHttp Http, string System)
{
    public string BaseUrl(string key = "apiUrl") => Settings.Config(key).TrimEnd('/');

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    public Task<JsonNode?> SendAsync(HttpMethod method, string url, AuthenticationHeaderValue? auth, JsonNode? body, CancellationToken ct) =>
        Http.SendAsync(System, method, url, auth, body, ct);

    /// <summary>A request that adds something each time it is sent, whatever its method: never re-sent after a timeout.</summary>
    public Task<JsonNode?> AppendAsync(HttpMethod method, string url, AuthenticationHeaderValue? auth, JsonNode? body, CancellationToken ct) =>
        Http.SendAsync(System, method, url, auth, body, ct, appends: true);
}
