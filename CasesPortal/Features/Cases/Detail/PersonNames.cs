using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Features.Cases.Detail;

/// <summary>How the case page names people: "You" for the analyst looking at it.</summary>
public static class PersonNames
{
    public static string Of(PersonRef? person, CaseActor viewer) => person switch
    {
        null => "Someone",
        _ when person.UserId == viewer.UserId => "You",
        _ => person.DisplayName,
    };
}
