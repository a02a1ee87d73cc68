namespace CasesPortal.Features.Cases.Model;

/// <summary>Where a case stands. Stored as a number so lists sort and count in SQL; the API speaks Kibana's strings.</summary>
public enum CaseStatus { Open = 0, InProgress = 1, Closed = 2 }

/// <summary>Severity, ordered so that sorting by it is sorting by urgency.</summary>
public enum CaseSeverity { Low = 0, Medium = 1, High = 2, Critical = 3 }

/// <summary>Why a case was closed.</summary>
public enum CloseReason { TruePositive = 0, FalsePositive = 1, Benign = 2, Duplicate = 3, Other = 4 }

/// <summary>The wire names of the case enums (Kibana's spelling) and back.</summary>
public static class CaseNames
{
    public static string Of(CaseStatus status) => status switch
    {
        CaseStatus.Open => "open",
        CaseStatus.InProgress => "in-progress",
        _ => "closed",
    };

    public static string Of(CaseSeverity severity) => severity.ToString().ToLowerInvariant();

    public static string Of(CloseReason reason) => reason switch
    {
        CloseReason.TruePositive => "true_positive",
        CloseReason.FalsePositive => "false_positive",
        CloseReason.Benign => "benign",
        CloseReason.Duplicate => "duplicate",
        _ => "other",
    };

    public static string Label(CaseStatus status) => status switch
    {
        CaseStatus.Open => "Open",
        CaseStatus.InProgress => "In progress",
        _ => "Closed",
    };

    public static string Label(CloseReason reason) => reason switch
    {
        CloseReason.TruePositive => "True positive",
        CloseReason.FalsePositive => "False positive",
        CloseReason.Benign => "Benign",
        CloseReason.Duplicate => "Duplicate",
        _ => "Other",
    };

    public static bool TryParseStatus(string? text, out CaseStatus status) =>
        TryParse(text, Enum.GetValues<CaseStatus>(), Of, out status);

    public static bool TryParseSeverity(string? text, out CaseSeverity severity) =>
        TryParse(text, Enum.GetValues<CaseSeverity>(), Of, out severity);

    public static bool TryParseCloseReason(string? text, out CloseReason reason) =>
        TryParse(text, Enum.GetValues<CloseReason>(), Of, out reason);

    public static IEnumerable<string> All<T>(Func<T, string> name) where T : struct, Enum => Enum.GetValues<T>().Select(name);

    private static bool TryParse<T>(string? text, T[] values, Func<T, string> name, out T value) where T : struct, Enum
    {
        value = values.FirstOrDefault(v => string.Equals(name(v), text?.Trim(), StringComparison.OrdinalIgnoreCase));
        return values.Any(v => string.Equals(name(v), text?.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
