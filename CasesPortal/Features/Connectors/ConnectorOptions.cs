namespace CasesPortal.Features.Connectors;

/// <summary>The <c>Connectors</c> settings: where case data may go, and how hard the portal tries to deliver it.</summary>
public sealed class ConnectorOptions
{
    public const string Section = "Connectors";

    /// <summary>Host names (or <c>*.example.com</c>) connectors may call; empty means any.</summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Retries of one call on 5xx, 429 and timeouts, with exponential backoff and jitter.</summary>
    public int MaxRetries { get; set; } = 3;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two tries, including one a system asks for with <c>Retry-After</c>.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often the background worker looks for pushes to resume, and how it spaces a push's attempts.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan OutboxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public int OutboxMaxAttempts { get; set; } = 20;

    /// <summary>A lease longer than any push takes; an older lease belongs to a crashed worker.</summary>
    public TimeSpan OutboxLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long field choices (issue types, priorities...) fetched from a system are kept.</summary>
    public TimeSpan ChoicesCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A PFX certificate that encrypts the Data Protection key ring in the database; a copied database alone then reveals no secret.</summary>
    public string? KeyCertificatePath { get; set; }
    public string? KeyCertificatePassword { get; set; }

    public IEnumerable<string> Hosts => AllowedHosts.SelectMany(h => h.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public bool Allows(Uri url) => !Hosts.Any() || Hosts.Any(h => h.StartsWith("*.", StringComparison.Ordinal)
        ? url.Host.EndsWith(h[1..], StringComparison.OrdinalIgnoreCase)
        : string.Equals(url.Host, h, StringComparison.OrdinalIgnoreCase));

    public static string? Validate(ConnectorOptions o) =>
        o.MaxRetries is < 0 or > 10 ? "Connectors:MaxRetries must be between 0 and 10."
        : o.AttemptTimeout <= TimeSpan.Zero ? "Connectors:AttemptTimeout must be positive."
        : o.OutboxMaxAttempts < 1 ? "Connectors:OutboxMaxAttempts must be at least 1."
        : o.OutboxPollInterval <= TimeSpan.Zero ? "Connectors:OutboxPollInterval must be positive."
        : o.KeyCertificatePath is { Length: > 0 } path && !File.Exists(path) ? $"Connectors:KeyCertificatePath: no file at {path}."
        : null;
}
