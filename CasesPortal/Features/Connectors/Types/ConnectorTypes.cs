namespace CasesPortal.Features.Connectors.Types;

/// <summary>The connector types the portal knows, by Kibana's type id.</summary>
public sealed class ConnectorTypes(IEnumerable<IConnectorType> types)
{
    private readonly Dictionary<string, IConnectorType> byId = types.ToDictionary(t => t.Id);

    public IReadOnlyCollection<IConnectorType> All => byId.Values;

    public IConnectorType? Find(string? id) => id is null ? null : byId.GetValueOrDefault(id);
}
