using CasesPortal.Data;
using CasesPortal.Features.Connectors.Model;
using CasesPortal.Features.Connectors.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CasesPortal.Features.Connectors.Push;

/// <summary>What became of one run of a push.</summary>
public sealed record PushOutcome(PushState State, string? Message, ExternalRef? External = null)
{
    public static readonly PushOutcome Busy = new(PushState.Pending, "This push is already being sent.");
}

/// <summary>
/// Runs one outbox row: claims it, creates the incident once (looking up a create whose answer was lost), updates it,
/// sends the comments and alerts not yet sent (each recorded as soon as it is sent), and completes the row.
/// </summary>
public sealed class PushRunner(IDbContextFactory<CasesDbContext> dbFactory, ConnectorService connectors, ConnectorTypes types, PushPlanner planner,
    PushCompletion completion, IOptions<ConnectorOptions> options, TimeProvider clock, ILogger<PushRunner> logger)
{
    /// <summary>
    /// Runs every pending push that is due; the background worker's tick. Each instance claims its batch in one statement
    /// that skips rows another instance is claiming at that moment (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL), so
    /// several instances share the outbox and each push runs once.
    /// </summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        List<long> claimed;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var now = clock.GetUtcNow();
            var lease = now + options.Value.OutboxLease;
            // Times are UTC ticks, as everywhere in the store. The only text put into the SQL is the dialect's fixed clause.
#pragma warning disable EF1002
            claimed = await db.Database.SqlQueryRaw<long>($$"""
                UPDATE "ConnectorPushes" SET "LeaseUntil" = {0}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (SELECT "Id" FROM "ConnectorPushes"
                               WHERE "State" = {1} AND "NextAttemptAt" <= {2} AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {2})
                               ORDER BY "NextAttemptAt" LIMIT 100 {{db.Dialect.SkipLockedRows}})
                RETURNING "Id" AS "Value"
                """, lease.UtcTicks, (int)PushState.Pending, now.UtcTicks).ToListAsync(ct);
#pragma warning restore EF1002
        }
        foreach (var id in claimed) await RunClaimedAsync(id, ct);
        return claimed.Count;
    }

    public async Task<PushOutcome> RunAsync(long pushId, CancellationToken ct) =>
        await ClaimAsync(pushId, ct) ? await RunClaimedAsync(pushId, ct) : PushOutcome.Busy;

    private async Task<PushOutcome> RunClaimedAsync(long pushId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var push = await db.ConnectorPushes.SingleAsync(p => p.Id == pushId, ct);
        var settings = await connectors.SettingsAsync(push.ConnectorId, ct);
        if (settings is null) return await EndAsync(db, push, PushState.Failed, "The connector was deleted.", ct);
        var type = types.Find(settings.TypeId)!;
        var call = connectors.CallFor(settings);
        var plan = await planner.PlanAsync(db, push.CaseId, push.ConnectorId, push.RequestedById, ct);
        if (plan is null) return await EndAsync(db, push, PushState.Failed, "The case was deleted.", ct);
        try
        {
            var external = plan.Existing ?? await CreateOnceAsync(db, push, settings, type, call, plan, ct);
            if (external is null) return await EndAsync(db, push, PushState.OutcomeUnknown, UnknownMessage(settings), ct);
            if (plan.Existing is not null) external = await type.UpdateAsync(call, external, plan.Incident, ct);
            await SendCommentsAsync(db, push, settings, type, call, plan, external, ct);
            await completion.CompleteAsync(db, push, settings, external, ct);
            return new PushOutcome(PushState.Succeeded, null, external);
        }
        catch (ConnectorException ex)
        {
            return await FailAttemptAsync(db, push, settings, type, plan, ex, ct);
        }
    }

    /// <summary>Creates the incident, or finds the one an earlier create made; null when that cannot be known.</summary>
    private async Task<ExternalRef?> CreateOnceAsync(CasesDbContext db, ConnectorPush push, ConnectorSettings settings, IConnectorType type,
        ConnectorCall call, PushPlan plan, CancellationToken ct)
    {
        if (push.CreateSentAt is not null)
        {
            if (!type.CanLookUp(settings)) return null;
            if (await type.FindAsync(call, plan.Incident, ct) is { } found)
            {
                await completion.SaveIncidentAsync(db, push, settings, found, ct);
                return found;
            }
        }
        push.CreateSentAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        ExternalRef created;
        try
        {
            created = await type.CreateAsync(call, plan.Incident, ct);
        }
        catch (ConnectorException ex) when (ex.Failure != ConnectorFailure.NoAnswer)
        {
            push.CreateSentAt = null;   // the system answered: nothing was created
            await db.SaveChangesAsync(ct);
            throw;
        }
        await completion.SaveIncidentAsync(db, push, settings, created, ct);
        return created;
    }

    /// <summary>
    /// Sends the comments and the alerts comment not yet sent, recording each at once. When an earlier attempt of this
    /// push did not finish, a comment it sent may have arrived unanswered: the incident's comments are read first and
    /// a comment already there (the same text, as systems may re-wrap whitespace) is only recorded.
    /// </summary>
    private async Task SendCommentsAsync(CasesDbContext db, ConnectorPush push, ConnectorSettings settings, IConnectorType type, ConnectorCall call,
        PushPlan plan, ExternalRef external, CancellationToken ct)
    {
        if (plan.Comments.Count == 0 && plan.NewAlerts == 0) return;
        var present = push.Attempts > 1 && plan.Existing is not null ? await CommentsThereAsync(settings, type, call, plan, external, ct) : [];
        var there = present?.Select(SameText.Key).ToHashSet(StringComparer.Ordinal);
        bool AlreadyThere(string text) => there?.Contains(SameText.Key(text)) == true;

        foreach (var comment in plan.Comments)
        {
            if (!AlreadyThere(comment.Text)) await type.AddCommentAsync(call, external, comment.Text, ct);
            await RecordCommentAsync(db, push, comment, ct);
        }
        if (plan.NewAlerts > 0)
        {
            if (!AlreadyThere(plan.AlertsComment)) await type.AddCommentAsync(call, external, plan.AlertsComment, ct);
            await db.ExternalIncidents.Where(i => i.CaseId == push.CaseId && i.ConnectorId == push.ConnectorId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AlertsPushed, plan.AlertCount), ct);
        }
    }

    /// <summary>The incident's comments; null, after a warning, when the system cannot list them or refuses to.</summary>
    private async Task<IReadOnlyList<string>?> CommentsThereAsync(ConnectorSettings settings, IConnectorType type, ConnectorCall call, PushPlan plan,
        ExternalRef external, CancellationToken ct)
    {
        string reason;
        try
        {
            if (await type.CommentsAsync(call, external, ct) is { } texts) return texts;
            reason = "it offers no way to list them";
        }
        catch (ConnectorException ex) when (ex.Failure == ConnectorFailure.Rejected)
        {
            reason = ex.Message;
        }
        logger.LogWarning("The comments of {Incident} in {Connector} cannot be read ({Reason}): a comment of case #{CaseNumber} whose answer was lost is sent again and may appear twice",
            external.Title, settings.Name, reason, plan.Incident.Number);
        return null;
    }

    private async Task<bool> ClaimAsync(long pushId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var lease = now + options.Value.OutboxLease;
        return await db.ConnectorPushes.Where(p => p.Id == pushId && p.State == PushState.Pending && (p.LeaseUntil == null || p.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LeaseUntil, lease).SetProperty(p => p.Attempts, p => p.Attempts + 1), ct) == 1;
    }

    private static async Task RecordCommentAsync(CasesDbContext db, ConnectorPush push, PendingComment comment, CancellationToken ct)
    {
        var row = await db.ExternalCommentPushes.SingleOrDefaultAsync(p => p.CaseId == push.CaseId && p.ConnectorId == push.ConnectorId && p.CommentId == comment.Id, ct);
        if (row is null) db.ExternalCommentPushes.Add(row = new ExternalCommentPush { CaseId = push.CaseId, ConnectorId = push.ConnectorId, CommentId = comment.Id });
        row.Version = comment.Version;
        await db.SaveChangesAsync(ct);
    }

    private async Task<PushOutcome> FailAttemptAsync(CasesDbContext db, ConnectorPush push, ConnectorSettings settings, IConnectorType type,
        PushPlan plan, ConnectorException ex, CancellationToken ct)
    {
        logger.LogWarning("Push of case #{CaseNumber} to {Connector} failed (attempt {Attempt}): {Message}", plan.Incident.Number, settings.Name, push.Attempts, ex.Message);
        if (push.CreateSentAt is not null && plan.Existing is null && !type.CanLookUp(settings))
            return await EndAsync(db, push, PushState.OutcomeUnknown, $"{ex.Message} {UnknownMessage(settings)}", ct);
        if (ex.Failure == ConnectorFailure.Rejected || push.Attempts >= options.Value.OutboxMaxAttempts)
            return await EndAsync(db, push, PushState.Failed, ex.Message, ct);
        var backoff = options.Value.OutboxRetryDelay * Math.Pow(2, Math.Min(push.Attempts - 1, 6));
        push.NextAttemptAt = clock.GetUtcNow() + backoff;
        push.LeaseUntil = null;
        push.LastError = Trim(ex.Message);
        await db.SaveChangesAsync(ct);
        return new PushOutcome(PushState.Pending, $"{ex.Message} The push will be tried again in the background.");
    }

    private async Task<PushOutcome> EndAsync(CasesDbContext db, ConnectorPush push, PushState state, string message, CancellationToken ct)
    {
        (push.State, push.LastError, push.LeaseUntil, push.CompletedAt) = (state, Trim(message), null, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        completion.Notify(push);
        return new PushOutcome(state, message);
    }

    private static string UnknownMessage(ConnectorSettings settings) =>
        $"The incident may or may not have been created in {settings.Name}: check there, then confirm its id or create it again.";

    private static string Trim(string text) => text.Length <= ConnectorPush.ErrorMaxLength ? text : text[..ConnectorPush.ErrorMaxLength];
}

/// <summary>Compares comment texts as a ticketing system may give them back: trimmed, with runs of whitespace as one space.</summary>
internal static class SameText
{
    public static string Key(string text) => System.Text.RegularExpressions.Regex.Replace(text.Trim(), @"\s+", " ");
}
