using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using MudBlazor;

namespace CasesPortal.Features.Cases.Shared;

/// <summary>What the analyst chose when closing a case.</summary>
public sealed record CloseChoice(CloseReason Reason, string? Note, CaseLink? DuplicateOf)
{
    /// <summary>Asks why the cases are closed; null when the analyst cancelled.</summary>
    public static async Task<CloseChoice?> AskAsync(IDialogService dialogs, IReadOnlyCollection<string> caseIds, string title)
    {
        var parameters = new DialogParameters<CloseCaseDialog> { { d => d.CaseIds, caseIds } };
        var dialog = await dialogs.ShowAsync<CloseCaseDialog>(title, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        return await dialog.Result is { Canceled: false, Data: CloseChoice choice } ? choice : null;
    }

    /// <summary>The close, added to a case's changes; the UI always asks for the reason.</summary>
    public CaseChanges ApplyTo(CaseChanges changes) => changes with
    {
        Status = CaseStatus.Closed,
        CloseReason = Reason,
        CloseReasonNote = Note,
        DuplicateOfId = DuplicateOf?.Id,
        RequireCloseReason = true,
    };

    public static string Explain(CloseReason reason) => reason switch
    {
        CloseReason.TruePositive => "Real malicious or unwanted activity.",
        CloseReason.FalsePositive => "The detection fired on harmless activity.",
        CloseReason.Benign => "Real activity, but expected or authorised (a test, an admin task).",
        CloseReason.Duplicate => "Another case already covers this; both cases link to each other.",
        _ => "None of the above; say why in the note.",
    };
}
