using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using CasesPortal.Data;
using CasesPortal.Features.Connectors;
using CasesPortal.Tests.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Tests.Features.Connectors;

/// <summary>
/// With <c>Connectors:KeyCertificatePath</c> set, the Data Protection key ring in the database is encrypted with the
/// certificate: a portal holding the certificate reads the connector secrets, the database alone does not.
/// </summary>
[Trait(Layer.Name, Layer.Unit)]
public sealed class KeyRingCertificateTests : IDisposable
{
    private const string Password = "pfx-password";
    private readonly string folder = Directory.CreateTempSubdirectory("casesportal-cert-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string CertificateFile(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, $"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    private static Dictionary<string, string?> Settings(string? certificate, string? connectionString = null)
    {
        var settings = new Dictionary<string, string?>();
        if (certificate is not null) (settings["Connectors:KeyCertificatePath"], settings["Connectors:KeyCertificatePassword"]) = (certificate, Password);
        if (connectionString is not null) settings["ConnectionStrings:Cases"] = connectionString;
        return settings;
    }

    [Fact]
    public async Task The_key_ring_is_stored_encrypted_and_only_a_portal_with_the_certificate_reads_the_secrets()
    {
        var certificate = CertificateFile("casesportal-keys");
        await using var first = await PortalServices.StartAsync(Settings(certificate));
        var team = await CaseTeam.CreateAsync(first);
        var created = (await first.Get<ConnectorService>().CreateAsync(team.Admin, new ConnectorInput("SOC Jira", ".jira",
            new JsonObject { ["apiUrl"] = "https://soc.atlassian.net", ["projectKey"] = "SOC" },
            new Dictionary<string, string?> { ["email"] = "bot@soc.example", ["apiToken"] = "token-kept-secret" }))).Value!;

        await using (var db = await first.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync())
        {
            var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("<encryptedSecret", xml);
                Assert.Contains("EncryptedData", xml);
                Assert.DoesNotContain("<masterKey", xml);
            });
            var row = await db.Connectors.SingleAsync(c => c.Id == created.Id);
            Assert.DoesNotContain("token-kept-secret", row.ProtectedSecrets);
        }

        var database = first.Database.ConnectionString;
        await using (var second = await PortalServices.StartAsync(Settings(certificate, database)))
        {
            var settings = await second.Get<ConnectorService>().SettingsAsync(created.Id, default);
            Assert.Equal("token-kept-secret", settings!.Secret("apiToken"));
        }
        await using (var withoutCertificate = await PortalServices.StartAsync(Settings(null, database)))
            await Assert.ThrowsAnyAsync<CryptographicException>(() => withoutCertificate.Get<ConnectorService>().SettingsAsync(created.Id, default));
        await using (var otherCertificate = await PortalServices.StartAsync(Settings(CertificateFile("someone-else"), database)))
            await Assert.ThrowsAnyAsync<CryptographicException>(() => otherCertificate.Get<ConnectorService>().SettingsAsync(created.Id, default));
    }

    [Fact]
    public async Task Without_a_certificate_the_key_ring_is_kept_readable_by_any_instance_on_the_database()
    {
        await using var first = await PortalServices.StartAsync();
        var team = await CaseTeam.CreateAsync(first);
        var created = (await first.Get<ConnectorService>().CreateAsync(team.Admin, new ConnectorInput("SN", ".servicenow",
            new JsonObject { ["apiUrl"] = "https://soc.service-now.com" }, new Dictionary<string, string?> { ["username"] = "svc", ["password"] = "pw-123" }))).Value!;
        await using var second = await PortalServices.StartAsync(Settings(null, first.Database.ConnectionString));
        Assert.Equal("pw-123", (await second.Get<ConnectorService>().SettingsAsync(created.Id, default))!.Secret("password"));
    }
}
