using System.Text.Json;
using CasesPortal.Data;
using CasesPortal.Features.Cases.Model;

namespace CasesPortal.Features.Cases.Services;

/// <summary>Adds history lines to the same unit of work as the change they describe, with Kibana's types and payloads.</summary>
public sealed class CaseHistoryWriter(CasesDbContext db, string userId, DateTimeOffset at)
{
    public int Count { get; private set; }

    public void Add(string caseId, string type, string action, object payload, object? oldValue = null, string? commentId = null)
    {
        db.CaseUserActions.Add(new CaseUserAction
        {
            CaseId = caseId,
            Type = type,
            Action = action,
            Payload = JsonSerializer.Serialize(payload),
            OldValue = oldValue is null ? null : JsonSerializer.Serialize(oldValue),
            CommentId = commentId,
            CreatedAt = at,
            CreatedById = userId,
        });
        Count++;
    }
}

/// <summary>Kibana's user action types and verbs.</summary>
public static class CaseActions
{
    public const string CreateCase = "create_case";
    public const string Title = "title";
    public const string Description = "description";
    public const string Status = "status";
    public const string Severity = "severity";
    public const string Tags = "tags";
    public const string Assignees = "assignees";
    public const string Category = "category";
    public const string Comment = "comment";
    public const string Settings = "settings";
    public const string DeleteCase = "delete_case";
    public const string CloseReason = "close_reason";
    public const string Attachment = "attachment";
    public const string Observable = "observable";
    public const string Pushed = "pushed";

    public const string Create = "create";
    public const string Update = "update";
    public const string Add = "add";
    public const string Delete = "delete";

    public static readonly IReadOnlyList<string> AllTypes =
        [CreateCase, Title, Description, Status, Severity, Tags, Assignees, Category, Comment, Settings, DeleteCase, CloseReason, Attachment, Observable, Pushed];
}
