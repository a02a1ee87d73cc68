namespace CasesPortal.Features.Timelines.Query;

/// <summary>One run of a timeline's query: KQL, filters, a time range on <c>@timestamp</c>, a sort (newest first by default) and a page.</summary>
public sealed record TimelineSearch
{
    public const int MaxPerPage = 100;

    public string? Query { get; init; }
    public IReadOnlyList<TimelineFilter> Filters { get; init; } = [];
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Page { get; init; } = 1;
    public int PerPage { get; init; } = 25;
    /// <summary>One of <see cref="KqlFields.Sortable"/>; ties are broken newest first.</summary>
    public string SortField { get; init; } = KqlFields.Timestamp;
    public bool Ascending { get; init; }
}

/// <summary>An event as a timeline lists it: its id, time and the whole stored document.</summary>
public sealed record TimelineEvent(string Id, DateTimeOffset? Timestamp, string Document);

/// <summary>A page of events. Totals are exact up to <see cref="TimelineEventSearch.ExactTotalLimit"/>; past it <see cref="TotalIsAtLeast"/> is set.</summary>
public sealed record TimelineEventsPage(IReadOnlyList<TimelineEvent> Events, int Total, bool TotalIsAtLeast, int Page, int PerPage)
{
    public string TotalText => TotalIsAtLeast ? $"{Total:N0}+" : Total.ToString("N0");
}

public sealed record HistogramBucket(DateTimeOffset Start, DateTimeOffset End, int Count);

/// <summary>What a search ended with: the result, a syntax error with its position, or stopped at its time budget.</summary>
public sealed record TimelineQueryResult<T>(T? Value, KqlError? Error, TimeSpan? StoppedAfter)
{
    public bool Succeeded => Error is null && StoppedAfter is null;

    public string? Problem => Error is { } e ? e.ToString()
        : StoppedAfter is { } budget ? $"The query was stopped after {budget.TotalSeconds:0.#} s (the time budget). Narrow the time range or the query."
        : null;
}
