using System.Globalization;
using System.Text;

namespace CasesPortal.Features.Timelines.Query;

/// <summary>A SQL condition over the events table (alias <c>e</c>) and the values bound to its parameters.</summary>
public sealed record SqlCondition(string Sql, IReadOnlyList<KeyValuePair<string, object>> Parameters);

/// <summary>
/// Turns a KQL expression into a SQLite condition over <c>"SecurityEvents" AS e</c>. Every value is a parameter; field
/// names only choose a column or become a bound JSON path. Indexed fields compare their column (so the indexes serve
/// them); other fields read the stored document; bare words use the full-text index.
/// </summary>
public sealed class KqlSql
{
    /// <summary>The FTS5 table over the events' message and indexed text, kept in sync by triggers.</summary>
    public const string TextTable = Data.EventTextIndex.Table;

    private readonly List<KeyValuePair<string, object>> parameters = [];
    private readonly string prefix;

    private KqlSql(string prefix) => this.prefix = prefix;

    /// <summary>The condition for <paramref name="node"/>; parameters are named <c>$&lt;prefix&gt;N</c>.</summary>
    public static SqlCondition Translate(KqlNode node, string prefix = "k")
    {
        var sql = new KqlSql(prefix);
        return new SqlCondition(sql.Condition(node), sql.parameters);
    }

    private string Condition(KqlNode node) => node switch
    {
        KqlAnd and => $"({Condition(and.Left)} AND {Condition(and.Right)})",
        KqlOr or => $"({Condition(or.Left)} OR {Condition(or.Right)})",
        // A missing field is not "not equal": NOT over NULL would drop the row, so a failed condition counts as false.
        KqlNot not => $"(NOT COALESCE({Condition(not.Inner)}, 0))",
        KqlExists exists => Exists(exists.Field),
        KqlMatch match => Match(match),
        KqlRange range => Range(range),
        KqlText text => FullText(null, text.Text, !text.Quoted && text.Text.EndsWith('*')),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "Unknown KQL node."),
    };

    private string Bind(object value)
    {
        var name = $"${prefix}{parameters.Count}";
        parameters.Add(new(name, value));
        return name;
    }

    private string Exists(string field)
    {
        if (KqlFields.Indexed.TryGetValue(field, out var column)) return $"(e.\"{column.Column}\" IS NOT NULL AND e.\"{column.Column}\" <> '')";
        return "(" + string.Join(" OR ", KqlFields.JsonPaths(field).Select(p => $"json_type(e.\"Document\", {Bind(p)}) IS NOT NULL")) + ")";
    }

    private string Match(KqlMatch match)
    {
        if (KqlFields.Indexed.TryGetValue(match.Field, out var column))
        {
            var c = $"e.\"{column.Column}\"";
            return column.Kind switch
            {
                KqlColumnKind.Text => FullText("message", match.Value, match.HasWildcard),
                KqlColumnKind.Timestamp => TimestampEquals(c, match.Value),
                KqlColumnKind.List when match.HasWildcard => $"(',' || {c} || ',') GLOB {Bind("*," + Glob(match.Value) + ",*")}",
                KqlColumnKind.List => $"instr(',' || {c} || ',', {Bind("," + match.Value + ",")}) > 0",
                _ when match.HasWildcard => $"{c} GLOB {Bind(Glob(match.Value))}",
                _ => $"{c} = {Bind(match.Value)}",
            };
        }
        string test;
        if (match.HasWildcard) test = $"value GLOB {Bind(Glob(match.Value))}";
        else if (!match.Quoted && Number(match.Value) is { } number) test = $"value IN ({Bind(match.Value)}, {Bind(number)})";
        else if (!match.Quoted && match.Value is "true" or "false") test = $"(value = {Bind(match.Value)} OR (type = '{match.Value}'))";
        else test = $"value = {Bind(match.Value)}";
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
        object bound = Number(range.Value) is { } number ? number : range.Value;
        return InDocument(range.Field, $"value {range.Operator} {Bind(bound)}");
    }

    private string TimestampEquals(string column, string value) =>
        KqlValues.Date(value) is { } date ? $"{column} = {Bind(date.UtcTicks)}" : "0";

    /// <summary>A test on the field's value (or any of its values, for arrays) read from the document at each of its paths.</summary>
    private string InDocument(string field, string test) =>
        "EXISTS (" + string.Join(" UNION ALL ", KqlFields.JsonPaths(field).Select(p => $"SELECT 1 FROM json_each(e.\"Document\", {Bind(p)}) WHERE {test}")) + ")";

    private string FullText(string? column, string text, bool prefix)
    {
        var words = text.Replace("*", "", StringComparison.Ordinal).Trim();
        if (words.Length == 0) return "1";
        var phrase = "\"" + words.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (prefix ? " *" : "");
        var match = column is null ? phrase : $"{column} : {phrase}";
        return $"e.rowid IN (SELECT rowid FROM \"{TextTable}\" WHERE \"{TextTable}\" MATCH {Bind(match)})";
    }

    private static double? Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;

    /// <summary>KQL's <c>*</c> is GLOB's; GLOB's own special characters are matched literally.</summary>
    private static string Glob(string value)
    {
        var glob = new StringBuilder(value.Length + 4);
        foreach (var c in value)
            glob.Append(c switch { '?' => "[?]", '[' => "[[]", ']' => "[]]", _ => c.ToString() });
        return glob.ToString();
    }
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
