namespace CasesPortal.Features.Entities.Tactics;

/// <summary>The MITRE ATT&amp;CK Enterprise tactics in the matrix's order (reconnaissance → impact), and the links to attack.mitre.org.</summary>
public static class AttackMatrix
{
    public const string Site = "https://attack.mitre.org/";

    private static readonly string[] TacticOrder =
    [
        "TA0043", "TA0042", "TA0001", "TA0002", "TA0003", "TA0004", "TA0005", "TA0006",
        "TA0007", "TA0008", "TA0009", "TA0011", "TA0010", "TA0040",
    ];

    /// <summary>Position in the matrix; tactics it does not know (another framework, a typo) come last.</summary>
    public static int Position(string tacticId) => Array.IndexOf(TacticOrder, tacticId.ToUpperInvariant()) is var i and >= 0 ? i : TacticOrder.Length;

    public static string TacticUrl(string id) => $"{Site}tactics/{id.ToUpperInvariant()}/";

    /// <summary><c>T1059</c> → <c>/techniques/T1059/</c>, <c>T1059.001</c> → <c>/techniques/T1059/001/</c>.</summary>
    public static string TechniqueUrl(string id) => $"{Site}techniques/{id.ToUpperInvariant().Replace('.', '/')}/";

    /// <summary>The sender's reference when it points at attack.mitre.org; anything else is not followed.</summary>
    public static string Link(string? reference, string fallback) =>
        reference is not null && reference.StartsWith(Site, StringComparison.OrdinalIgnoreCase) ? reference : fallback;
}
