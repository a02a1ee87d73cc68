using System.Text.Json;
using System.Text.Json.Nodes;

namespace CasesPortal.Features.Connectors.Types;

/// <summary>Kibana's "Webhook – case management": any ticketing API, described by URLs, methods and JSON templates.</summary>
public sealed class WebhookConnector : IConnectorType
{
    public string Id => ".cases-webhook";
    public string Label => "Webhook – case management";

    public IReadOnlyList<ConnectorKey> ConfigKeys { get; } =
    [
        new("createIncidentUrl", "Create incident URL", IsUrl: true), new("createIncidentMethod", "Create incident method (post, put)", MaxLength: 8),
        new("createIncidentJson", "Create incident JSON", Multiline: true, MaxLength: 10_000), new("createIncidentResponseKey", "Create response: key of the id", MaxLength: 256),
        new("getIncidentUrl", "Get incident URL", IsUrl: true), new("getIncidentResponseExternalTitleKey", "Get response: key of the title", MaxLength: 256),
        new("viewIncidentUrl", "View incident URL", IsUrl: true),
        new("updateIncidentUrl", "Update incident URL", IsUrl: true), new("updateIncidentMethod", "Update incident method (post, patch, put)", MaxLength: 8),
        new("updateIncidentJson", "Update incident JSON", Multiline: true, MaxLength: 10_000),
        new("createCommentUrl", "Create comment URL", Required: false, IsUrl: true), new("createCommentMethod", "Create comment method", Required: false, MaxLength: 8),
        new("createCommentJson", "Create comment JSON", Required: false, Multiline: true, MaxLength: 10_000),
        new("lookupIncidentUrl", "Lookup URL (finds the incident of a case)", Required: false, IsUrl: true),
        new("lookupIncidentResponseKey", "Lookup response: key of the id", Required: false, MaxLength: 256),
        new("headers", "Headers (JSON object)", Required: false, Multiline: true, MaxLength: 4_000),
    ];

    public IReadOnlyList<ConnectorKey> SecretKeys { get; } = [new("user", "User", Required: false, MaxLength: 256), new("password", "Password", Required: false, MaxLength: 1_024)];
    public IReadOnlyList<ConnectorField> Fields { get; } = [];

    public bool CanLookUp(ConnectorSettings settings) =>
        settings.Config("lookupIncidentUrl").Length > 0 && settings.Config("lookupIncidentResponseKey").Length > 0;

    public ExternalRef Reference(ConnectorSettings settings, string externalId) => new(externalId, externalId,
        WebhookTemplate.Url(settings.Config("viewIncidentUrl"), WebhookTemplate.Values(null, new ExternalRef(externalId, externalId, ""))));

    public Task TestAsync(ConnectorCall call, CancellationToken ct)
    {
        // Nothing to read without an incident; a malformed template is the one thing worth finding before a push.
        foreach (var key in new[] { "createIncidentJson", "updateIncidentJson", "createCommentJson" })
            if (call.Settings.Config(key) is { Length: > 0 } template) Parse(call, template, WebhookTemplate.Values(null, null), key);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<FieldChoice>>> ChoicesAsync(ConnectorCall call, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<FieldChoice>>>(new Dictionary<string, IReadOnlyList<FieldChoice>>());

    public async Task<ExternalRef> CreateAsync(ConnectorCall call, PushIncident incident, CancellationToken ct)
    {
        var values = WebhookTemplate.Values(incident, null);
        var created = await SendAsync(call, "createIncident", values, ct);
        var id = WebhookTemplate.Read(created, call.Settings.Config("createIncidentResponseKey"))
            ?? throw new ConnectorException($"{call.System}: the create answer has no {call.Settings.Config("createIncidentResponseKey")}.", ConnectorFailure.Rejected);
        return await ReadBackAsync(call, id, ct);
    }

    public async Task<ExternalRef> UpdateAsync(ConnectorCall call, ExternalRef existing, PushIncident incident, CancellationToken ct)
    {
        await SendAsync(call, "updateIncident", WebhookTemplate.Values(incident, existing), ct);
        return existing;
    }

    public async Task AddCommentAsync(ConnectorCall call, ExternalRef existing, string comment, CancellationToken ct)
    {
        if (call.Settings.Config("createCommentUrl").Length == 0) return;
        await SendAsync(call, "createComment", WebhookTemplate.Values(null, existing, comment), ct);
    }

    public async Task<ExternalRef?> FindAsync(ConnectorCall call, PushIncident incident, CancellationToken ct)
    {
        if (!CanLookUp(call.Settings)) return null;
        var url = WebhookTemplate.Url(call.Settings.Config("lookupIncidentUrl"), WebhookTemplate.Values(incident, null));
        var found = await call.Http.SendAsync(call.System, HttpMethod.Get, url, Auth(call), null, ct, Headers(call));
        return WebhookTemplate.Read(found, call.Settings.Config("lookupIncidentResponseKey")) is { Length: > 0 } id ? await ReadBackAsync(call, id, ct) : null;
    }

    /// <summary>Kibana's webhook has no way to list comments.</summary>
    public Task<IReadOnlyList<string>?> CommentsAsync(ConnectorCall call, ExternalRef existing, CancellationToken ct) => Task.FromResult<IReadOnlyList<string>?>(null);

    private async Task<ExternalRef> ReadBackAsync(ConnectorCall call, string id, CancellationToken ct)
    {
        var withId = WebhookTemplate.Values(null, new ExternalRef(id, id, ""));
        var incident = await call.Http.SendAsync(call.System, HttpMethod.Get, WebhookTemplate.Url(call.Settings.Config("getIncidentUrl"), withId), Auth(call), null, ct, Headers(call));
        var title = WebhookTemplate.Read(incident, call.Settings.Config("getIncidentResponseExternalTitleKey")) ?? id;
        var view = WebhookTemplate.Url(call.Settings.Config("viewIncidentUrl"), WebhookTemplate.Values(null, new ExternalRef(id, title, "")));
        return new ExternalRef(id, title, view);
    }

    private Task<JsonNode?> SendAsync(ConnectorCall call, string action, IReadOnlyDictionary<string, object?> values, CancellationToken ct)
    {
        var body = Parse(call, call.Settings.Config($"{action}Json"), values, $"{action}Json");
        var method = call.Settings.Config($"{action}Method") is { Length: > 0 } m ? new HttpMethod(m.ToUpperInvariant()) : HttpMethod.Post;
        return call.Http.SendAsync(call.System, method, WebhookTemplate.Url(call.Settings.Config($"{action}Url"), values), Auth(call), null, ct, Headers(call), body,
            appends: action is "createIncident" or "createComment");
    }

    private static string Parse(ConnectorCall call, string template, IReadOnlyDictionary<string, object?> values, string key)
    {
        var body = WebhookTemplate.Body(template, values);
        try { JsonNode.Parse(body); }
        catch (JsonException) { throw new ConnectorException($"{call.System}: {key} is not valid JSON once filled in.", ConnectorFailure.Rejected); }
        return body;
    }

    private static Dictionary<string, string>? Headers(ConnectorCall call) => call.Settings.ConfigValues["headers"] switch
    {
        JsonObject o => o.ToDictionary(p => p.Key, p => $"{p.Value}"),
        JsonValue v when v.ToString() is { Length: > 0 } json => JsonSerializer.Deserialize<Dictionary<string, string>>(json),
        _ => null,
    };

    private static System.Net.Http.Headers.AuthenticationHeaderValue? Auth(ConnectorCall call) =>
        call.Settings.Secret("user") is { Length: > 0 } user ? ConnectorCall.Basic(user, call.Settings.Secret("password")) : null;
}
