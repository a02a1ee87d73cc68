using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CasesPortal.Data;

/// <summary>
/// Free text on the evidence lists matches the values of a stored document, never its field names or its JSON
/// punctuation: a plain <c>LIKE</c> over the document found <c>workflow_status</c> or <c>{</c> in every alert. The
/// <c>LIKE</c> stays in front as the cheap filter; <c>values_contain(document, term)</c> then looks at the values of the
/// documents it let through. SQLite runs the function below, registered on each connection; PostgreSQL a SQL function of
/// the same name (migration <c>DocumentValueSearch</c>).
/// </summary>
public static class DocumentValueSearch
{
    public const string FunctionName = "values_contain";

    /// <summary>Mapped to <see cref="FunctionName"/>; only meaningful inside a query.</summary>
    public static bool ValuesContain(string document, string term) => throw new InvalidOperationException("Runs in the database only.");

    /// <summary>Whether a string, number or boolean value of the JSON document holds <paramref name="term"/>, ignoring case.</summary>
    public static bool Matches(ReadOnlySpan<byte> document, string term)
    {
        if (term.Length == 0) return true;
        // An ASCII term is compared on the UTF-8 bytes as they are, without making a string of every value.
        var ascii = System.Text.Ascii.IsValid(term) ? Encoding.ASCII.GetBytes(term) : null;
        var reader = new Utf8JsonReader(document);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False)) continue;
                var matched = ascii is not null && !reader.ValueIsEscaped
                    ? ContainsIgnoringAsciiCase(reader.ValueSpan, ascii)
                    : Text(ref reader).Contains(term, StringComparison.OrdinalIgnoreCase);
                if (matched) return true;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // A stored document is valid JSON; anything else is matched as text, as before.
            return Encoding.UTF8.GetString(document).Contains(term, StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    private static string Text(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan);

    private static bool ContainsIgnoringAsciiCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> term)
    {
        var first = term[0];
        var other = (byte)(char.IsAsciiLetter((char)first) ? first ^ 0x20 : first);
        for (var at = text.IndexOfAny(first, other); at >= 0 && at <= text.Length - term.Length; )
        {
            if (System.Text.Ascii.EqualsIgnoreCase(text.Slice(at, term.Length), term)) return true;
            var next = text[(at + 1)..].IndexOfAny(first, other);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return false;
    }

    /// <summary>Registers the SQLite function on every connection EF Core opens.</summary>
    public sealed class SqliteRegistration : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Register(connection);
            return Task.CompletedTask;
        }

        private static void Register(DbConnection connection)
        {
            if (connection is SqliteConnection sqlite)
                sqlite.CreateFunction<byte[]?, string?, bool>(FunctionName, (document, term) => document is not null && term is not null && Matches(document, term),
                    isDeterministic: true);
        }
    }

    /// <summary>The PostgreSQL function: the same test over <c>jsonb_path_query</c>'s items.</summary>
    public const string CreatePostgresFunction = """
        CREATE OR REPLACE FUNCTION values_contain(document text, term text) RETURNS boolean
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT EXISTS (SELECT 1 FROM jsonb_path_query(document::jsonb, 'strict $.**') AS v
                           WHERE jsonb_typeof(v) IN ('string', 'number', 'boolean') AND strpos(lower(v #>> '{}'), lower(term)) > 0)
        $$;
        """;
}
