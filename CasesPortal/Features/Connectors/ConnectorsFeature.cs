using System.Security.Cryptography.X509Certificates;
using CasesPortal.Features.Connectors.Api;
using CasesPortal.Features.Connectors.Configure;
using CasesPortal.Features.Connectors.Push;
using CasesPortal.Features.Connectors.Types;
using Microsoft.AspNetCore.DataProtection;

namespace CasesPortal.Features.Connectors;

/// <summary>External connectors: Jira, ServiceNow ITSM and SecOps, IBM Resilient and case-management webhooks; pushes through an outbox.</summary>
public static class ConnectorsFeature
{
    public static WebApplicationBuilder AddConnectors(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConnectorOptions>().BindConfiguration(ConnectorOptions.Section)
            .Validate(o => ConnectorOptions.Validate(o) is null, "Connectors settings are invalid").ValidateOnStart();
        ProtectKeyRing(builder);
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<IConnectorType, JiraConnector>();
        builder.Services.AddSingleton<IConnectorType, ServiceNowItsmConnector>();
        builder.Services.AddSingleton<IConnectorType, ServiceNowSecOpsConnector>();
        builder.Services.AddSingleton<IConnectorType, WebhookConnector>();
        builder.Services.AddSingleton<IConnectorType, ResilientConnector>();
        builder.Services.AddSingleton<ConnectorTypes>();
        builder.Services.AddSingleton<ConnectorSecrets>();
        builder.Services.AddHttpClient<ConnectorHttp>(http => http.Timeout = Timeout.InfiniteTimeSpan).AddConnectorResilience();
        builder.Services.AddSingleton<ConnectorService>();
        builder.Services.AddSingleton<PushPlanner>();
        builder.Services.AddSingleton<PushCompletion>();
        builder.Services.AddSingleton<PushRunner>();
        builder.Services.AddSingleton<CasePushService>();
        builder.Services.AddSingleton<ExternalIncidentQueries>();
        builder.Services.AddSingleton<CasesConfigurationService>();
        builder.Services.AddHostedService<ConnectorOutboxWorker>();
        return builder;
    }

    public static IEndpointRouteBuilder MapConnectors(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapActionsApi().MapCasesConfigureApi().MapPushApi();

    /// <summary>With <c>Connectors:KeyCertificatePath</c> set, the key ring in the database is encrypted with that certificate.</summary>
    private static void ProtectKeyRing(WebApplicationBuilder builder)
    {
        var path = builder.Configuration[$"{ConnectorOptions.Section}:KeyCertificatePath"];
        if (string.IsNullOrEmpty(path) || !File.Exists(path)) return;
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, builder.Configuration[$"{ConnectorOptions.Section}:KeyCertificatePassword"]);
        builder.Services.AddDataProtection().ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }
}
