namespace CasesPortal.Features.Timelines.Query;

/// <summary>
/// The subset of Kibana's KQL analysts type: <c>field:value</c>, quoted values, <c>*</c> wildcards, <c>field:*</c>,
/// ranges (<c>&gt;= &gt; &lt; &lt;=</c>), <c>and</c> / <c>or</c> / <c>not</c> in any case (not binds tighter than and,
/// and tighter than or), parentheses and bare words. Terms side by side without an operator are joined with and.
/// </summary>
public sealed class KqlParser
{
    public const int MaxLength = 4000;
    private const int MaxDepth = 50;

    private readonly List<KqlToken> tokens;
    private int next;
    private int depth;

    private KqlParser(List<KqlToken> tokens) => this.tokens = tokens;

    /// <summary>The expression, null for an empty query, or the first syntax error with its position.</summary>
    public static (KqlNode? Node, KqlError? Error) Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return (null, null);
        if (query.Length > MaxLength) return (null, new KqlError($"The query is too long ({query.Length:N0} characters; the limit is {MaxLength:N0}).", MaxLength));
        var (tokens, lexError) = KqlLexer.Read(query);
        if (lexError is not null) return (null, lexError);
        var parser = new KqlParser(tokens);
        try
        {
            var node = parser.Or();
            if (parser.Peek.Kind != KqlTokenKind.End)
                return (null, new KqlError(parser.Peek.Kind == KqlTokenKind.Close ? "Unexpected ')' without a matching '('." : $"Unexpected '{parser.Peek.Text}'.", parser.Peek.Position));
            return (node, null);
        }
        catch (KqlSyntaxException ex)
        {
            return (null, ex.Error);
        }
    }

    private KqlToken Peek => tokens[next];

    private KqlToken Take() => tokens[next++];

    private KqlNode Or()
    {
        var left = And();
        while (Peek.Kind == KqlTokenKind.Or)
        {
            Take();
            left = new KqlOr(left, And());
        }
        return left;
    }

    private KqlNode And()
    {
        var left = Not();
        while (Peek.Kind is KqlTokenKind.And or KqlTokenKind.Not or KqlTokenKind.Word or KqlTokenKind.Quoted or KqlTokenKind.Open)
        {
            if (Peek.Kind == KqlTokenKind.And) Take();
            left = new KqlAnd(left, Not());
        }
        return left;
    }

    private KqlNode Not()
    {
        if (Peek.Kind != KqlTokenKind.Not) return Primary();
        Take();
        return new KqlNot(Not());
    }

    private KqlNode Primary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case KqlTokenKind.Open:
                if (++depth > MaxDepth) throw Fail($"Too many nested parentheses (at most {MaxDepth}).", token.Position);
                if (Peek.Kind == KqlTokenKind.Close) throw Fail("Empty parentheses: put a condition between them.", Peek.Position);
                var inner = Or();
                if (Peek.Kind != KqlTokenKind.Close) throw Fail("Missing ')' to close the '(' opened here.", token.Position);
                Take();
                depth--;
                return inner;
            case KqlTokenKind.Quoted:
                if (Peek.Kind is KqlTokenKind.Colon or KqlTokenKind.Compare) throw Fail("A field name cannot be quoted.", token.Position);
                return new KqlText(token.Text, true);
            case KqlTokenKind.Word:
                return Peek.Kind switch
                {
                    KqlTokenKind.Colon => FieldValue(token),
                    KqlTokenKind.Compare => FieldRange(token),
                    _ => new KqlText(token.Text, false),
                };
            case KqlTokenKind.End:
                throw Fail("The query ends where a condition was expected.", token.Position);
            default:
                throw Fail($"Expected a condition, found '{token.Text}'.", token.Position);
        }
    }

    private KqlNode FieldValue(KqlToken field)
    {
        CheckField(field);
        Take();
        var value = Take();
        return value.Kind switch
        {
            KqlTokenKind.Word when value.Text == "*" => new KqlExists(field.Text),
            KqlTokenKind.Word => new KqlMatch(field.Text, value.Text, false),
            KqlTokenKind.Quoted => new KqlMatch(field.Text, value.Text, true),
            KqlTokenKind.End => throw Fail($"A value is expected after '{field.Text}:'.", value.Position),
            _ => throw Fail($"A value is expected after '{field.Text}:', found '{value.Text}'.", value.Position),
        };
    }

    private KqlNode FieldRange(KqlToken field)
    {
        CheckField(field);
        var op = Take();
        var value = Take();
        if (value.Kind is not (KqlTokenKind.Word or KqlTokenKind.Quoted) || (value.Kind == KqlTokenKind.Word && value.Text.Contains('*')))
            throw Fail($"A number or a date is expected after '{field.Text} {op.Text}'.", value.Position);
        var isDate = KqlValues.Date(value.Text) is not null;
        if (field.Text == KqlFields.Timestamp ? !isDate : !isDate && !KqlValues.IsNumberOrDate(value.Text))
            throw Fail($"'{value.Text}' is not a {(field.Text == KqlFields.Timestamp ? "date" : "number or a date")} (e.g. 70 or \"2026-11-01\").", value.Position);
        return new KqlRange(field.Text, op.Text, value.Text);
    }

    private static void CheckField(KqlToken field)
    {
        if (!KqlFields.IsValidName(field.Text))
            throw Fail($"'{field.Text}' is not a field name (letters, digits, '.', '_', '@' and '-').", field.Position);
    }

    private static KqlSyntaxException Fail(string message, int position) => new(new KqlError(message, position));

    private sealed class KqlSyntaxException(KqlError error) : Exception(error.Message)
    {
        public KqlError Error { get; } = error;
    }
}
