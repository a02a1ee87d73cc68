using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace CasesPortal.Features.Connectors;

/// <summary>Encrypts connector secrets with the portal's Data Protection key ring (kept in the database).</summary>
public sealed class ConnectorSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("CasesPortal.Connectors.Secrets.v1");

    public string Protect(IReadOnlyDictionary<string, string> secrets) => protector.Protect(JsonSerializer.Serialize(secrets));

    public Dictionary<string, string> Unprotect(string protectedSecrets) => protectedSecrets.Length == 0 ? []
        : JsonSerializer.Deserialize<Dictionary<string, string>>(protector.Unprotect(protectedSecrets)) ?? [];
}
