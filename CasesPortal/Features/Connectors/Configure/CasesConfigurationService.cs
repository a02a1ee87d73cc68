using System.Text.Json.Nodes;
using CasesPortal.Data;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using CasesPortal.Features.Connectors.Model;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Connectors.Configure;

public sealed record CasesConfigurationView(string Id, CasesPortal.Features.Connectors.Push.CaseConnectorView? Connector, ClosureType ClosureType, int Version,
    DateTimeOffset CreatedAt, PersonRef CreatedBy, DateTimeOffset? UpdatedAt, PersonRef? UpdatedBy);

/// <summary>The change asked for; a null connector id means "none".</summary>
public sealed record CasesConfigurationInput(string? ConnectorId, JsonObject? ConnectorFields, ClosureType ClosureType);

/// <summary>Settings → Cases: the default connector for new cases and the closure option. Admins and Leads change it.</summary>
public sealed class CasesConfigurationService(IDbContextFactory<CasesDbContext> dbFactory, TimeProvider clock)
{
    public async Task<CasesConfigurationView?> GetAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.CasesConfigurations.AsNoTracking().FirstOrDefaultAsync(ct);
        return row is null ? null : await ViewAsync(db, row, ct);
    }

    public async Task<ServiceResult<CasesConfigurationView>> CreateAsync(CaseActor actor, CasesConfigurationInput input, CancellationToken ct = default)
    {
        if (!MayConfigure(actor)) return CaseErrors.Forbidden("change the cases settings");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CasesConfigurations.AnyAsync(ct)) return ServiceError.Conflict("The cases configuration exists already: change it with PATCH.");
        if (await ConnectorProblemAsync(db, input.ConnectorId, ct) is { } problem) return problem;
        var row = new CasesConfiguration { CreatedAt = clock.GetUtcNow(), CreatedById = actor.UserId };
        Apply(row, input);
        db.CasesConfigurations.Add(row);
        await db.SaveChangesAsync(ct);
        return ServiceResult<CasesConfigurationView>.Ok(await ViewAsync(db, row, ct));
    }

    public async Task<ServiceResult<CasesConfigurationView>> UpdateAsync(CaseActor actor, string id, string? version, CasesConfigurationInput input, CancellationToken ct = default)
    {
        if (!MayConfigure(actor)) return CaseErrors.Forbidden("change the cases settings");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CasesConfigurations.SingleOrDefaultAsync(c => c.Id == id, ct) is not { } row) return ServiceError.NotFound($"Configuration {id} not found.");
        if (CaseVersion.Encode(row.Version) != version)
            return ServiceError.Conflict("This configuration has been updated by someone else. Please reload and try again.");
        if (await ConnectorProblemAsync(db, input.ConnectorId, ct) is { } problem) return problem;
        Apply(row, input);
        (row.UpdatedAt, row.UpdatedById) = (clock.GetUtcNow(), actor.UserId);
        row.Version++;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return ServiceError.Conflict("This configuration has been updated by someone else. Please reload and try again."); }
        return ServiceResult<CasesConfigurationView>.Ok(await ViewAsync(db, row, ct));
    }

    /// <summary>Saves the configuration from the settings page: creates it the first time, then changes it.</summary>
    public async Task<ServiceResult<CasesConfigurationView>> SaveAsync(CaseActor actor, string? id, string? version, CasesConfigurationInput input, CancellationToken ct = default) =>
        id is null ? await CreateAsync(actor, input, ct) : await UpdateAsync(actor, id, version, input, ct);

    public static bool MayConfigure(CaseActor actor) => actor.Roles.Contains(Roles.Admin) || actor.Roles.Contains(Roles.Lead);

    private static void Apply(CasesConfiguration row, CasesConfigurationInput input)
    {
        row.ConnectorId = input.ConnectorId;
        row.ConnectorFieldsJson = input.ConnectorId is null ? null : input.ConnectorFields?.ToJsonString();
        row.ClosureType = input.ClosureType;
    }

    private static async Task<ServiceError?> ConnectorProblemAsync(CasesDbContext db, string? connectorId, CancellationToken ct) =>
        connectorId is null || await db.Connectors.AnyAsync(c => c.Id == connectorId, ct) ? null
            : ServiceError.NotFound($"Saved object [action/{connectorId}] not found");

    private static async Task<CasesConfigurationView> ViewAsync(CasesDbContext db, CasesConfiguration row, CancellationToken ct)
    {
        var people = await PeopleDirectory.LoadAsync(db, [row.CreatedById, row.UpdatedById], ct);
        var connector = row.ConnectorId is null ? null : await db.Connectors.Where(c => c.Id == row.ConnectorId)
            .Select(c => new { c.Id, c.Name, c.TypeId }).SingleOrDefaultAsync(ct);
        return new CasesConfigurationView(row.Id,
            connector is null ? null : new Push.CaseConnectorView(connector.Id, connector.Name, connector.TypeId,
                row.ConnectorFieldsJson is null ? null : JsonNode.Parse(row.ConnectorFieldsJson) as JsonObject),
            row.ClosureType, row.Version, row.CreatedAt, PeopleDirectory.Resolve(people, row.CreatedById), row.UpdatedAt,
            row.UpdatedById is null ? null : PeopleDirectory.Resolve(people, row.UpdatedById));
    }

    /// <summary>The default connector a new case starts with, written in the case's own transaction.</summary>
    public static async Task ApplyDefaultAsync(CasesDbContext db, string caseId, CancellationToken ct)
    {
        if (await db.CasesConfigurations.Where(c => c.ConnectorId != null).Select(c => new { c.ConnectorId, c.ConnectorFieldsJson }).FirstOrDefaultAsync(ct) is { } config)
            db.CaseConnectors.Add(new CaseConnectorChoice { CaseId = caseId, ConnectorId = config.ConnectorId!, FieldsJson = config.ConnectorFieldsJson });
    }
}
