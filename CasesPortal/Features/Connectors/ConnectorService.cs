using System.Text.Json.Nodes;
using CasesPortal.Data;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using CasesPortal.Features.Connectors.Model;
using CasesPortal.Features.Connectors.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CasesPortal.Features.Connectors;

/// <summary>
/// Connectors: Admins create, change, test and delete them; everyone who works cases may list them and read their
/// field choices. Secrets are stored encrypted and never leave this class except to call the system.
/// </summary>
public sealed class ConnectorService(IDbContextFactory<CasesDbContext> dbFactory, ConnectorTypes types, ConnectorSecrets secrets,
    ConnectorHttp http, IMemoryCache cache, IOptions<ConnectorOptions> options, TimeProvider clock)
{
    public async Task<ServiceResult<IReadOnlyList<ConnectorView>>> ListAsync(CaseActor actor, CancellationToken ct = default)
    {
        if (!actor.CanRead) return CaseErrors.Forbidden("read connectors");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Connectors.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        return ServiceResult<IReadOnlyList<ConnectorView>>.Ok(rows.Select(View).ToList());
    }

    public async Task<ServiceResult<ConnectorView>> GetAsync(CaseActor actor, string id, CancellationToken ct = default)
    {
        if (!actor.CanRead) return CaseErrors.Forbidden("read connectors");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Connectors.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is { } row
            ? ServiceResult<ConnectorView>.Ok(View(row)) : NotFound(id);
    }

    public async Task<ServiceResult<ConnectorView>> CreateAsync(CaseActor actor, ConnectorInput input, CancellationToken ct = default)
    {
        if (!IsAdmin(actor)) return CaseErrors.Forbidden("manage connectors");
        if (types.Find(input.TypeId) is not { } type)
            return ServiceError.Invalid($"connector_type_id must be one of {string.Join(", ", types.All.Select(t => t.Id))}.");
        var now = clock.GetUtcNow();
        var row = new ConnectorRecord { TypeId = type.Id, CreatedAt = now, UpdatedAt = now };
        if (Apply(row, type, input, []) is { } problem) return problem;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Connectors.Add(row);
        await db.SaveChangesAsync(ct);
        return ServiceResult<ConnectorView>.Ok(View(row));
    }

    public async Task<ServiceResult<ConnectorView>> UpdateAsync(CaseActor actor, string id, ConnectorInput input, CancellationToken ct = default)
    {
        if (!IsAdmin(actor)) return CaseErrors.Forbidden("manage connectors");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Connectors.SingleOrDefaultAsync(c => c.Id == id, ct) is not { } row) return NotFound(id);
        if (input.TypeId is { } typeId && typeId != row.TypeId) return ServiceError.Invalid("The type of a connector cannot change; create another connector.");
        if (Apply(row, types.Find(row.TypeId)!, input, secrets.Unprotect(row.ProtectedSecrets)) is { } problem) return problem;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        cache.Remove(ChoicesKey(id));
        return ServiceResult<ConnectorView>.Ok(View(row));
    }

    public async Task<ServiceError?> DeleteAsync(CaseActor actor, string id, CancellationToken ct = default)
    {
        if (!IsAdmin(actor)) return CaseErrors.Forbidden("manage connectors");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Connectors.Where(c => c.Id == id).ExecuteDeleteAsync(ct) == 0) return NotFound(id);
        // Cases keep the incidents they were pushed to; they just no longer offer the connector.
        await db.CaseConnectors.Where(c => c.ConnectorId == id).ExecuteDeleteAsync(ct);
        await db.CasesConfigurations.Where(c => c.ConnectorId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConnectorId, (string?)null).SetProperty(c => c.ConnectorFieldsJson, (string?)null), ct);
        await db.ConnectorPushes.Where(p => p.ConnectorId == id && p.State == PushState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.State, PushState.Failed).SetProperty(p => p.LastError, "The connector was deleted."), ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>Calls the system (Jira project, ServiceNow table, Resilient incident types) and answers its own error if it fails.</summary>
    public async Task<ServiceResult<string>> TestAsync(CaseActor actor, string id, CancellationToken ct = default)
    {
        if (!IsAdmin(actor)) return CaseErrors.Forbidden("test connectors");
        if (await SettingsAsync(id, ct) is not { } settings) return NotFound(id);
        try
        {
            await types.Find(settings.TypeId)!.TestAsync(CallFor(settings), ct);
            return ServiceResult<string>.Ok($"Connected to {settings.Name}.");
        }
        catch (ConnectorException ex)
        {
            return new ServiceError(StatusCodes.Status502BadGateway, ex.Message);
        }
    }

    /// <summary>The choices of each field (issue types, priorities...), fetched from the system and kept for a while.</summary>
    public async Task<ServiceResult<IReadOnlyDictionary<string, IReadOnlyList<FieldChoice>>>> ChoicesAsync(CaseActor actor, string id, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("use connectors");
        if (cache.TryGetValue(ChoicesKey(id), out CachedChoices? cached) && cached is not null && cached.ExpiresAt > clock.GetUtcNow())
            return ServiceResult<IReadOnlyDictionary<string, IReadOnlyList<FieldChoice>>>.Ok(cached.Choices);
        if (await SettingsAsync(id, ct) is not { } settings) return NotFound(id);
        try
        {
            var choices = await types.Find(settings.TypeId)!.ChoicesAsync(CallFor(settings), ct);
            // Expiry follows the portal's clock; the cache's own (real-time) expiry only evicts the entry.
            cache.Set(ChoicesKey(id), new CachedChoices(choices, clock.GetUtcNow() + options.Value.ChoicesCacheDuration), options.Value.ChoicesCacheDuration);
            return ServiceResult<IReadOnlyDictionary<string, IReadOnlyList<FieldChoice>>>.Ok(choices);
        }
        catch (ConnectorException ex)
        {
            return new ServiceError(StatusCodes.Status502BadGateway, ex.Message);
        }
    }

    /// <summary>A connector's settings with its secrets decrypted, for calling the system; null when it does not exist.</summary>
    internal async Task<ConnectorSettings?> SettingsAsync(string id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Connectors.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return row is null ? null : new ConnectorSettings(row.Id, row.Name, row.TypeId, ParseConfig(row.ConfigJson), secrets.Unprotect(row.ProtectedSecrets));
    }

    internal ConnectorCall CallFor(ConnectorSettings settings) => new(settings, http, types.Find(settings.TypeId)?.Label ?? settings.Name);

    private ServiceError? Apply(ConnectorRecord row, IConnectorType type, ConnectorInput input, Dictionary<string, string> storedSecrets)
    {
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) return ServiceError.Invalid("name is required.");
        if (name.Length > ConnectorRecord.NameMaxLength) return ServiceError.Invalid($"name must be at most {ConnectorRecord.NameMaxLength} characters.");
        var config = input.Config ?? new JsonObject();
        // A secret typed anew replaces the stored one; one left empty keeps it.
        foreach (var (key, value) in input.Secrets ?? new Dictionary<string, string?>())
            if (!string.IsNullOrEmpty(value)) storedSecrets[key] = value;
        if (ConnectorValidation.Validate(type, config, storedSecrets, options.Value) is { } problem) return ServiceError.Invalid(problem);
        row.Name = name;
        row.ConfigJson = config.ToJsonString();
        if (row.ConfigJson.Length > ConnectorRecord.ConfigMaxLength) return ServiceError.Invalid("config is too large.");
        row.ProtectedSecrets = secrets.Protect(storedSecrets);
        return null;
    }

    private ConnectorView View(ConnectorRecord row)
    {
        var type = types.Find(row.TypeId);
        var set = row.ProtectedSecrets.Length == 0 ? [] : secrets.Unprotect(row.ProtectedSecrets).Where(s => s.Value.Length > 0).Select(s => s.Key).Order().ToList();
        return new ConnectorView(row.Id, row.Name, row.TypeId, type?.Label ?? row.TypeId, ParseConfig(row.ConfigJson), set, row.CreatedAt, row.UpdatedAt);
    }

    private sealed record CachedChoices(IReadOnlyDictionary<string, IReadOnlyList<FieldChoice>> Choices, DateTimeOffset ExpiresAt);

    private static JsonObject ParseConfig(string json) => JsonNode.Parse(json) as JsonObject ?? new JsonObject();
    private static bool IsAdmin(CaseActor actor) => actor.Roles.Contains(Roles.Admin);
    private static string ChoicesKey(string id) => $"connector-choices:{id}";
    private static ServiceError NotFound(string id) => ServiceError.NotFound($"Saved object [action/{id}] not found");
}
