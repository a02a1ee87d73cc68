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

    /// <summary>The tactics by the short names STIX kill chain phases use (<c>"phase_name": "command-and-control"</c>).</summary>
    public static readonly IReadOnlyDictionary<string, (string Id, string Name)> ByPhaseName = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
    {
        ["reconnaissance"] = ("TA0043", "Reconnaissance"), ["resource-development"] = ("TA0042", "Resource Development"),
        ["initial-access"] = ("TA0001", "Initial Access"), ["execution"] = ("TA0002", "Execution"), ["persistence"] = ("TA0003", "Persistence"),
        ["privilege-escalation"] = ("TA0004", "Privilege Escalation"), ["defense-evasion"] = ("TA0005", "Defense Evasion"),
        ["credential-access"] = ("TA0006", "Credential Access"), ["discovery"] = ("TA0007", "Discovery"), ["lateral-movement"] = ("TA0008", "Lateral Movement"),
        ["collection"] = ("TA0009", "Collection"), ["command-and-control"] = ("TA0011", "Command and Control"), ["exfiltration"] = ("TA0010", "Exfiltration"),
        ["impact"] = ("TA0040", "Impact"),
    };

    /// <summary>Position in the matrix; tactics it does not know (another framework, a typo) come last.</summary>
    public static int Position(string tacticId) => Array.IndexOf(TacticOrder, tacticId.ToUpperInvariant()) is var i and >= 0 ? i : TacticOrder.Length;

    public static string TacticUrl(string id) => $"{Site}tactics/{id.ToUpperInvariant()}/";

    /// <summary><c>T1059</c> → <c>/techniques/T1059/</c>, <c>T1059.001</c> → <c>/techniques/T1059/001/</c>.</summary>
    public static string TechniqueUrl(string id) => $"{Site}techniques/{id.ToUpperInvariant().Replace('.', '/')}/";

    /// <summary>The sender's reference when it points at attack.mitre.org; anything else is not followed.</summary>
    public static string Link(string? reference, string fallback) =>
        reference is not null && reference.StartsWith(Site, StringComparison.OrdinalIgnoreCase) ? reference : fallback;
}
