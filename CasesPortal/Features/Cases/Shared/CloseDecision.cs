using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using MudBlazor;

namespace CasesPortal.Features.Cases.Shared;

/// <summary>What the analyst chose in the close dialog.</summary>
public sealed record CloseDecision(CloseReason Reason, string? Note, string? DuplicateOfId)
{
    /// <summary>Asks for the close reason; null when the analyst cancelled.</summary>
    public static async Task<CloseDecision?> AskAsync(IDialogService dialogs, IReadOnlyCollection<string> caseIds)
    {
        var parameters = new DialogParameters<CloseCaseDialog> { { d => d.Count, caseIds.Count }, { d => d.CaseIds, caseIds } };
        var dialog = await dialogs.ShowAsync<CloseCaseDialog>(caseIds.Count == 1 ? "Close case" : "Close cases", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        return await dialog.Result is { Canceled: false, Data: CloseDecision decision } ? decision : null;
    }

    public CaseChanges ApplyTo(CaseChanges changes) => changes with
    {
        Status = CaseStatus.Closed,
        CloseReason = Reason,
        CloseReasonNote = Note,
        DuplicateOfId = DuplicateOfId,
        RequireCloseReason = true,
    };
}
