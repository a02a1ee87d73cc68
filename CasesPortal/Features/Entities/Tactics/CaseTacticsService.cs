using System.Text.Json;
using CasesPortal.Data;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using CasesPortal.Features.Evidence.Ingest;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Entities.Tactics;

/// <summary>
/// The MITRE ATT&amp;CK summary of a case: tactic → techniques → sub-techniques, each with the number of attached alerts
/// carrying it (<c>kibana.alert.rule.threat</c>, copied into <c>Alerts.Threat</c> at ingest) and of attached indicators
/// naming it (ECS <c>threat.tactic</c> / <c>threat.technique</c>, or STIX <c>kill_chain_phases</c> of <c>mitre-attack</c>).
/// </summary>
/// <remarks>
/// Alerts of one rule share one threat value, so SQL groups the case's alerts by that value and counts them; only the
/// few distinct values are parsed here. A case holds far fewer indicators than alerts; their documents are read whole.
/// </remarks>
public sealed class CaseTacticsService(IDbContextFactory<CasesDbContext> factory)
{
    private const string Framework = "MITRE ATT&CK";

    public async Task<ServiceResult<CaseTactics>> ForCaseAsync(string caseId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Cases.AnyAsync(c => c.Id == caseId && c.DeletedAt == null, ct)) return CaseErrors.NotFound(caseId);
        var attached = db.CaseAlerts.Where(l => l.CaseId == caseId).Join(db.Alerts, l => l.AlertId, a => a.Id, (l, a) => a.Threat);
        var total = await attached.CountAsync(ct);
        var groups = await attached.Where(t => t != null).GroupBy(t => t).Select(g => new { Threat = g.Key!, Alerts = g.Count() }).ToListAsync(ct);
        var tally = new Tally();
        // Alerts whose threat data names no ATT&CK tactic (a bare string, another framework) are not counted as carrying it.
        var alertsWithThreat = groups.Sum(g => tally.Add(g.Threat, g.Alerts) ? g.Alerts : 0);
        var indicators = await db.CaseIndicators.Where(l => l.CaseId == caseId).Join(db.Indicators, l => l.IndicatorId, i => i.Id, (_, i) => i.Document)
            .ToListAsync(ct);
        var withThreat = indicators.Count(tally.AddIndicator);
        return ServiceResult<CaseTactics>.Ok(new CaseTactics(tally.Result(), alertsWithThreat, total, withThreat, indicators.Count));
    }

    private sealed class Node(string id, string name, string url)
    {
        public string Id { get; } = id;
        public string Name { get; set; } = name;
        public string Url { get; } = url;
        public int Alerts { get; set; }
        public int Indicators { get; set; }
        public Dictionary<string, Node> Children { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Counts <paramref name="alerts"/> once per node per threat value, however often the value repeats it.</summary>
        public void Count(int alerts, HashSet<Node> counted)
        {
            if (counted.Add(this)) Alerts += alerts;
        }
    }

    private sealed class Tally
    {
        private readonly Dictionary<string, Node> tactics = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Counts an alert group's tactics and techniques once each; false when its threat data names none.</summary>
        public bool Add(string threatJson, int alerts)
        {
            using var document = Parse(threatJson);
            if (document is null) return false;
            var counted = new HashSet<Node>();
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object) continue;
                if (Text(entry, "framework") is { } framework && framework != Framework) continue;
                if (!entry.TryGetProperty("tactic", out var tacticJson) || Text(tacticJson, "id") is not { } tacticId) continue;
                var tactic = Child(tactics, tacticJson, tacticId, AttackMatrix.TacticUrl(tacticId));
                tactic.Count(alerts, counted);
                foreach (var techniqueJson in Array(entry, "technique"))
                {
                    if (Text(techniqueJson, "id") is not { } techniqueId) continue;
                    var technique = Child(tactic.Children, techniqueJson, techniqueId, AttackMatrix.TechniqueUrl(techniqueId));
                    technique.Count(alerts, counted);
                    foreach (var subJson in Array(techniqueJson, "subtechnique"))
                        if (Text(subJson, "id") is { } subId)
                            Child(technique.Children, subJson, subId, AttackMatrix.TechniqueUrl(subId)).Count(alerts, counted);
                }
            }
            return counted.Count > 0;
        }

        /// <summary>Counts an indicator's tactics and techniques once each; false when it names none.</summary>
        public bool AddIndicator(string documentJson)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(documentJson);
            }
            catch (JsonException)
            {
                return false;
            }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return false;
                var fields = EcsFields.Read(root, IndicatorSchema);
                var tacticIds = Values(fields, "threat.tactic.id");
                var tacticNames = Values(fields, "threat.tactic.name");
                var named = tacticIds.Select((id, i) => (Id: id, Name: i < tacticNames.Count ? tacticNames[i] : id)).ToList();
                foreach (var phase in Array(root, "kill_chain_phases"))
                    if (Text(phase, "kill_chain_name") is { } chain && chain.StartsWith("mitre", StringComparison.OrdinalIgnoreCase)
                        && Text(phase, "phase_name") is { } phaseName && AttackMatrix.ByPhaseName.TryGetValue(phaseName, out var known))
                        named.Add(known);
                if (named.Count == 0) return false;

                var techniqueIds = Values(fields, "threat.technique.id");
                var techniqueNames = Values(fields, "threat.technique.name");
                foreach (var (id, name) in named.DistinctBy(t => t.Id.ToUpperInvariant()))
                {
                    var tactic = IndicatorNode(tactics, id, name, AttackMatrix.TacticUrl(id));
                    for (var i = 0; i < techniqueIds.Count; i++)
                        IndicatorNode(tactic.Children, techniqueIds[i], i < techniqueNames.Count ? techniqueNames[i] : techniqueIds[i], AttackMatrix.TechniqueUrl(techniqueIds[i]));
                }
                return true;
            }
        }

        private static readonly (HashSet<string>, HashSet<string>) IndicatorSchema =
            EcsFields.Schema(["threat.tactic.id", "threat.tactic.name", "threat.technique.id", "threat.technique.name"]);

        private static List<string> Values(EcsFields fields, string name) =>
            fields.Joined(name, int.MaxValue)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? [];

        private static Node IndicatorNode(Dictionary<string, Node> siblings, string id, string name, string url)
        {
            if (!siblings.TryGetValue(id, out var node)) siblings[id] = node = new Node(id.ToUpperInvariant(), name, url);
            node.Indicators++;
            return node;
        }

        public IReadOnlyList<CaseTactic> Result() => tactics.Values
            .OrderBy(t => AttackMatrix.Position(t.Id)).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => new CaseTactic(t.Id, t.Name, t.Url, t.Alerts, Techniques(t), t.Indicators))
            .ToList();

        private static IReadOnlyList<CaseTechnique> Techniques(Node parent) => parent.Children.Values
            .OrderByDescending(t => t.Alerts + t.Indicators).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => new CaseTechnique(t.Id, t.Name, t.Url, t.Alerts, Techniques(t), t.Indicators))
            .ToList();

        private static Node Child(Dictionary<string, Node> siblings, JsonElement json, string id, string fallbackUrl)
        {
            if (!siblings.TryGetValue(id, out var node))
                siblings[id] = node = new Node(id.ToUpperInvariant(), Text(json, "name") ?? id, AttackMatrix.Link(Text(json, "reference"), fallbackUrl));
            return node;
        }

        private static JsonDocument? Parse(string json)
        {
            try
            {
                var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind == JsonValueKind.Array) return document;
                document.Dispose();
            }
            catch (JsonException)
            {
                // Stored by the mapper as an array's raw text; anything else is ignored rather than failing the whole case.
            }
            return null;
        }

        private static string? Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text ? text : null;

        /// <summary>The named array's elements; a single object where ECS has an array counts as an array of one.</summary>
        private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
            !element.TryGetProperty(name, out var value) ? []
            : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray()
            : value.ValueKind == JsonValueKind.Object ? [value]
            : [];
    }
}
