namespace CasesPortal.Data;

/// <summary>
/// The SQLite FTS5 index behind bare words in timeline queries: each event's message and its indexed text (host, user,
/// process, action...), kept in sync with the events table by triggers so every ingest path feeds it in the same
/// transaction. Contentless (the text is already in the events table), keyed by the events' rowid; a VACUUM, which
/// may renumber rowids, must be followed by <see cref="Rebuild"/>.
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

    public static readonly string Create = $"""
        CREATE VIRTUAL TABLE "{Table}" USING fts5(message, text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER "SecurityEvents_text_insert" AFTER INSERT ON "SecurityEvents" BEGIN {Insert("new")} END;
        CREATE TRIGGER "SecurityEvents_text_update" AFTER UPDATE ON "SecurityEvents" BEGIN
            DELETE FROM "{Table}" WHERE rowid = old.rowid; {Insert("new")}
        END;
        CREATE TRIGGER "SecurityEvents_text_delete" AFTER DELETE ON "SecurityEvents" BEGIN DELETE FROM "{Table}" WHERE rowid = old.rowid; END;
        {Rebuild}
        """;

    public static readonly string Rebuild = $"""
        DELETE FROM "{Table}";
        INSERT INTO "{Table}"(rowid, message, text) SELECT e.rowid, COALESCE(e."Message", ''), {IndexedText("e.")} FROM "SecurityEvents" AS e;
        """;

    public static readonly string Drop = $"""
        DROP TRIGGER IF EXISTS "SecurityEvents_text_insert";
        DROP TRIGGER IF EXISTS "SecurityEvents_text_update";
        DROP TRIGGER IF EXISTS "SecurityEvents_text_delete";
        DROP TABLE IF EXISTS "{Table}";
        """;
}
