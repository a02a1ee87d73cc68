namespace CasesPortal.Features.Cases.Observables;

/// <summary>
/// A value seen in a case (an IP, a hash, a host name...), typed with Kibana's observable type keys. Unique per case,
/// type and normalised value; the (type, value) index serves the search for similar cases.
/// </summary>
public sealed class CaseObservable
{
    public const int ValueMaxLength = 2_048;
    public const int DescriptionMaxLength = 1_000;
    public const int SourceMaxLength = 600;
    public const string ManualSource = "manual";

    public string Id { get; set; } = Guid.NewGuid().ToString();
    public string CaseId { get; set; } = "";
    public string TypeKey { get; set; } = "";
    public string Value { get; set; } = "";
    public string? Description { get; set; }
    public bool IsIoc { get; set; }
    public Tlp Tlp { get; set; } = Tlp.Amber;

    /// <summary><c>manual</c>, or <c>alert:&lt;id&gt;</c> / <c>event:&lt;id&gt;</c> when extracted from attached evidence.</summary>
    public string Source { get; set; } = ManualSource;

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedById { get; set; } = "";
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }
}

/// <summary>Traffic Light Protocol 2.0: how far the value may be shared.</summary>
public enum Tlp
{
    Clear,
    Green,
    Amber,
    AmberStrict,
    Red,
}

/// <summary>An observable type an administrator added beside the built-in ones.</summary>
public sealed class ObservableType
{
    public const int LabelMaxLength = 50;
    public const int PatternMaxLength = 500;
    public const int KeyMaxLength = 80;

    public string Key { get; set; } = "";
    public string Label { get; set; } = "";

    /// <summary>A .NET regular expression every value must match in full; none means any non-empty text.</summary>
    public string? Pattern { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedById { get; set; } = "";
}
