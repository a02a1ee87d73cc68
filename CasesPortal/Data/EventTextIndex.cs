namespace CasesPortal.Data;

/// <summary>
/// The SQLite FTS5 index behind bare words in timeline queries: each event's message and its indexed text (host, user,
/// process, action...). Contentless (the text is already in the events table), keyed by the events' rowid; a VACUUM,
/// which may renumber rowids, must be followed by <see cref="Rebuild"/>. The evidence store feeds it one statement per
/// batch, in the batch's transaction (<see cref="ForgetResent"/>, <see cref="AddWrittenAfter"/>, <see cref="AddResent"/>):
/// row triggers made FTS5 flush its pending terms at every row and held events at about a third of the rate the
/// table's own indexes allow. Only removal still goes through a trigger.
/// </summary>
public static class EventTextIndex
{
    public const string Table = "SecurityEventsText";

    /// <summary>The indexed text of an event row; <paramref name="row"/> is the row's prefix (<c>"new."</c>, <c>"e."</c> or none).</summary>
    public static string IndexedText(string row) => string.Join(" || ' ' || ",
        new[] { "HostName", "UserName", "ProcessName", "EventAction", "EventCategory", "EventOutcome", "HostOsName", "SourceIp", "DestinationIp", "HostIp" }
            .Select(column => $"COALESCE({row}\"{column}\", '')"));

    private static string Insert(string row) =>
        $"INSERT INTO \"{Table}\"(rowid, message, text) VALUES ({row}.rowid, COALESCE({row}.\"Message\", ''), {IndexedText(row + ".")});";

    private static string InsertWhere(string condition) =>
        $"""INSERT INTO "{Table}"(rowid, message, text) SELECT e.rowid, COALESCE(e."Message", ''), {IndexedText("e.")} FROM "SecurityEvents" AS e{condition};""";

    /// <summary>The row triggers the index was first kept by (see <see cref="DropWriteTriggers"/>).</summary>
    private static readonly string WriteTriggers = $"""
        CREATE TRIGGER "SecurityEvents_text_insert" AFTER INSERT ON "SecurityEvents" BEGIN {Insert("new")} END;
        CREATE TRIGGER "SecurityEvents_text_update" AFTER UPDATE ON "SecurityEvents" BEGIN
            DELETE FROM "{Table}" WHERE rowid = old.rowid; {Insert("new")}
        END;
        """;

    // Declared before the fields that use it: static fields are set in the order they are written.
    public static readonly string Rebuild = $"""
        DELETE FROM "{Table}";
        {InsertWhere("")}
        """;

    public static readonly string Create = $"""
        CREATE VIRTUAL TABLE "{Table}" USING fts5(message, text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
        {WriteTriggers}
        CREATE TRIGGER "SecurityEvents_text_delete" AFTER DELETE ON "SecurityEvents" BEGIN DELETE FROM "{Table}" WHERE rowid = old.rowid; END;
        {Rebuild}
        """;

    public static readonly string Drop = $"""
        DROP TRIGGER IF EXISTS "SecurityEvents_text_insert";
        DROP TRIGGER IF EXISTS "SecurityEvents_text_update";
        DROP TRIGGER IF EXISTS "SecurityEvents_text_delete";
        DROP TABLE IF EXISTS "{Table}";
        """;

    public const string DropWriteTriggers = """
        DROP TRIGGER IF EXISTS "SecurityEvents_text_insert";
        DROP TRIGGER IF EXISTS "SecurityEvents_text_update";
        """;

    /// <summary>Brings the row triggers back and re-reads every event, for a database taken back below the migration that dropped them.</summary>
    public static readonly string RestoreWriteTriggers = WriteTriggers + Rebuild;

    /// <summary>Takes out the text of the stored events named by the JSON array <c>$ids</c>, before they are written again.</summary>
    public static readonly string ForgetResent =
        $"""DELETE FROM "{Table}" WHERE rowid IN (SELECT rowid FROM "SecurityEvents" WHERE "Id" IN (SELECT value FROM json_each($ids)));""";

    /// <summary>Indexes the events a batch added: those with a rowid above <c>$after</c>, the highest before the batch.</summary>
    public static readonly string AddWrittenAfter = InsertWhere(" WHERE e.rowid > $after");

    /// <summary>Indexes again the events named by <c>$ids</c>, as they now stand.</summary>
    public static readonly string AddResent = InsertWhere(""" WHERE e."Id" IN (SELECT value FROM json_each($ids))""");
}
