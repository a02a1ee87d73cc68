using CasesPortal.Data;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Cases.Services;

/// <summary>Applies the fields of one <see cref="CaseChanges"/> to a tracked case, writing a history line per real change.</summary>
public sealed class CaseChangeApplier(CasesDbContext db, CaseHistoryWriter history, string userId, DateTimeOffset now)
{
    public static string? Validate(CaseChanges change)
    {
        if (string.IsNullOrWhiteSpace(change.Id)) return "id is required for each case.";
        if (CaseVersion.Decode(change.Version) is null) return $"version is required for case {change.Id} (the version you last read).";
        if (change.Title is not null && CaseRules.ValidateTitle(change.Title) is { } title) return title;
        if (CaseRules.ValidateDescription(change.Description) is { } description) return description;
        if (change.Category is { } category && CaseRules.ValidateCategory(category.Value) is { } categoryProblem) return categoryProblem;
        if (change.Tags is not null && CaseRules.NormalizeTags(change.Tags).Problem is { } tags) return tags;
        if (change.Status == CaseStatus.Closed)
            return CaseRules.ValidateClose(change.CloseReason, change.CloseReasonNote, change.DuplicateOfId, change.RequireCloseReason);
        return null;
    }

    /// <summary>Returns a problem (400) or null; the history writer counts what really changed.</summary>
    public async Task<string?> ApplyAsync(Case item, CaseChanges change, CancellationToken ct)
    {
        if (change.Title is { } title && title.Trim() != item.Title)
        {
            history.Add(item.Id, CaseActions.Title, CaseActions.Update, new { title = title.Trim() }, item.Title);
            item.Title = title.Trim();
        }
        if (change.Description is { } description && description != item.Description)
        {
            history.Add(item.Id, CaseActions.Description, CaseActions.Update, new { description }, item.Description);
            item.Description = description;
        }
        if (change.Severity is { } severity && severity != item.Severity)
        {
            history.Add(item.Id, CaseActions.Severity, CaseActions.Update, new { severity = CaseNames.Of(severity) }, CaseNames.Of(item.Severity));
            item.Severity = severity;
        }
        if (change.Category is { } category && CaseRules.NormalizeCategory(category.Value) != item.Category)
        {
            var value = CaseRules.NormalizeCategory(category.Value);
            history.Add(item.Id, CaseActions.Category, value is null ? CaseActions.Delete : CaseActions.Update, new { category = value }, item.Category);
            item.Category = value;
        }
        if (change.SyncAlerts is { } sync && sync != item.SyncAlerts)
        {
            history.Add(item.Id, CaseActions.Settings, CaseActions.Update, new { settings = new { syncAlerts = sync } }, new { syncAlerts = item.SyncAlerts });
            item.SyncAlerts = sync;
        }
        if (change.ExtractObservables is { } extract && extract != item.ExtractObservables)
        {
            history.Add(item.Id, CaseActions.Settings, CaseActions.Update, new { settings = new { extractObservables = extract } },
                new { extractObservables = item.ExtractObservables });
            item.ExtractObservables = extract;
        }
        if (change.Tags is not null) ApplyTags(item, CaseRules.NormalizeTags(change.Tags).Tags);
        if (change.AssigneeIds is not null && await ApplyAssigneesAsync(item, change.AssigneeIds.Distinct().ToList(), ct) is { } problem)
            return problem;
        if (change.Status is { } status && status != item.Status)
            return await ApplyStatusAsync(item, status, change, ct);
        return null;
    }

    private void ApplyTags(Case item, List<string> wanted)
    {
        var wantedKeys = wanted.Select(CaseRules.NormalizeTag).ToHashSet();
        var removed = item.Tags.Where(t => !wantedKeys.Contains(t.NormalizedTag)).ToList();
        var existing = item.Tags.Select(t => t.NormalizedTag).ToHashSet();
        var added = wanted.Where(t => !existing.Contains(CaseRules.NormalizeTag(t))).ToList();
        if (added.Count > 0)
        {
            item.Tags.AddRange(added.Select(t => new CaseTag { CaseId = item.Id, Tag = t, NormalizedTag = CaseRules.NormalizeTag(t) }));
            history.Add(item.Id, CaseActions.Tags, CaseActions.Add, new { tags = added });
        }
        if (removed.Count > 0)
        {
            foreach (var tag in removed) item.Tags.Remove(tag);
            history.Add(item.Id, CaseActions.Tags, CaseActions.Delete, new { tags = removed.Select(t => t.Tag) });
        }
    }

    private async Task<string?> ApplyAssigneesAsync(Case item, List<string> wanted, CancellationToken ct)
    {
        var current = item.Assignees.Select(a => a.UserId).ToHashSet();
        var added = wanted.Where(id => !current.Contains(id)).ToList();
        if (await CaseAssigneeRules.ValidateAsync(db, added, ct) is { } problem) return problem;
        if (wanted.Count > Case.MaxAssignees) return $"assignees must hold at most {Case.MaxAssignees} accounts (got {wanted.Count}).";
        var removed = item.Assignees.Where(a => !wanted.Contains(a.UserId)).ToList();
        if (added.Count > 0)
        {
            item.Assignees.AddRange(added.Select(id => new CaseAssignee { CaseId = item.Id, UserId = id }));
            history.Add(item.Id, CaseActions.Assignees, CaseActions.Add, new { assignees = added.Select(uid => new { uid }) });
        }
        if (removed.Count > 0)
        {
            foreach (var assignee in removed) item.Assignees.Remove(assignee);
            history.Add(item.Id, CaseActions.Assignees, CaseActions.Delete, new { assignees = removed.Select(a => new { uid = a.UserId }) });
        }
        return null;
    }

    private async Task<string?> ApplyStatusAsync(Case item, CaseStatus status, CaseChanges change, CancellationToken ct)
    {
        history.Add(item.Id, CaseActions.Status, CaseActions.Update, new { status = CaseNames.Of(status) }, CaseNames.Of(item.Status));
        await CaseStatusPeriods.MoveAsync(db, item, status, now, ct);
        item.Status = status;
        if (item.SyncAlerts) await AlertStatusSync.FollowCaseAsync(db, item.Id, status, now, ct);
        if (status != CaseStatus.Closed)
        {
            (item.ClosedAt, item.ClosedById, item.DurationSeconds) = (null, null, null);
            (item.CloseReason, item.CloseReasonNote, item.DuplicateOfId) = (null, null, null);
            return null;
        }

        if (change.CloseReason == CloseReason.Duplicate)
        {
            var target = change.DuplicateOfId!.Trim();
            if (target == item.Id) return "duplicate_of must name another case, not the case itself.";
            if (!await db.Cases.AnyAsync(c => c.Id == target && c.DeletedAt == null, ct)) return $"duplicate_of: case {target} not found.";
            item.DuplicateOfId = target;
        }
        (item.ClosedAt, item.ClosedById) = (now, userId);
        item.DurationSeconds = (long)(now - item.CreatedAt).TotalSeconds;
        (item.CloseReason, item.CloseReasonNote) = (change.CloseReason, string.IsNullOrWhiteSpace(change.CloseReasonNote) ? null : change.CloseReasonNote.Trim());
        if (item.CloseReason is { } reason)
            history.Add(item.Id, CaseActions.CloseReason, CaseActions.Update, new
            {
                close_reason = CaseNames.Of(reason),
                close_reason_note = item.CloseReasonNote,
                duplicate_of = item.DuplicateOfId,
            });
        return null;
    }
}
