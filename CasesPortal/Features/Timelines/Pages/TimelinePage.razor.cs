using CasesPortal.Features.Accounts.Profile;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Evidence.AddToCase;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using CasesPortal.Features.Evidence.Explore;
using CasesPortal.Features.Timelines.Model;
using CasesPortal.Features.Timelines.Query;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CasesPortal.Features.Timelines.Pages;

/// <summary>
/// The timeline page's state: what the analyst runs (query, filters, range, columns) is saved on the timeline as they
/// go, with the version they read; a Viewer runs the same without saving.
/// </summary>
public sealed partial class TimelinePage
{
    private const int PerPage = 25;
    // The bulk bar's "select all matching" is not offered here (Total equals the ticked rows), so its filter is never used.
    private readonly EventQuery noFilter = new();

    [Parameter] public string Id { get; set; } = "";

    [Inject] private TimelineService Timelines { get; set; } = default!;
    [Inject] private TimelineEventSearch Search { get; set; } = default!;
    [Inject] private AuthenticationStateProvider AuthState { get; set; } = default!;
    [Inject] private UserPreferencesState Preferences { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private TimelineView? timeline;
    private CaseActor actor = new("", new HashSet<string>());
    private bool loaded;
    private string query = "";
    private IReadOnlyList<TimelineFilter> filters = [];
    private TimelineRange range = TimelineRange.AllTime;
    private IReadOnlyList<string> columns = [];
    private HashSet<string> pinned = [];
    private TimelineEventsPage? page;
    private IReadOnlyList<HistogramBucket> buckets = [];
    private IReadOnlyList<string> selectedIds = [];
    private TimelineEvent? opened;
    private string? queryError, problem;
    private int tableKey;

    private string? loadedId;

    protected override async Task OnParametersSetAsync()
    {
        // The layout re-renders now and then; only another timeline reloads (and resets the bar).
        if (loadedId == Id) return;
        loadedId = Id;
        await Preferences.EnsureLoadedAsync();
        actor = CaseActor.From((await AuthState.GetAuthenticationStateAsync()).User);
        timeline = await Timelines.GetAsync(Id);
        loaded = true;
        if (timeline is null) return;
        (query, filters, range, columns) = (timeline.Query, timeline.Filters, timeline.Range, timeline.Columns.Count > 0 ? timeline.Columns : TimelineView.DefaultColumns);
        pinned = timeline.Pins.Select(p => p.EventId).ToHashSet();
        await LoadAsync(1);
    }

    private async Task LoadAsync(int pageNumber)
    {
        var (from, to) = range.Resolve(Clock.GetUtcNow());
        var search = new TimelineSearch { Query = query, Filters = filters, From = from, To = to, Page = pageNumber, PerPage = PerPage,
            SortField = timeline!.SortField, Ascending = timeline.SortAscending };
        var found = await Search.FindAsync(search);
        queryError = found.Error?.ToString();
        problem = found.StoppedAfter is not null ? found.Problem : null;
        if (!found.Succeeded) return;
        page = found.Value;
        selectedIds = [];
        tableKey++;
        var histogram = await Search.HistogramAsync(search);
        buckets = histogram.Value ?? [];
        problem ??= histogram.StoppedAfter is not null ? "The histogram was stopped at the time budget; the results above are complete." : null;
    }

    private async Task RunAsync((string Query, TimelineRange Range) run)
    {
        (query, range) = (run.Query.Trim(), run.Range);
        if (KqlParser.Parse(query).Error is { } error)
        {
            queryError = error.ToString();
            return;
        }
        await SaveAsync(new TimelineInput { Query = query, Range = range });
        await LoadAsync(1);
    }

    private async Task FiltersChangedAsync(IReadOnlyList<TimelineFilter> next)
    {
        filters = next;
        await SaveAsync(new TimelineInput { Filters = filters });
        await LoadAsync(1);
    }

    private async Task ColumnsChangedAsync(IReadOnlyList<string> next)
    {
        columns = next;
        await SaveAsync(new TimelineInput { Columns = columns });
        tableKey++;
    }

    private Task PageAsync(int pageNumber) => LoadAsync(pageNumber);

    /// <summary>Sorts the results; the sort is saved with the timeline, and a Viewer's stays on the page.</summary>
    private async Task SortAsync((string Field, bool Ascending) sort)
    {
        await SaveAsync(new TimelineInput { SortField = sort.Field, SortAscending = sort.Ascending });
        if (!actor.CanWrite) timeline = timeline! with { SortField = sort.Field, SortAscending = sort.Ascending };
        await LoadAsync(1);
    }

    private async Task DeleteNoteAsync(TimelineNoteView note)
    {
        if (await Dialogs.ShowMessageBoxAsync("Delete note", "Delete this note? This cannot be undone.", yesText: "Delete", cancelText: "Cancel") != true) return;
        var result = await Timelines.DeleteNoteAsync(actor, timeline!.Id, note.Id);
        if (result.Succeeded) timeline = await Timelines.GetAsync(timeline.Id);
        else Snackbar.Add(result.Error!.Message, Severity.Error);
    }

    /// <summary>Saves what changed on the timeline; a Viewer's runs stay on the page.</summary>
    private async Task SaveAsync(TimelineInput change)
    {
        if (!actor.CanWrite) return;
        var saved = await Timelines.UpdateAsync(actor, timeline!.Id, timeline.Version, change);
        if (saved.Succeeded) timeline = saved.Value;
        else Snackbar.Add($"Not saved: {saved.Error!.Message}", Severity.Warning);
    }

    private async Task TogglePinAsync(string eventId)
    {
        var pin = !pinned.Contains(eventId);
        var result = await Timelines.PinAsync(actor, timeline!.Id, eventId, pin);
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Error!.Message, Severity.Error);
            return;
        }
        timeline = await Timelines.GetAsync(timeline.Id);
        pinned = timeline!.Pins.Select(p => p.EventId).ToHashSet();
    }

    private async Task OpenPinnedAsync(string eventId)
    {
        var found = await Search.FindAsync(new TimelineSearch { Query = $"_id:\"{eventId.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"", PerPage = 1 });
        opened = found.Value?.Events.FirstOrDefault();
    }

    private async Task AddNoteAsync(string? eventId, string text)
    {
        var result = await Timelines.AddNoteAsync(actor, timeline!.Id, eventId, text);
        if (result.Succeeded) timeline = await Timelines.GetAsync(timeline.Id);
        else Snackbar.Add(result.Error!.Message, Severity.Error);
    }

    private Task ClearSelectionAsync()
    {
        selectedIds = [];
        tableKey++;
        return Task.CompletedTask;
    }

    private IReadOnlyList<(string, string?)> OpenedFields()
    {
        if (opened is null) return [];
        var fields = EventFields.Read(opened.Document, ["host.name", "user.name", "event.action", "event.outcome", "process.name", "message"]);
        return [("@timestamp", opened.Timestamp is { } t ? Preferences.Format(t, withSeconds: true) : null), .. fields.Select(f => (f.Key, (string?)f.Value)), ("Id", opened.Id)];
    }
}
