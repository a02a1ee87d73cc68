using System.Text.Json.Nodes;

namespace CasesPortal.Features.Connectors.Types;

/// <summary>Jira Cloud or Server through REST API v2; every issue it creates carries the label <c>casesportal-&lt;case id&gt;</c>.</summary>
public sealed class JiraConnector : IConnectorType
{
    public string Id => ".jira";
    public string Label => "Jira";

    public IReadOnlyList<ConnectorKey> ConfigKeys { get; } =
        [new("apiUrl", "Site URL", IsUrl: true), new("projectKey", "Project key", MaxLength: 64)];

    public IReadOnlyList<ConnectorKey> SecretKeys { get; } = [new("email", "Email", MaxLength: 256), new("apiToken", "API token", MaxLength: 1_024)];

    public IReadOnlyList<ConnectorField> Fields { get; } =
        [new("issueType", "Issue type"), new("priority", "Priority"), new("parent", "Parent issue", HasChoices: false)];

    public bool CanLookUp(ConnectorSettings settings) => true;

    public static string CaseLabel(string caseId) => $"casesportal-{caseId}";

    public ExternalRef Reference(ConnectorSettings settings, string externalId) => new(externalId, externalId, $"{settings.Config("apiUrl").TrimEnd('/')}/browse/{externalId}");

    public Task TestAsync(ConnectorCall call, CancellationToken ct) =>
        call.SendAsync(HttpMethod.Get, $"{call.BaseUrl()}/rest/api/2/project/{Uri.EscapeDataString(call.Settings.Config("projectKey"))}", Auth(call), null, ct);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<FieldChoice>>> ChoicesAsync(ConnectorCall call, CancellationToken ct)
    {
        var project = Uri.EscapeDataString(call.Settings.Config("projectKey"));
        var types = await call.SendAsync(HttpMethod.Get, $"{call.BaseUrl()}/rest/api/2/issue/createmeta/{project}/issuetypes", Auth(call), null, ct);
        var priorities = await call.SendAsync(HttpMethod.Get, $"{call.BaseUrl()}/rest/api/2/priority", Auth(call), null, ct);
        return new Dictionary<string, IReadOnlyList<FieldChoice>>
        {
            ["issueType"] = (types?["values"] as JsonArray ?? types?["issueTypes"] as JsonArray ?? [])
                .Select(t => new FieldChoice($"{t?["id"]}", $"{t?["name"]}")).ToList(),
            ["priority"] = (priorities as JsonArray ?? []).Select(p => new FieldChoice($"{p?["name"]}", $"{p?["name"]}")).ToList(),
        };
    }

    public async Task<ExternalRef> CreateAsync(ConnectorCall call, PushIncident incident, CancellationToken ct)
    {
        var fields = IssueFields(call, incident);
        fields["project"] = new JsonObject { ["key"] = call.Settings.Config("projectKey") };
        if (incident.Field("issueType") is { } issueType) fields["issuetype"] = new JsonObject { ["id"] = issueType };
        if (incident.Field("parent") is { } parent) fields["parent"] = new JsonObject { ["key"] = parent };
        var created = await call.SendAsync(HttpMethod.Post, $"{call.BaseUrl()}/rest/api/2/issue", Auth(call), new JsonObject { ["fields"] = fields }, ct);
        return Ref(call, $"{created?["id"]}", $"{created?["key"]}");
    }

    public async Task<ExternalRef> UpdateAsync(ConnectorCall call, ExternalRef existing, PushIncident incident, CancellationToken ct)
    {
        await call.SendAsync(HttpMethod.Put, $"{call.BaseUrl()}/rest/api/2/issue/{Uri.EscapeDataString(existing.Title)}", Auth(call),
            new JsonObject { ["fields"] = IssueFields(call, incident) }, ct);
        return existing;
    }

    public Task AddCommentAsync(ConnectorCall call, ExternalRef existing, string comment, CancellationToken ct) =>
        call.SendAsync(HttpMethod.Post, $"{call.BaseUrl()}/rest/api/2/issue/{Uri.EscapeDataString(existing.Title)}/comment", Auth(call),
            new JsonObject { ["body"] = comment }, ct);

    public async Task<ExternalRef?> FindAsync(ConnectorCall call, PushIncident incident, CancellationToken ct)
    {
        var jql = Uri.EscapeDataString($"labels=\"{CaseLabel(incident.CaseId)}\"");
        var found = await call.SendAsync(HttpMethod.Get, $"{call.BaseUrl()}/rest/api/2/search?jql={jql}", Auth(call), null, ct);
        return found?["issues"] is JsonArray { Count: > 0 } issues ? Ref(call, $"{issues[0]?["id"]}", $"{issues[0]?["key"]}") : null;
    }

    public async Task<IReadOnlyList<string>?> CommentsAsync(ConnectorCall call, ExternalRef existing, CancellationToken ct)
    {
        var texts = new List<string>();
        while (true)
        {
            var page = await call.SendAsync(HttpMethod.Get,
                $"{call.BaseUrl()}/rest/api/2/issue/{Uri.EscapeDataString(existing.Title)}/comment?startAt={texts.Count}&maxResults={CommentsPageSize}", Auth(call), null, ct);
            var comments = page?["comments"] as JsonArray ?? [];
            texts.AddRange(comments.Select(c => $"{c?["body"]}"));
            if (comments.Count == 0 || texts.Count >= ((int?)page?["total"] ?? 0)) return texts;
        }
    }

    private const int CommentsPageSize = 100;

    private static JsonObject IssueFields(ConnectorCall call, PushIncident incident)
    {
        var labels = incident.Tags.Select(t => t.Trim().Replace(' ', '-')).Append(CaseLabel(incident.CaseId)).Distinct();
        var fields = new JsonObject
        {
            ["summary"] = incident.Title,
            ["description"] = incident.Description,
            ["labels"] = new JsonArray(labels.Select(l => (JsonNode)l!).ToArray()),
        };
        if (incident.Field("priority") is { } priority) fields["priority"] = new JsonObject { ["name"] = priority };
        return fields;
    }

    private static ExternalRef Ref(ConnectorCall call, string id, string key) => new(id, key, $"{call.BaseUrl()}/browse/{key}");

    private static System.Net.Http.Headers.AuthenticationHeaderValue Auth(ConnectorCall call) =>
        ConnectorCall.Basic(call.Settings.Secret("email"), call.Settings.Secret("apiToken"));
}
