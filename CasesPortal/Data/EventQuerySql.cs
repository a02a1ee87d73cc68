using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;

namespace CasesPortal.Data;

/// <summary>
/// The engine's pieces of SQL for timeline queries over <c>"SecurityEvents" AS e</c>: parameters, JSON document fields,
/// wildcards, list columns, full-text search and the time budget. A value test on a document field is written against
/// <see cref="Value"/>, <see cref="NumberValue"/> and <see cref="ValueType"/> inside <see cref="DocumentValues"/>.
/// </summary>
public interface IEventQuerySql
{
    /// <summary>The placeholder for the parameter called <paramref name="name"/> in the command text.</summary>
    string Parameter(string name);

    /// <summary>What to bind for a document path given as its keys (<c>["process", "name"]</c> or <c>["process.name"]</c>).</summary>
    object JsonPath(IReadOnlyList<string> keys);

    /// <summary>True when the document has something at the bound path.</summary>
    string JsonExists(string path);

    /// <summary>A <c>SELECT 1 ... WHERE test</c> over the value (or each value of an array) at the bound path.</summary>
    string DocumentValues(string path, string test);

    /// <summary>The current document value as text, inside <see cref="DocumentValues"/>.</summary>
    string Value { get; }

    /// <summary>A comparison of the current document value as a number: false when it is not a number.</summary>
    string NumberValue(string comparison, string number);

    /// <summary>The JSON type of the current document value is <c>true</c> or <c>false</c> (the word given).</summary>
    string IsBoolean(string word);

    /// <summary><paramref name="text"/> matches the bound wildcard pattern (case-sensitive).</summary>
    string Wildcard(string text, string pattern);

    /// <summary>What to bind for a KQL wildcard value (<c>*</c> any run of characters, everything else literal).</summary>
    object WildcardPattern(string kqlValue);

    /// <summary><paramref name="haystack"/> contains the bound text.</summary>
    string ContainsText(string haystack, string needle);

    /// <summary>
    /// Full-text match of words (as a phrase, the last word a prefix when <paramref name="prefix"/>) against the message
    /// only or against the message and the indexed text; null when there is no word to look for.
    /// </summary>
    (string Sql, object Value)? FullText(bool messageOnly, string words, bool prefix, Func<object, string> bind);

    /// <summary>
    /// Runs <paramref name="work"/> on the open connection, stopping the running statement in the engine when the budget
    /// runs out; returns whether it was stopped (and then no value). The caller's own cancellation still throws.
    /// </summary>
    Task<(T? Value, bool Stopped)> WithBudgetAsync<T>(DbConnection connection, TimeSpan budget, Func<CancellationToken, Task<T>> work, CancellationToken ct);
}

public sealed class SqliteEventQuerySql : IEventQuerySql
{
    public static readonly SqliteEventQuerySql Instance = new();
    private const int SqliteInterrupted = 9;

    public string Parameter(string name) => "$" + name;

    public object JsonPath(IReadOnlyList<string> keys) => "$." + string.Join('.', keys.Select(k => $"\"{k}\""));

    public string JsonExists(string path) => $"json_type(e.\"Document\", {path}) IS NOT NULL";

    public string DocumentValues(string path, string test) => $"SELECT 1 FROM json_each(e.\"Document\", {path}) WHERE {test}";

    public string Value => "value";

    public string NumberValue(string comparison, string number) => $"value {comparison} {number}";

    public string IsBoolean(string word) => $"type = '{word}'";

    public string Wildcard(string text, string pattern) => $"{text} GLOB {pattern}";

    /// <summary>KQL's <c>*</c> is GLOB's; GLOB's own special characters are matched literally.</summary>
    public object WildcardPattern(string kqlValue)
    {
        var glob = new StringBuilder(kqlValue.Length + 4);
        foreach (var c in kqlValue)
            glob.Append(c switch { '?' => "[?]", '[' => "[[]", ']' => "[]]", _ => c.ToString() });
        return glob.ToString();
    }

    public string ContainsText(string haystack, string needle) => $"instr({haystack}, {needle}) > 0";

    public (string Sql, object Value)? FullText(bool messageOnly, string words, bool prefix, Func<object, string> bind)
    {
        words = words.Replace("*", "", StringComparison.Ordinal).Trim();
        if (words.Length == 0) return null;
        var phrase = "\"" + words.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (prefix ? " *" : "");
        var match = messageOnly ? $"message : {phrase}" : phrase;
        return ($"e.rowid IN (SELECT rowid FROM \"{EventTextIndex.Table}\" WHERE \"{EventTextIndex.Table}\" MATCH {bind(match)})", match);
    }

    /// <summary>
    /// Cancelling a SQLite command does not stop a running statement, so the engine itself watches the clock: a progress
    /// handler, called every few thousand virtual-machine steps, stops the statement once the budget is spent. It does
    /// not depend on a timer thread, which a busy machine may run late.
    /// </summary>
    public async Task<(T? Value, bool Stopped)> WithBudgetAsync<T>(DbConnection connection, TimeSpan budget, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(budget);
        var handle = ((SqliteConnection)connection).Handle!;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        SQLitePCL.delegate_progress pastBudget = _ => System.Diagnostics.Stopwatch.GetElapsedTime(started) >= budget || ct.IsCancellationRequested ? 1 : 0;
        SQLitePCL.raw.sqlite3_progress_handler(handle, StepsPerClockCheck, pastBudget, null);
        try
        {
            // The work also sees the deadline and does not start another statement past it.
            return (await work(deadline.Token), false);
        }
        catch (Exception ex) when (ex is SqliteException { SqliteErrorCode: SqliteInterrupted } || (ex is OperationCanceledException && deadline.IsCancellationRequested))
        {
            ct.ThrowIfCancellationRequested();
            return (default, true);
        }
        finally
        {
            SQLitePCL.raw.sqlite3_progress_handler(handle, 0, null, null);
        }
    }

    private const int StepsPerClockCheck = 4_000;
}

public sealed class PostgresEventQuerySql : IEventQuerySql
{
    public static readonly PostgresEventQuerySql Instance = new();

    public string Parameter(string name) => "@" + name;

    public object JsonPath(IReadOnlyList<string> keys) => keys.ToArray();

    public string JsonExists(string path) => $"(e.\"Document\"::jsonb #> {path}) IS NOT NULL";

    /// <summary>A scalar is taken as a one-element array, as SQLite's json_each walks an array's items or yields a scalar.</summary>
    public string DocumentValues(string path, string test) =>
        $"SELECT 1 FROM jsonb_array_elements(CASE jsonb_typeof(e.\"Document\"::jsonb #> {path}) WHEN 'array' THEN e.\"Document\"::jsonb #> {path} " +
        $"ELSE jsonb_build_array(e.\"Document\"::jsonb #> {path}) END) AS v(j) WHERE {test}";

    public string Value => "(v.j #>> '{}') COLLATE \"C\"";

    public string NumberValue(string comparison, string number) =>
        $"CASE WHEN jsonb_typeof(v.j) = 'number' THEN (v.j #>> '{{}}')::float8 {comparison} {number} ELSE FALSE END";

    public string IsBoolean(string word) => $"(jsonb_typeof(v.j) = 'boolean' AND (v.j #>> '{{}}') = '{word}')";

    public string Wildcard(string text, string pattern) => $"{text} LIKE {pattern}";

    public object WildcardPattern(string kqlValue)
    {
        var like = new StringBuilder(kqlValue.Length + 4);
        foreach (var c in kqlValue)
            like.Append(c switch { '*' => "%", '%' => "\\%", '_' => "\\_", '\\' => "\\\\", _ => c.ToString() });
        return like.ToString();
    }

    public string ContainsText(string haystack, string needle) => $"strpos({haystack}, {needle}) > 0";

    public (string Sql, object Value)? FullText(bool messageOnly, string words, bool prefix, Func<object, string> bind)
    {
        var lexemes = PostgresEventText.Words(words);
        if (lexemes.Count == 0) return null;
        var query = string.Join(" <-> ", lexemes.Select(w => $"'{w}'")) + (prefix ? ":*" : "");
        var vector = messageOnly ? PostgresEventText.MessageVector("e.") : PostgresEventText.AllVector("e.");
        return ($"{vector} @@ to_tsquery('simple', {bind(query)})", query);
    }

    /// <summary>Npgsql cancels a running statement on the server when the command's token fires.</summary>
    public async Task<(T? Value, bool Stopped)> WithBudgetAsync<T>(DbConnection connection, TimeSpan budget, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(budget);
        try
        {
            return (await work(deadline.Token), false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or Npgsql.PostgresException { SqlState: "57014" } && !ct.IsCancellationRequested)
        {
            return (default, true);
        }
    }
}

/// <summary>
/// PostgreSQL's counterpart of SQLite's FTS5 table behind bare words: GIN indexes on the same text, split into words the
/// way FTS5's unicode61 tokenizer does (every run of letters and digits, lower-cased), so both engines find the same events.
/// </summary>
public static class PostgresEventText
{
    private static string Vector(string text) => $"to_tsvector('simple', regexp_replace(lower({text}), '[^[:alnum:]]+', ' ', 'g'))";

    public static string MessageVector(string row) => Vector($"COALESCE({row}\"Message\", '')");

    public static string AllVector(string row) => Vector($"COALESCE({row}\"Message\", '') || ' ' || {EventTextIndex.IndexedText(row)}");

    /// <summary>The words of a search, as the vectors hold them.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        System.Text.RegularExpressions.Regex.Split(text.ToLowerInvariant(), @"[^\p{L}\p{N}]+").Where(w => w.Length > 0).ToList();

    public static readonly string Create = $"""
        CREATE INDEX "IX_SecurityEvents_MessageWords" ON "SecurityEvents" USING GIN ({MessageVector("")});
        CREATE INDEX "IX_SecurityEvents_Words" ON "SecurityEvents" USING GIN ({AllVector("")});
        """;

    public static readonly string Drop = """
        DROP INDEX IF EXISTS "IX_SecurityEvents_MessageWords";
        DROP INDEX IF EXISTS "IX_SecurityEvents_Words";
        """;
}
