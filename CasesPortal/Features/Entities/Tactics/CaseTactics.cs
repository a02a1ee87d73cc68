namespace CasesPortal.Features.Entities.Tactics;

/// <summary>A technique (or sub-technique) seen on a case's evidence, with how many alerts and indicators carry it.</summary>
public sealed record CaseTechnique(string Id, string Name, string Url, int Alerts, IReadOnlyList<CaseTechnique> Subtechniques, int Indicators = 0);

/// <summary>An ATT&amp;CK tactic seen on a case's evidence, with its techniques, most frequent first.</summary>
public sealed record CaseTactic(string Id, string Name, string Url, int Alerts, IReadOnlyList<CaseTechnique> Techniques, int Indicators = 0);

/// <summary>The tactics of one case in matrix order, and how many of its alerts and indicators carry ATT&amp;CK data at all.</summary>
public sealed record CaseTactics(IReadOnlyList<CaseTactic> Tactics, int AlertsWithThreat, int AlertsTotal, int IndicatorsWithThreat = 0, int IndicatorsTotal = 0);
