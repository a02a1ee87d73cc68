using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Features.Cases.Detail;

/// <summary>What the analyst chose when closing a case.</summary>
public sealed record CloseChoice(CloseReason Reason, string? Note, CaseLink? DuplicateOf)
{
    public static string Explain(CloseReason reason) => reason switch
    {
        CloseReason.TruePositive => "Real malicious or unwanted activity.",
        CloseReason.FalsePositive => "The detection fired on harmless activity.",
        CloseReason.Benign => "Real activity, but expected or authorised (a test, an admin task).",
        CloseReason.Duplicate => "Another case already covers this; both cases link to each other.",
        _ => "None of the above; say why in the note.",
    };
}
