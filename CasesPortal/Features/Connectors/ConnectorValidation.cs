using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CasesPortal.Features.Connectors.Types;

namespace CasesPortal.Features.Connectors;

/// <summary>The rules a connector's settings must meet: known keys, required values, limits, and http(s) addresses the allow-list permits.</summary>
public static partial class ConnectorValidation
{
    [GeneratedRegex(@"\{\{\{[^}]*\}\}\}")]
    private static partial Regex TemplateVariable();

    public static string? Validate(IConnectorType type, JsonObject config, IReadOnlyDictionary<string, string> secrets, ConnectorOptions options)
    {
        foreach (var (key, _) in config)
            if (type.ConfigKeys.All(k => k.Name != key)) return $"config.{key} is not a setting of {type.Label} connectors.";
        foreach (var key in type.ConfigKeys)
        {
            var value = config[key.Name] switch { JsonValue v => v.ToString(), JsonObject o => o.ToJsonString(), _ => "" };
            if (value.Length == 0) { if (key.Required) return $"config.{key.Name} ({key.Label}) is required."; continue; }
            if (value.Length > key.MaxLength) return $"config.{key.Name} ({key.Label}) must be at most {key.MaxLength} characters.";
            if (key.IsUrl && UrlProblem(value, options) is { } problem) return $"config.{key.Name} ({key.Label}): {problem}";
        }
        foreach (var (key, value) in secrets)
        {
            if (type.SecretKeys.FirstOrDefault(k => k.Name == key) is not { } secret) return $"secrets.{key} is not a secret of {type.Label} connectors.";
            if (value.Length > secret.MaxLength) return $"secrets.{key} must be at most {secret.MaxLength} characters.";
        }
        foreach (var key in type.SecretKeys.Where(k => k.Required))
            if (secrets.GetValueOrDefault(key.Name) is not { Length: > 0 }) return $"secrets.{key.Name} ({key.Label}) is required.";
        return type is WebhookConnector ? WebhookProblem(config) : null;
    }

    /// <summary>An address must be absolute http(s), and its host allowed by <c>Connectors:AllowedHosts</c>.</summary>
    public static string? UrlProblem(string url, ConnectorOptions options)
    {
        var concrete = TemplateVariable().Replace(url, "x");
        if (!Uri.TryCreate(concrete, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return "must be an http:// or https:// address.";
        return options.Allows(uri) ? null : $"{uri.Host} is not in Connectors:AllowedHosts.";
    }

    private static string? WebhookProblem(JsonObject config)
    {
        foreach (var key in new[] { "createIncidentMethod", "updateIncidentMethod", "createCommentMethod" })
            if (config[key] is JsonValue v && v.ToString() is { Length: > 0 } method && method.ToLowerInvariant() is not ("post" or "put" or "patch"))
                return $"config.{key} must be post, put or patch.";
        if (config["headers"] is JsonValue h && h.ToString() is { Length: > 0 } headers)
        {
            try { if (JsonNode.Parse(headers) is not JsonObject) return "config.headers must be a JSON object of header names and values."; }
            catch (System.Text.Json.JsonException) { return "config.headers must be a JSON object of header names and values."; }
        }
        return null;
    }
}
