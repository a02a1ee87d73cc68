using CasesPortal.Features.Accounts.Profile;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Files;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CasesPortal.Features.Cases.Detail;

/// <summary>
/// The case page. It holds the case as last read, saves through <see cref="CaseService"/> with the version the
/// analyst saw, and re-reads the case whenever <see cref="CaseEvents"/> reports a change to it, so other analysts'
/// changes show without a reload. Open editors keep their own starting version (see <see cref="DraftEdit"/>).
/// </summary>
public sealed partial class CaseDetailPage : IDisposable
{
    [Inject] private CaseQueries Queries { get; set; } = default!;
    [Inject] private CaseService Cases { get; set; } = default!;
    [Inject] private CaseEvents Events { get; set; } = default!;
    [Inject] private CaseFileService Files { get; set; } = default!;
    [Inject] private CaseEvidenceService Evidence { get; set; } = default!;
    [Inject] private UserPreferencesState Preferences { get; set; } = default!;
    [Inject] private AuthenticationStateProvider AuthState { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Parameter] public long Number { get; set; }

    private CaseView? current;
    private IReadOnlyList<CaseLink> duplicates = [];
    private CaseActor actor = new("", new HashSet<string>());
    private bool loaded;
    private long loadedNumber;
    private int stamp;
    private const int FilesTab = 1;
    private int fileCount;
    private int activeTab;
    private EvidenceCounts evidence = EvidenceCounts.None;
    private readonly CancellationTokenSource closing = new();

    private string PageTitle => current is null ? $"Case #{Number}" : $"#{current.Number} {current.Title}";

    protected override async Task OnInitializedAsync()
    {
        await Preferences.EnsureLoadedAsync();
        actor = CaseActor.From((await AuthState.GetAuthenticationStateAsync()).User);
        Events.Changed += OnCaseChangedAsync;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (loaded && loadedNumber == Number) return;
        (loaded, loadedNumber, current) = (false, Number, null);
        await LoadAsync();
        loaded = true;
    }

    private async Task LoadAsync()
    {
        var fresh = await Queries.GetByNumberAsync(loadedNumber);
        // Replies can overtake each other; never step back to an older version of the same case.
        if (fresh is not null && current?.Id == fresh.Id && CaseVersion.Decode(fresh.Version) < CaseVersion.Decode(current.Version)) return;
        current = fresh;
        duplicates = current is null ? [] : await Queries.DuplicatesOfAsync(current.Id);
        fileCount = current is null ? 0 : await Files.CountAsync(current.Id);
        evidence = current is null ? EvidenceCounts.None : await Evidence.CountAsync(current.Id);
        stamp++;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) _ = KeepRelativeTimesFreshAsync();
    }

    // "5 minutes ago" must not stay "just now" on a page left open for an hour.
    private async Task KeepRelativeTimesFreshAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(closing.Token)) await InvokeAsync(StateHasChanged);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private Task OnCaseChangedAsync(CaseChanged change) => InvokeAsync(async () =>
    {
        if (current is null) return;
        if (change.CaseId == current.Id) await LoadAsync();
        // Another case closed as a duplicate of this one (or no longer) shows in "Duplicates".
        else if (change.What is "updated" or "deleted" or "restored") duplicates = await Queries.DuplicatesOfAsync(current.Id);
        else return;
        StateHasChanged();
    });

    /// <summary>For editors: they show the refusal themselves and keep the analyst's draft.</summary>
    private async Task<ServiceError?> SaveDraftAsync(CaseChanges changes)
    {
        var result = await Cases.UpdateAsync(actor, [changes]);
        if (result.Succeeded)
        {
            current = result.Value![0];
            stamp++;
        }
        else if (result.Error!.Status is StatusCodes.Status409Conflict or StatusCodes.Status404NotFound)
        {
            await LoadAsync();
        }
        StateHasChanged();
        return result.Error;
    }

    /// <summary>For one-click changes (status, severity, tags...): a refusal is reported here, with the latest values shown.</summary>
    private async Task<ServiceError?> SaveFieldAsync(CaseChanges changes)
    {
        var error = await SaveDraftAsync(changes);
        if (error is not null)
            Snackbar.Add(error.Status == StatusCodes.Status409Conflict ? $"Not saved: {error.Message} The latest values are shown now." : error.Message,
                Severity.Error);
        return error;
    }

    public void Dispose()
    {
        Events.Changed -= OnCaseChangedAsync;
        closing.Cancel();
        closing.Dispose();
    }
}
