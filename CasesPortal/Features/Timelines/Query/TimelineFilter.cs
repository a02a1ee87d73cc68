namespace CasesPortal.Features.Timelines.Query;

/// <summary>A filter chip beside the query: field is / is not / is one of / exists; it can be disabled or inverted.</summary>
public sealed record TimelineFilter(string Field, string Operator, IReadOnlyList<string> Values, bool Disabled = false, bool Negate = false)
{
    public const string Is = "is";
    public const string IsNot = "is_not";
    public const string IsOneOf = "is_one_of";
    public const string Exists = "exists";
    public static readonly string[] Operators = [Is, IsNot, IsOneOf, Exists];
    public const int MaxValues = 100;
    public const int MaxValueLength = 1024;
    public const int MaxFilters = 50;

    /// <summary>Why the filter cannot be used, or null.</summary>
    public string? Problem() =>
        !KqlFields.IsValidName(Field ?? "") ? $"Filter field '{Field}' is not a field name."
        : !Operators.Contains(Operator) ? $"Filter operator must be one of {string.Join(", ", Operators)} (got '{Operator}')."
        : Operator != Exists && (Values is null || Values.Count == 0) ? $"The filter on {Field} needs a value."
        : Operator is Is or IsNot && Values.Count > 1 ? $"The filter '{Field} {Label}' takes one value; use is_one_of for several."
        : Values?.Count > MaxValues ? $"A filter takes at most {MaxValues} values."
        : Values?.Any(v => v is null || v.Length > MaxValueLength) == true ? $"Filter values must be given and at most {MaxValueLength:N0} characters long."
        : null;

    public string Label => Operator switch { IsNot => "is not", IsOneOf => "is one of", Exists => "exists", _ => "is" };

    public override string ToString() =>
        (Negate ? "NOT " : "") + Field + " " + Label + (Operator == Exists ? "" : " " + string.Join(", ", Values));

    /// <summary>The filter as a KQL expression; null when disabled.</summary>
    public KqlNode? ToNode()
    {
        if (Disabled) return null;
        KqlNode node = Operator switch
        {
            Exists => new KqlExists(Field),
            IsNot => new KqlNot(new KqlMatch(Field, Values[0], true)),
            IsOneOf => Values.Select(v => (KqlNode)new KqlMatch(Field, v, true)).Aggregate((a, b) => new KqlOr(a, b)),
            _ => new KqlMatch(Field, Values[0], true),
        };
        return Negate ? new KqlNot(node) : node;
    }
}
