using System.Text.Json;
using System.Text.Json.Serialization;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Observables;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Features.Cases.Api;

/// <summary>A person in Kibana's shape.</summary>
public sealed record UserJson(
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("full_name")] string FullName,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("profile_uid")] string ProfileUid)
{
    public static UserJson From(PersonRef p) => new(p.Email, p.DisplayName, p.Email, p.UserId);
    public static UserJson? Maybe(PersonRef? p) => p is null ? null : From(p);
}

public sealed record ConnectorJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("fields")] object? Fields)
{
    public static readonly ConnectorJson None = new("none", "none", ".none", null);

    public static ConnectorJson From(Connectors.Push.CaseConnectorView? c) => c is null ? None : new(c.Id, c.Name, c.TypeId, c.Fields);
}

/// <summary>Kibana's <c>external_service</c>: where and when the case was last pushed.</summary>
public sealed record ExternalServiceJson(
    [property: JsonPropertyName("connector_id")] string ConnectorId,
    [property: JsonPropertyName("connector_name")] string ConnectorName,
    [property: JsonPropertyName("external_id")] string ExternalId,
    [property: JsonPropertyName("external_title")] string ExternalTitle,
    [property: JsonPropertyName("external_url")] string ExternalUrl,
    [property: JsonPropertyName("pushed_at")] DateTimeOffset? PushedAt,
    [property: JsonPropertyName("pushed_by")] UserJson? PushedBy)
{
    public static ExternalServiceJson? From(Connectors.Model.ExternalIncident? i, PersonRef? by) => i is null ? null
        : new(i.ConnectorId, i.ConnectorName, i.ExternalId, i.ExternalTitle, i.ExternalUrl, i.PushedAt, UserJson.Maybe(by));
}

public sealed record SettingsJson(
    [property: JsonPropertyName("syncAlerts")] bool SyncAlerts,
    [property: JsonPropertyName("extractObservables")] bool ExtractObservables = true);

public sealed record AssigneeJson([property: JsonPropertyName("uid")] string Uid);

/// <summary>A case exactly as Kibana's Cases API writes it, plus the portal's number and close reason.</summary>
public sealed record CaseJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("incremental_id")] long Number,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags,
    [property: JsonPropertyName("assignees")] IReadOnlyList<AssigneeJson> Assignees,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("settings")] SettingsJson Settings,
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("connector")] ConnectorJson Connector,
    [property: JsonPropertyName("external_service")] ExternalServiceJson? ExternalService,
    [property: JsonPropertyName("customFields")] IReadOnlyList<object> CustomFields,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("created_by")] UserJson CreatedBy,
    [property: JsonPropertyName("updated_at")] DateTimeOffset? UpdatedAt,
    [property: JsonPropertyName("updated_by")] UserJson? UpdatedBy,
    [property: JsonPropertyName("closed_at")] DateTimeOffset? ClosedAt,
    [property: JsonPropertyName("closed_by")] UserJson? ClosedBy,
    [property: JsonPropertyName("duration")] long? Duration,
    [property: JsonPropertyName("close_reason")] string? CloseReason,
    [property: JsonPropertyName("close_reason_note")] string? CloseReasonNote,
    [property: JsonPropertyName("duplicate_of")] string? DuplicateOf,
    [property: JsonPropertyName("totalComment")] int TotalComment,
    [property: JsonPropertyName("totalAlerts")] int TotalAlerts,
    [property: JsonPropertyName("totalEvents")] int TotalEvents,
    [property: JsonPropertyName("totalIndicators")] int TotalIndicators,
    [property: JsonPropertyName("comments")] IReadOnlyList<CommentJson> Comments)
{
    public static CaseJson From(CaseView c, IReadOnlyList<CommentJson>? comments = null) => new(
        c.Id, c.Version, c.Number, c.Title, c.Description, CaseNames.Of(c.Status), CaseNames.Of(c.Severity), c.Tags,
        c.Assignees.Select(a => new AssigneeJson(a.UserId)).ToList(), c.Category, new SettingsJson(c.SyncAlerts, c.ExtractObservables), c.Owner,
        ConnectorJson.From(c.Connector), ExternalServiceJson.From(c.ExternalService, c.ExternalServicePushedBy), [], c.CreatedAt, UserJson.From(c.CreatedBy), c.UpdatedAt, UserJson.Maybe(c.UpdatedBy),
        c.ClosedAt, UserJson.Maybe(c.ClosedBy), c.DurationSeconds, c.CloseReason is { } r ? CaseNames.Of(r) : null, c.CloseReasonNote,
        c.DuplicateOf?.Id, c.CommentCount, c.TotalAlerts, c.TotalEvents, c.TotalIndicators, comments ?? [])
    {
        Observables = c.Observables.Select(ObservableJson.From).ToList(),
    };

    /// <summary>Kibana's observables of the case (type key, value, description).</summary>
    [JsonPropertyName("observables")]
    public IReadOnlyList<ObservableJson> Observables { get; init; } = [];

    [JsonPropertyName("total_observables")]
    public int TotalObservables => Observables.Count;
}

public sealed record CommentJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("comment")] string Comment,
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("created_by")] UserJson CreatedBy,
    [property: JsonPropertyName("updated_at")] DateTimeOffset? UpdatedAt,
    [property: JsonPropertyName("updated_by")] UserJson? UpdatedBy,
    [property: JsonPropertyName("pushed_at")] DateTimeOffset? PushedAt,
    [property: JsonPropertyName("pushed_by")] UserJson? PushedBy)
{
    public static CommentJson From(CommentView c) => new(c.Id, c.Version, "user", c.Body, c.Owner, c.CreatedAt, UserJson.From(c.CreatedBy),
        c.UpdatedAt, UserJson.Maybe(c.UpdatedBy), null, null);
}

public sealed record UserActionJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("case_id")] string CaseId,
    [property: JsonPropertyName("comment_id")] string? CommentId,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("payload")] JsonElement Payload,
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("created_by")] UserJson CreatedBy)
{
    public static UserActionJson From(UserActionView a) => new(a.Id, a.CaseId, a.CommentId, a.Type, a.Action,
        JsonDocument.Parse(a.Payload).RootElement.Clone(), Case.DefaultOwner, CaseVersion.Encode(1), a.CreatedAt, UserJson.From(a.CreatedBy));
}
