using System.Text.Json.Nodes;

namespace CasesPortal.Features.Connectors;

/// <summary>A connector as the UI and the API see it: its settings, and only the names of the secrets that are set.</summary>
public sealed record ConnectorView(string Id, string Name, string TypeId, string TypeLabel, JsonObject Config, IReadOnlyList<string> SecretsSet,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A connector to create or change. On a change, a secret left out or empty keeps its stored value.</summary>
public sealed record ConnectorInput(string? Name, string? TypeId, JsonObject? Config, IReadOnlyDictionary<string, string?>? Secrets);
