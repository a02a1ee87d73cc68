using System.Globalization;
using CasesPortal.Features.Cases.Files;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using CasesPortal.Features.Common.Markdown;
using CasesPortal.Features.Timelines;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;

namespace CasesPortal.Components.Shared;

public sealed partial class MarkdownEditor
{
    private const int MaxScreenshots = 10;
    private ElementReference root;
    private DotNetObjectReference<MarkdownEditor>? self;
    private int tab;
    private string? restoredFrom, uploading, problem;

    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IServiceProvider Services { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private AuthenticationStateProvider AuthState { get; set; } = default!;

    [Parameter] public string Value { get; set; } = "";
    [Parameter] public EventCallback<string> ValueChanged { get; set; }
    [Parameter, EditorRequired] public string Id { get; set; } = "";
    [Parameter, EditorRequired] public string Label { get; set; } = "";
    [Parameter] public int MaxLength { get; set; } = 30_000;
    [Parameter] public int Lines { get; set; } = 6;
    [Parameter] public string? Placeholder { get; set; }
    [Parameter] public bool AutoFocus { get; set; }
    [Parameter] public bool Disabled { get; set; }
    [Parameter] public string? Class { get; set; }
    [Parameter] public RenderFragment? Actions { get; set; }
    /// <summary>Where the browser keeps the unsaved text (see <see cref="MarkdownDrafts"/>); none when null.</summary>
    [Parameter] public string? DraftKey { get; set; }
    /// <summary>The case pasted or dropped screenshots are attached to; none when null (e.g. a case not created yet).</summary>
    [Parameter] public string? CaseId { get; set; }

    public bool TooLong => Value.Length > MaxLength;

    /// <summary>The timelines a link can be inserted to, when this portal has them.</summary>
    private ITimelineDirectory? Timelines => Services.GetService<ITimelineDirectory>();

    private bool CanUpload => CaseId is not null && !Disabled;

    private string Counter => string.Create(CultureInfo.InvariantCulture, $"{Value.Length:N0} / {MaxLength:N0} characters");

    private string CounterClass => Value.Length > MaxLength ? "mud-error-text"
        : Value.Length > MaxLength * 9 / 10 ? "mud-warning-text" : "mud-text-secondary";

    /// <summary>Shows the Write tab, e.g. after a quote was added to the text.</summary>
    public void ShowWrite() => tab = 0;

    /// <summary>Forgets the browser's draft: call it once the text is saved or the edit abandoned.</summary>
    public async Task ClearDraftAsync()
    {
        restoredFrom = null;
        if (DraftKey is not null) await JS.InvokeVoidAsync("casesPortalMarkdown.clearDraft", DraftKey);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        self = DotNetObjectReference.Create(this);
        await JS.InvokeVoidAsync("casesPortalMarkdown.attach", root, self);
        if (DraftKey is null) return;
        var draft = await JS.InvokeAsync<string?>("casesPortalMarkdown.loadDraft", DraftKey);
        if (string.IsNullOrEmpty(draft) || draft == Value) return;
        restoredFrom = Value;
        await ValueChanged.InvokeAsync(draft);
        StateHasChanged();
    }

    [JSInvokable]
    public Task OnShortcut(string action) =>
        Enum.TryParse<MarkdownAction>(action, out var parsed) && !Disabled && tab == 0 ? ApplyAsync(parsed) : Task.CompletedTask;

    private Task ChangeAsync(string? value) => ValueChanged.InvokeAsync(value ?? "");

    private Task ApplyAsync(MarkdownAction action) => EditAsync(at => MarkdownFormatting.Apply(action, at.Value, at.Start, at.End));

    private Task DefangAsync() => EditAsync(at =>
    {
        if (at.Start != at.End) return MarkdownFormatting.Transform(at.Value, at.Start, at.End, Defanger.Defang);
        problem = "Select the URLs, domains or IPs to defang first.";
        return null;
    });

    private async Task InsertTimelineAsync()
    {
        if (Timelines is not { } directory) return;
        var at = await ReadSelectionAsync();
        var dialog = await Dialogs.ShowAsync<TimelinePickerDialog>("Insert timeline link",
            new DialogParameters<TimelinePickerDialog> { { d => d.Directory, directory } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is not { Canceled: false, Data: TimelineSummary timeline }) return;
        var baseUrl = Services.GetService<PublicLinks>()?.BaseUrl(Navigation.BaseUri) ?? Navigation.BaseUri.TrimEnd('/');
        var link = $"[{MarkdownFormatting.EscapeLinkText(timeline.Title)}]({TimelineLinks.Url(baseUrl, timeline.Id)})";
        await EditAsync(_ => MarkdownFormatting.Insert(at.Value, at.Start, at.End, link));
    }

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        if (CaseId is null) return;
        var files = Services.GetRequiredService<CaseFileService>();
        var actor = CaseActor.From((await AuthState.GetAuthenticationStateAsync()).User);
        var images = new List<string>();
        problem = null;
        foreach (var file in e.GetMultipleFiles(MaxScreenshots))
        {
            uploading = file.Name;
            StateHasChanged();
            var result = await ScreenshotUpload.AttachAsync(files, actor, CaseId, file);
            if (result.Succeeded) images.Add($"![{MarkdownFormatting.EscapeLinkText(result.Value!.FileName)}]({ScreenshotUpload.UrlOf(result.Value)})");
            else problem = result.Error!.Message;
        }
        uploading = null;
        if (images.Count > 0) await EditAsync(at => MarkdownFormatting.Insert(at.Value, at.Start, at.End, string.Join('\n', images)));
        else StateHasChanged();
    }

    /// <summary>Reads the text and selection from the browser (it may be a keystroke ahead of <see cref="Value"/>), edits it, and puts the selection back.</summary>
    private async Task EditAsync(Func<EditorText, TextEdit?> edit)
    {
        var result = edit(await ReadSelectionAsync());
        if (result is null) return;
        await ValueChanged.InvokeAsync(result.Text);
        await JS.InvokeVoidAsync("casesPortalMarkdown.select", Id, result.Text, result.SelectionStart, result.SelectionEnd, DraftKey);
    }

    private async Task<EditorText> ReadSelectionAsync() =>
        await JS.InvokeAsync<EditorText?>("casesPortalMarkdown.selection", Id) ?? new EditorText(Value, Value.Length, Value.Length);

    private async Task DiscardDraftAsync()
    {
        var original = restoredFrom ?? "";
        await ClearDraftAsync();
        await ValueChanged.InvokeAsync(original);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (self is not null) await JS.InvokeVoidAsync("casesPortalMarkdown.detach", root);
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the page with it.
        }
        self?.Dispose();
    }
}

/// <summary>The text box's content and selection as the browser has them.</summary>
public sealed record EditorText(string Value, int Start, int End);
