using CasesPortal.Features.Cases.Services;
using MudBlazor;

namespace CasesPortal.Features.Cases.Evidence;

/// <summary>The remove button of every attached-evidence table: asks first, removes one record, says why when refused.</summary>
public static class EvidenceRemoval
{
    /// <summary>True when the record was removed.</summary>
    public static async Task<bool> ConfirmAndDetachAsync(this CaseEvidenceService evidence, IDialogService dialogs, ISnackbar snackbar, CaseActor actor,
        string caseId, CaseEvidenceKind kind, string id, string label)
    {
        var confirmed = await dialogs.ShowMessageBoxAsync($"Remove {kind.Singular}",
            $"Remove the {kind.Singular} {label} from this case? The {kind.Singular} itself is kept.", yesText: "Remove", cancelText: "Cancel");
        if (confirmed != true) return false;
        var result = await evidence.DetachAsync(actor, caseId, kind, [id]);
        if (!result.Succeeded) snackbar.Add(result.Error!.Message, Severity.Error);
        return result.Succeeded;
    }
}
