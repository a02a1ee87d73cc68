using System.Text.Json.Nodes;

namespace CasesPortal.Features.Connectors.Types;

/// <summary>
/// ServiceNow through the Table API: one record per case, found again by <c>correlation_id</c> = case id;
/// comments go in as work notes.
/// </summary>
public abstract class ServiceNowConnector(string table) : IConnectorType
{
    public abstract string Id { get; }
    public abstract string Label { get; }
    public abstract IReadOnlyList<ConnectorField> Fields { get; }

    public IReadOnlyList<ConnectorKey> ConfigKeys { get; } = [new("apiUrl", "Instance URL", IsUrl: true)];
    public IReadOnlyList<ConnectorKey> SecretKeys { get; } = [new("username", "Username", MaxLength: 256), new("password", "Password", MaxLength: 1_024)];

    public bool CanLookUp(ConnectorSettings settings) => true;

    private string TableUrl(ConnectorCall call) => $"{call.BaseUrl()}/api/now/v2/table/{table}";

    public ExternalRef Reference(ConnectorSettings settings, string externalId) =>
        new(externalId, externalId, $"{settings.Config("apiUrl").TrimEnd('/')}/nav_to.do?uri={table}.do?sys_id={externalId}");

    public Task TestAsync(ConnectorCall call, CancellationToken ct) =>
        call.SendAsync(HttpMethod.Get, $"{TableUrl(call)}?sysparm_limit=1", Auth(call), null, ct);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<FieldChoice>>> ChoicesAsync(ConnectorCall call, CancellationToken ct)
    {
        var elements = Fields.Where(f => f.HasChoices).Select(f => f.Name).ToList();
        var query = $"name=task^ORname={table}^element={string.Join("^ORelement=", elements)}^language=en";
        var answer = await call.SendAsync(HttpMethod.Get,
            $"{call.BaseUrl()}/api/now/table/sys_choice?sysparm_query={Uri.EscapeDataString(query)}&sysparm_fields=label,value,dependent_value,element",
            Auth(call), null, ct);
        var rows = answer?["result"] as JsonArray ?? [];
        return elements.ToDictionary(e => e, e => (IReadOnlyList<FieldChoice>)rows
            .Where(r => $"{r?["element"]}" == e).Select(r => new FieldChoice($"{r?["value"]}", $"{r?["label"]}"))
            .DistinctBy(c => c.Value).ToList());
    }

    public async Task<ExternalRef> CreateAsync(ConnectorCall call, PushIncident incident, CancellationToken ct)
    {
        var created = await call.SendAsync(HttpMethod.Post, TableUrl(call), Auth(call), Record(incident), ct);
        return Ref(call, created?["result"]);
    }

    public async Task<ExternalRef> UpdateAsync(ConnectorCall call, ExternalRef existing, PushIncident incident, CancellationToken ct)
    {
        var updated = await call.SendAsync(HttpMethod.Patch, $"{TableUrl(call)}/{Uri.EscapeDataString(existing.Id)}", Auth(call), Record(incident), ct);
        return updated?["result"] is JsonObject result ? Ref(call, result) : existing;
    }

    public Task AddCommentAsync(ConnectorCall call, ExternalRef existing, string comment, CancellationToken ct) =>
        call.AppendAsync(HttpMethod.Patch, $"{TableUrl(call)}/{Uri.EscapeDataString(existing.Id)}", Auth(call),
            new JsonObject { ["work_notes"] = comment }, ct);

    public async Task<ExternalRef?> FindAsync(ConnectorCall call, PushIncident incident, CancellationToken ct)
    {
        var found = await call.SendAsync(HttpMethod.Get, $"{TableUrl(call)}?sysparm_query=correlation_id={Uri.EscapeDataString(incident.CaseId)}", Auth(call), null, ct);
        return found?["result"] is JsonArray { Count: > 0 } rows ? Ref(call, rows[0]) : null;
    }

    /// <summary>The record's work notes, one row each in the journal table.</summary>
    public async Task<IReadOnlyList<string>?> CommentsAsync(ConnectorCall call, ExternalRef existing, CancellationToken ct)
    {
        var query = Uri.EscapeDataString($"name={table}^element_id={existing.Id}^element=work_notes");
        var found = await call.SendAsync(HttpMethod.Get, $"{call.BaseUrl()}/api/now/v2/table/sys_journal_field?sysparm_query={query}&sysparm_fields=value",
            Auth(call), null, ct);
        return (found?["result"] as JsonArray ?? []).Select(r => $"{r?["value"]}").ToList();
    }

    private JsonObject Record(PushIncident incident)
    {
        var record = new JsonObject
        {
            ["short_description"] = incident.Title,
            ["description"] = incident.Description,
            ["correlation_id"] = incident.CaseId,
            ["correlation_display"] = "CasesPortal",
        };
        foreach (var field in Fields)
            if (incident.Field(field.Name) is { } value) record[field.Name] = value;
        AddObservables(record, incident.Observables);
        return record;
    }

    /// <summary>SecOps records the attached alerts' IPs, hashes and URLs on the security incident.</summary>
    protected virtual void AddObservables(JsonObject record, PushObservables observables) { }

    private ExternalRef Ref(ConnectorCall call, JsonNode? record)
    {
        var sysId = $"{record?["sys_id"]}";
        return new ExternalRef(sysId, $"{record?["number"]}", $"{call.BaseUrl()}/nav_to.do?uri={table}.do?sys_id={sysId}");
    }

    private static System.Net.Http.Headers.AuthenticationHeaderValue Auth(ConnectorCall call) =>
        ConnectorCall.Basic(call.Settings.Secret("username"), call.Settings.Secret("password"));
}

public sealed class ServiceNowItsmConnector() : ServiceNowConnector("incident")
{
    public override string Id => ".servicenow";
    public override string Label => "ServiceNow ITSM";

    public override IReadOnlyList<ConnectorField> Fields { get; } =
        [new("urgency", "Urgency"), new("severity", "Severity"), new("impact", "Impact"), new("category", "Category"), new("subcategory", "Subcategory")];
}

public sealed class ServiceNowSecOpsConnector() : ServiceNowConnector("sn_si_incident")
{
    public override string Id => ".servicenow-sir";
    public override string Label => "ServiceNow SecOps";

    public override IReadOnlyList<ConnectorField> Fields { get; } =
        [new("category", "Category"), new("subcategory", "Subcategory"), new("priority", "Priority")];

    protected override void AddObservables(JsonObject record, PushObservables observables)
    {
        void Add(string field, IReadOnlyList<string> values) { if (values.Count > 0) record[field] = string.Join(",", values); }
        Add("source_ip", observables.SourceIps);
        Add("dest_ip", observables.DestinationIps);
        Add("malware_hash", observables.Sha256);
        Add("malware_url", observables.Urls);
    }
}
