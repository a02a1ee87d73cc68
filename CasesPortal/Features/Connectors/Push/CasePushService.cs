using System.Text.Json.Nodes;
using CasesPortal.Data;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using CasesPortal.Features.Connectors.Model;
using CasesPortal.Features.Connectors.Types;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Connectors.Push;

/// <summary>
/// Pushes a case to a connector: checks the request, writes the push to the outbox, then sends it at once.
/// Also sets the connector chosen for a case, and settles a push whose outcome is unknown.
/// </summary>
public sealed class CasePushService(IDbContextFactory<CasesDbContext> dbFactory, ConnectorTypes types, PushRunner runner, CaseEvents events, TimeProvider clock)
{
    public const int FieldMaxLength = 256;

    public async Task<ServiceResult<PushOutcome>> PushAsync(CaseActor actor, string caseId, string connectorId, JsonObject? fields, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("push cases");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var status = await db.Cases.Where(c => c.Id == caseId && c.DeletedAt == null).Select(c => (CaseStatus?)c.Status).SingleOrDefaultAsync(ct);
        if (status is null) return CaseErrors.NotFound(caseId);
        if (status == CaseStatus.Closed) return ServiceError.Invalid("This case is closed: reopen it before pushing it to an external system.");
        if (await ChoiceProblemAsync(db, connectorId, fields, ct) is { } problem) return problem;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SaveChoiceAsync(db, caseId, connectorId, fields, ct);
        var open = await db.ConnectorPushes.Where(p => p.CaseId == caseId && p.ConnectorId == connectorId && (p.State == PushState.Pending || p.State == PushState.OutcomeUnknown))
            .OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        if (open?.State == PushState.OutcomeUnknown)
            return ServiceError.Conflict("The last push's outcome is unknown: confirm the incident's id or create it again before pushing.");
        var now = clock.GetUtcNow();
        // One pending push per case and connector: it always sends the case as it is when it runs.
        var push = open ?? db.ConnectorPushes.Add(new ConnectorPush { CaseId = caseId, ConnectorId = connectorId, CreatedAt = now }).Entity;
        (push.RequestedById, push.NextAttemptAt) = (actor.UserId, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ServiceResult<PushOutcome>.Ok(await runner.RunAsync(push.Id, ct));
    }

    /// <summary>Kibana's case connector: the connector chosen for the case and its fields, without pushing.</summary>
    public async Task<ServiceError?> ChooseAsync(CaseActor actor, string caseId, string? connectorId, JsonObject? fields, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("change cases");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Cases.AnyAsync(c => c.Id == caseId && c.DeletedAt == null, ct)) return CaseErrors.NotFound(caseId);
        if (connectorId is null)
            await db.CaseConnectors.Where(c => c.CaseId == caseId).ExecuteDeleteAsync(ct);
        else
        {
            if (await ChoiceProblemAsync(db, connectorId, fields, ct) is { } problem) return problem;
            await SaveChoiceAsync(db, caseId, connectorId, fields, ct);
            await db.SaveChangesAsync(ct);
        }
        events.Publish(new CaseChanged(caseId, actor.UserId, "connector"));
        return null;
    }

    /// <summary>After "outcome unknown": a person either names the incident that was created, or has it created again.</summary>
    public async Task<ServiceResult<PushOutcome>> SettleUnknownAsync(CaseActor actor, string caseId, string connectorId, string? confirmedExternalId, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("push cases");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var push = await db.ConnectorPushes.Where(p => p.CaseId == caseId && p.ConnectorId == connectorId && p.State == PushState.OutcomeUnknown)
            .OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        if (push is null) return ServiceError.NotFound("No push of this case to this connector has an unknown outcome.");
        var external = confirmedExternalId?.Trim();
        if (external is { Length: 0 or > FieldMaxLength }) return ServiceError.Invalid($"Enter the incident's id (at most {FieldMaxLength} characters).");
        var connector = await db.Connectors.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectorId, ct);
        if (connector is null) return ServiceError.NotFound("The connector was deleted.");
        if (external is not null)
        {
            var reference = types.Find(connector.TypeId)!.Reference(new ConnectorSettings(connector.Id, connector.Name, connector.TypeId,
                JsonNode.Parse(connector.ConfigJson) as JsonObject ?? new JsonObject(), new Dictionary<string, string>()), external);
            db.ExternalIncidents.Add(new ExternalIncident
            {
                CaseId = caseId, ConnectorId = connectorId, ConnectorName = connector.Name,
                ExternalId = reference.Id, ExternalTitle = reference.Title, ExternalUrl = reference.Url,
            });
        }
        (push.State, push.CreateSentAt, push.NextAttemptAt, push.LeaseUntil, push.CompletedAt) = (PushState.Pending, null, clock.GetUtcNow(), null, null);
        (push.RequestedById, push.Attempts) = (actor.UserId, 0);
        await db.SaveChangesAsync(ct);
        return ServiceResult<PushOutcome>.Ok(await runner.RunAsync(push.Id, ct));
    }

    private async Task<ServiceError?> ChoiceProblemAsync(CasesDbContext db, string connectorId, JsonObject? fields, CancellationToken ct)
    {
        var typeId = await db.Connectors.Where(c => c.Id == connectorId).Select(c => c.TypeId).SingleOrDefaultAsync(ct);
        if (typeId is null || types.Find(typeId) is not { } type) return ServiceError.NotFound($"Saved object [action/{connectorId}] not found");
        foreach (var (name, value) in fields ?? new JsonObject())
        {
            if (type.Fields.FirstOrDefault(f => f.Name == name) is not { } field) return ServiceError.Invalid($"fields.{name} is not a field of {type.Label} connectors.");
            var values = value switch { null => [], JsonArray a when field.Multiple => a.Select(v => $"{v}").ToList(), JsonValue v => [v.ToString()], _ => (List<string>?)null };
            if (values is null) return ServiceError.Invalid($"fields.{name} must be {(field.Multiple ? "a list of values" : "a single value")}.");
            if (values.Any(v => v.Length > FieldMaxLength)) return ServiceError.Invalid($"fields.{name} must be at most {FieldMaxLength} characters.");
        }
        return null;
    }

    private static async Task SaveChoiceAsync(CasesDbContext db, string caseId, string connectorId, JsonObject? fields, CancellationToken ct)
    {
        var choice = await db.CaseConnectors.SingleOrDefaultAsync(c => c.CaseId == caseId, ct);
        if (choice is null) db.CaseConnectors.Add(choice = new CaseConnectorChoice { CaseId = caseId });
        if (fields is not null || choice.ConnectorId != connectorId) choice.FieldsJson = fields?.ToJsonString();
        choice.ConnectorId = connectorId;
    }
}
