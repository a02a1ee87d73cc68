using System.Text;

namespace CasesPortal.Features.Timelines.Query;

internal enum KqlTokenKind { Word, Quoted, Colon, Compare, Open, Close, And, Or, Not, End }

internal sealed record KqlToken(KqlTokenKind Kind, string Text, int Position);

/// <summary>Splits a KQL query into words, quoted strings, <c>:</c>, comparisons, parentheses and the three keywords.</summary>
internal static class KqlLexer
{
    public static (List<KqlToken> Tokens, KqlError? Error) Read(string query)
    {
        var tokens = new List<KqlToken>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            switch (c)
            {
                case '(': tokens.Add(new(KqlTokenKind.Open, "(", i++)); continue;
                case ')': tokens.Add(new(KqlTokenKind.Close, ")", i++)); continue;
                case ':': tokens.Add(new(KqlTokenKind.Colon, ":", i++)); continue;
                case '<' or '>':
                    var op = i + 1 < query.Length && query[i + 1] == '=' ? $"{c}=" : c.ToString();
                    tokens.Add(new(KqlTokenKind.Compare, op, i));
                    i += op.Length;
                    continue;
                case '"':
                    var (text, end, error) = Quoted(query, i);
                    if (error is not null) return (tokens, error);
                    tokens.Add(new(KqlTokenKind.Quoted, text, i));
                    i = end;
                    continue;
            }
            var start = i;
            var word = new StringBuilder();
            while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not ('(' or ')' or ':' or '<' or '>' or '"'))
            {
                // A backslash keeps the next character in the word, e.g. a colon in a value.
                if (query[i] == '\\' && i + 1 < query.Length) i++;
                word.Append(query[i++]);
            }
            var raw = query[start..i];
            tokens.Add(raw.ToLowerInvariant() switch
            {
                "and" => new(KqlTokenKind.And, raw, start),
                "or" => new(KqlTokenKind.Or, raw, start),
                "not" => new(KqlTokenKind.Not, raw, start),
                _ => new(KqlTokenKind.Word, word.ToString(), start),
            });
        }
        tokens.Add(new(KqlTokenKind.End, "", query.Length));
        return (tokens, null);
    }

    private static (string Text, int End, KqlError? Error) Quoted(string query, int open)
    {
        var text = new StringBuilder();
        var i = open + 1;
        while (i < query.Length)
        {
            var c = query[i];
            if (c == '\\' && i + 1 < query.Length) { text.Append(query[i + 1]); i += 2; continue; }
            if (c == '"') return (text.ToString(), i + 1, null);
            text.Append(c);
            i++;
        }
        return ("", i, new KqlError("Missing '\"' to close the quoted value opened here.", open));
    }
}
