using System.Net;
using System.Text.Json.Nodes;

namespace CasesPortal.Features.Connectors.Types;

/// <summary>
/// IBM Resilient (QRadar SOAR). It offers no way to find an incident by the case, so a create whose answer was lost is
/// never re-sent on its own: the case shows "outcome unknown" for a person to confirm or retry.
/// </summary>
public sealed class ResilientConnector : IConnectorType
{
    public string Id => ".resilient";
    public string Label => "IBM Resilient";

    public IReadOnlyList<ConnectorKey> ConfigKeys { get; } = [new("apiUrl", "API URL", IsUrl: true), new("orgId", "Organisation id", MaxLength: 32)];
    public IReadOnlyList<ConnectorKey> SecretKeys { get; } = [new("apiKeyId", "API key id", MaxLength: 256), new("apiKeySecret", "API key secret", MaxLength: 1_024)];

    public IReadOnlyList<ConnectorField> Fields { get; } =
        [new("incidentTypes", "Incident types", Multiple: true), new("severityCode", "Severity")];

    public bool CanLookUp(ConnectorSettings settings) => false;

    private static string OrgUrl(ConnectorCall call) => $"{call.BaseUrl()}/rest/orgs/{Uri.EscapeDataString(call.Settings.Config("orgId"))}";

    public ExternalRef Reference(ConnectorSettings settings, string externalId) => new(externalId, externalId, $"{settings.Config("apiUrl").TrimEnd('/')}/#incidents/{externalId}");

    public Task TestAsync(ConnectorCall call, CancellationToken ct) =>
        call.SendAsync(HttpMethod.Get, $"{OrgUrl(call)}/types/incident/fields/incident_type_ids", Auth(call), null, ct);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<FieldChoice>>> ChoicesAsync(ConnectorCall call, CancellationToken ct)
    {
        async Task<IReadOnlyList<FieldChoice>> ValuesAsync(string field)
        {
            var answer = await call.SendAsync(HttpMethod.Get, $"{OrgUrl(call)}/types/incident/fields/{field}", Auth(call), null, ct);
            return (answer?["values"] as JsonArray ?? []).Select(v => new FieldChoice($"{v?["value"]}", $"{v?["label"]}")).ToList();
        }
        return new Dictionary<string, IReadOnlyList<FieldChoice>>
        {
            ["incidentTypes"] = await ValuesAsync("incident_type_ids"),
            ["severityCode"] = await ValuesAsync("severity_code"),
        };
    }

    public async Task<ExternalRef> CreateAsync(ConnectorCall call, PushIncident incident, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["name"] = incident.Title,
            ["description"] = Html(incident.Description),
            ["discovered_date"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        };
        if (TypeIds(incident) is { Count: > 0 } types) body["incident_type_ids"] = new JsonArray(types.Select(t => (JsonNode)new JsonObject { ["id"] = t }).ToArray());
        if (Severity(incident) is { } severity) body["severity_code"] = new JsonObject { ["id"] = severity };
        var created = await call.SendAsync(HttpMethod.Post, $"{OrgUrl(call)}/incidents?text_content_output_format=objects_convert", Auth(call), body, ct);
        return Ref(call, $"{created?["id"]}");
    }

    public async Task<ExternalRef> UpdateAsync(ConnectorCall call, ExternalRef existing, PushIncident incident, CancellationToken ct)
    {
        var url = $"{OrgUrl(call)}/incidents/{Uri.EscapeDataString(existing.Id)}";
        var current = await call.SendAsync(HttpMethod.Get, $"{url}?text_content_output_format=objects_convert", Auth(call), null, ct) ?? new JsonObject();
        var changes = new JsonArray
        {
            Change("name", new JsonObject { ["text"] = current["name"]?.DeepClone() }, new JsonObject { ["text"] = incident.Title }),
            Change("description", new JsonObject { ["textarea"] = current["description"]?.DeepClone() }, new JsonObject { ["textarea"] = Html(incident.Description) }),
        };
        if (TypeIds(incident) is { Count: > 0 } types)
            changes.Add(Change("incident_type_ids", new JsonObject { ["ids"] = current["incident_type_ids"]?.DeepClone() },
                new JsonObject { ["ids"] = new JsonArray(types.Select(t => (JsonNode)t).ToArray()) }));
        if (Severity(incident) is { } severity)
            changes.Add(Change("severity_code", new JsonObject { ["id"] = current["severity_code"]?.DeepClone() }, new JsonObject { ["id"] = severity }));
        await call.SendAsync(HttpMethod.Patch, url, Auth(call), new JsonObject { ["changes"] = changes }, ct);
        return existing;
    }

    public Task AddCommentAsync(ConnectorCall call, ExternalRef existing, string comment, CancellationToken ct) =>
        call.SendAsync(HttpMethod.Post, $"{OrgUrl(call)}/incidents/{Uri.EscapeDataString(existing.Id)}/comments", Auth(call),
            new JsonObject { ["text"] = new JsonObject { ["format"] = "text", ["content"] = comment } }, ct);

    public Task<ExternalRef?> FindAsync(ConnectorCall call, PushIncident incident, CancellationToken ct) => Task.FromResult<ExternalRef?>(null);

    public async Task<IReadOnlyList<string>?> CommentsAsync(ConnectorCall call, ExternalRef existing, CancellationToken ct)
    {
        var comments = await call.SendAsync(HttpMethod.Get,
            $"{OrgUrl(call)}/incidents/{Uri.EscapeDataString(existing.Id)}/comments?text_content_output_format=always_text", Auth(call), null, ct);
        return (comments as JsonArray ?? []).Select(c => c?["text"] is JsonObject text ? $"{text["content"]}" : $"{c?["text"]}").ToList();
    }

    private static JsonObject Change(string field, JsonNode oldValue, JsonNode newValue) =>
        new() { ["field"] = new JsonObject { ["name"] = field }, ["old_value"] = oldValue, ["new_value"] = newValue };

    private static JsonObject Html(string text) => new()
    {
        ["format"] = "html",
        ["content"] = WebUtility.HtmlEncode(text).Replace("\n", "<br />"),
    };

    private static List<long> TypeIds(PushIncident incident) => incident.Fields["incidentTypes"] switch
    {
        JsonArray ids => ids.Select(i => long.TryParse($"{i}", out var id) ? id : -1).Where(id => id >= 0).ToList(),
        JsonValue one when long.TryParse($"{one}", out var id) => [id],
        _ => [],
    };

    private static long? Severity(PushIncident incident) => long.TryParse(incident.Field("severityCode"), out var code) ? code : null;

    private static ExternalRef Ref(ConnectorCall call, string id) => new(id, id, $"{call.BaseUrl()}/#incidents/{id}");

    private static System.Net.Http.Headers.AuthenticationHeaderValue Auth(ConnectorCall call) =>
        ConnectorCall.Basic(call.Settings.Secret("apiKeyId"), call.Settings.Secret("apiKeySecret"));
}
