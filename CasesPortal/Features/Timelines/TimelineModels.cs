using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Timelines.Model;
using CasesPortal.Features.Timelines.Query;

namespace CasesPortal.Features.Timelines;

/// <summary>What a create or a change sets; null leaves a field as it is (a create fills the defaults).</summary>
public sealed record TimelineInput
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Query { get; init; }
    public IReadOnlyList<TimelineFilter>? Filters { get; init; }
    public TimelineRange? Range { get; init; }
    public IReadOnlyList<string>? Columns { get; init; }
    public string? SortField { get; init; }
    public bool? SortAscending { get; init; }
}

public sealed record TimelinePinView(string EventId, DateTimeOffset PinnedAt, PersonRef PinnedBy);

public sealed record TimelineNoteView(string Id, string? EventId, string Text, DateTimeOffset CreatedAt, PersonRef CreatedBy);

/// <summary>A timeline as pages and the API read it.</summary>
public sealed record TimelineView(
    string Id, string Title, string Description, string Query, IReadOnlyList<TimelineFilter> Filters, TimelineRange Range,
    IReadOnlyList<string> Columns, string SortField, bool SortAscending, IReadOnlyList<TimelinePinView> Pins, IReadOnlyList<TimelineNoteView> Notes,
    DateTimeOffset CreatedAt, PersonRef CreatedBy, DateTimeOffset UpdatedAt, PersonRef UpdatedBy, string Version)
{
    public static readonly IReadOnlyList<string> DefaultColumns = ["@timestamp", "host.name", "user.name", "event.action", "process.name", "message"];

    /// <summary>The search this timeline runs at <paramref name="now"/> (a relative range ends now).</summary>
    public TimelineSearch Search(DateTimeOffset now, int page = 1, int perPage = 25)
    {
        var (from, to) = Range.Resolve(now);
        return new TimelineSearch { Query = Query, Filters = Filters, From = from, To = to, Page = page, PerPage = perPage, SortField = SortField, Ascending = SortAscending };
    }
}

public sealed record TimelineListItem(string Id, string Title, string Description, string Query, int PinnedEvents, DateTimeOffset UpdatedAt, PersonRef UpdatedBy);

/// <summary>A timeline as it was when attached to a case: what it showed, and how many events it matched then.</summary>
public sealed record TimelineSnapshot(
    string TimelineId, string Title, string Description, string Query, IReadOnlyList<TimelineFilter> Filters, TimelineRange Range,
    IReadOnlyList<string> Columns, IReadOnlyList<string> PinnedEventIds, IReadOnlyList<TimelineNoteView> Notes,
    int? EventCount, bool EventCountIsAtLeast, DateTimeOffset? From, DateTimeOffset? To, DateTimeOffset SavedAt, string Version);

/// <summary>A timeline attached to a case, with its snapshot.</summary>
public sealed record CaseTimelineView(string Id, string CaseId, TimelineSnapshot Snapshot, DateTimeOffset AttachedAt, PersonRef AttachedBy);
