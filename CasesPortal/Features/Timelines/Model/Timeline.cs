namespace CasesPortal.Features.Timelines.Model;

/// <summary>A saved investigation: a query with filters over a time range, the columns shown, pinned events and notes.</summary>
public sealed class Timeline
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 30_000;
    public const int MaxColumns = 30;

    public string Id { get; set; } = Guid.NewGuid().ToString("N");
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Query { get; set; } = "";

    /// <summary>The filter chips, as JSON (<see cref="Query.TimelineFilter"/>[]).</summary>
    public string Filters { get; set; } = "[]";

    /// <summary>A relative range key (<see cref="TimelineRange.Relatives"/>), or null for absolute/all time.</summary>
    public string? RangeRelative { get; set; }
    public DateTimeOffset? RangeFrom { get; set; }
    public DateTimeOffset? RangeTo { get; set; }

    /// <summary>The chosen columns, as a JSON array of ECS field names.</summary>
    public string Columns { get; set; } = "[]";

    /// <summary>The field the results are sorted on (<see cref="CasesPortal.Features.Timelines.Query.KqlFields.Sortable"/>), ties newest first.</summary>
    public string SortField { get; set; } = CasesPortal.Features.Timelines.Query.KqlFields.Timestamp;

    /// <summary>True for ascending (oldest first on <c>@timestamp</c>).</summary>
    public bool SortAscending { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedById { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedById { get; set; } = "";
    public int Version { get; set; } = 1;
}

/// <summary>An event pinned on a timeline.</summary>
public sealed class TimelinePin
{
    public string TimelineId { get; set; } = "";
    public string EventId { get; set; } = "";
    public DateTimeOffset PinnedAt { get; set; }
    public string PinnedById { get; set; } = "";
}

/// <summary>A Markdown note on a timeline, or on one of its events when <see cref="EventId"/> is set.</summary>
public sealed class TimelineNote
{
    public const int TextMaxLength = 30_000;

    public string Id { get; set; } = Guid.NewGuid().ToString("N");
    public string TimelineId { get; set; } = "";
    public string? EventId { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedById { get; set; } = "";
}

/// <summary>A timeline attached to a case: a snapshot of it as it was at the time (JSON <see cref="TimelineSnapshot"/>).</summary>
public sealed class CaseTimeline
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");
    public string CaseId { get; set; } = "";
    public string TimelineId { get; set; } = "";
    public string Title { get; set; } = "";
    public string Snapshot { get; set; } = "{}";
    public DateTimeOffset AttachedAt { get; set; }
    public string AttachedById { get; set; } = "";
}
