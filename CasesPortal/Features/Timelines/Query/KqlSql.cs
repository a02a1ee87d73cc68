using System.Globalization;
using CasesPortal.Data;

namespace CasesPortal.Features.Timelines.Query;

/// <summary>A SQL condition over the events table (alias <c>e</c>) and the values bound to its parameters.</summary>
public sealed record SqlCondition(string Sql, IReadOnlyList<KeyValuePair<string, object>> Parameters);

/// <summary>
/// Turns a KQL expression into a condition over <c>"SecurityEvents" AS e</c>, in the engine's SQL. Every value is a
/// parameter; field names only choose a column or become a bound JSON path. Indexed fields compare their column (so the
/// indexes serve them); other fields read the stored document; bare words use the full-text index.
/// </summary>
public sealed class KqlSql
{
    private readonly List<KeyValuePair<string, object>> parameters = [];
    private readonly string prefix;
    private readonly IEventQuerySql sql;

    private KqlSql(string prefix, IEventQuerySql sql) => (this.prefix, this.sql) = (prefix, sql);

    /// <summary>The condition for <paramref name="node"/> (SQLite's SQL unless told); parameters are named <c>&lt;prefix&gt;N</c>.</summary>
    public static SqlCondition Translate(KqlNode node, string prefix = "k", IEventQuerySql? sql = null)
    {
        var translator = new KqlSql(prefix, sql ?? SqliteEventQuerySql.Instance);
        return new SqlCondition(translator.Condition(node), translator.parameters);
    }

    private string Condition(KqlNode node) => node switch
    {
        KqlAnd and => $"({Condition(and.Left)} AND {Condition(and.Right)})",
        KqlOr or => $"({Condition(or.Left)} OR {Condition(or.Right)})",
        // A missing field is not "not equal": NOT over NULL would drop the row, so a failed condition counts as false.
        KqlNot not => $"(NOT COALESCE({Condition(not.Inner)}, FALSE))",
        KqlExists exists => Exists(exists.Field),
        KqlMatch match => Match(match),
        KqlRange range => Range(range),
        KqlText text => FullText(messageOnly: false, text.Text, !text.Quoted && text.Text.EndsWith('*')),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "Unknown KQL node."),
    };

    private string Bind(object value)
    {
        var name = sql.Parameter(prefix + parameters.Count);
        parameters.Add(new(name, value));
        return name;
    }

    private string Exists(string field)
    {
        if (KqlFields.Indexed.TryGetValue(field, out var column)) return $"(e.\"{column.Column}\" IS NOT NULL AND e.\"{column.Column}\" <> '')";
        return "(" + string.Join(" OR ", KqlFields.JsonPaths(field).Select(p => sql.JsonExists(Bind(sql.JsonPath(p))))) + ")";
    }

    private string Match(KqlMatch match)
    {
        if (KqlFields.Indexed.TryGetValue(match.Field, out var column))
        {
            var c = $"e.\"{column.Column}\"";
            return column.Kind switch
            {
                KqlColumnKind.Text => FullText(messageOnly: true, match.Value, match.HasWildcard),
                KqlColumnKind.Timestamp => TimestampEquals(c, match.Value),
                KqlColumnKind.List when match.HasWildcard => sql.Wildcard($"(',' || {c} || ',')", Bind(sql.WildcardPattern("*," + match.Value + ",*"))),
                KqlColumnKind.List => sql.ContainsText($"(',' || {c} || ',')", Bind("," + match.Value + ",")),
                _ when match.HasWildcard => sql.Wildcard(c, Bind(sql.WildcardPattern(match.Value))),
                _ => $"{c} = {Bind(match.Value)}",
            };
        }
        string test;
        var value = sql.Value;
        if (match.HasWildcard) test = sql.Wildcard(value, Bind(sql.WildcardPattern(match.Value)));
        else if (!match.Quoted && Number(match.Value) is { } number) test = $"({value} = {Bind(match.Value)} OR {sql.NumberValue("=", Bind(number))})";
        else if (!match.Quoted && match.Value is "true" or "false") test = $"({value} = {Bind(match.Value)} OR {sql.IsBoolean(match.Value)})";
        else test = $"{value} = {Bind(match.Value)}";
        return InDocument(match.Field, test);
    }

    private string Range(KqlRange range)
    {
        if (KqlFields.Indexed.TryGetValue(range.Field, out var column))
        {
            var c = $"e.\"{column.Column}\"";
            if (column.Kind == KqlColumnKind.Timestamp)
                return $"{c} {range.Operator} {Bind(KqlValues.Date(range.Value)?.UtcTicks ?? throw new ArgumentException("Not a date.", nameof(range)))}";
            return $"{c} {range.Operator} {Bind(range.Value)}";
        }
        // Numbers compare as numbers; dates are ISO 8601 text in documents, which compares in time order.
        return InDocument(range.Field, Number(range.Value) is { } number
            ? sql.NumberValue(range.Operator, Bind(number))
            : $"{sql.Value} {range.Operator} {Bind(range.Value)}");
    }

    private string TimestampEquals(string column, string value) =>
        KqlValues.Date(value) is { } date ? $"{column} = {Bind(date.UtcTicks)}" : "FALSE";

    /// <summary>A test on the field's value (or any of its values, for arrays) read from the document at each of its paths.</summary>
    private string InDocument(string field, string test) =>
        "EXISTS (" + string.Join(" UNION ALL ", KqlFields.JsonPaths(field).Select(p => sql.DocumentValues(Bind(sql.JsonPath(p)), test))) + ")";

    private string FullText(bool messageOnly, string text, bool prefix) =>
        sql.FullText(messageOnly, text, prefix, Bind)?.Sql ?? "TRUE";

    private static double? Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;
}

/// <summary>Reads the values of ranges: numbers and dates (ISO 8601 or a day, taken as UTC).</summary>
public static class KqlValues
{
    public static DateTimeOffset? Date(string value)
    {
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            return date;
        // Epoch milliseconds, as Elasticsearch accepts for dates.
        return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms is > 0 and < 253402300800000
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    public static bool IsNumberOrDate(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || Date(value) is not null;
}
