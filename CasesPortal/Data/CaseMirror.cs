namespace CasesPortal.Data;

/// <summary>
/// Copies of a case's creation time, trash time, status and close reason onto its rows in <c>CaseTags</c> and onto its
/// rule rows in <c>CaseAlertFacets</c>. The dashboard's top tags and per-rule table then read one index range of a period
/// instead of probing each of a year's cases (at 100,000 cases: 25 ms and 55 ms instead of 170 ms and 380 ms).
/// Database triggers keep the copies, so no code path that saves a case, a tag or a facet can leave them behind:
/// inserted rows take the case's values, and a change of those columns on a case is copied to its rows in the same
/// statement's transaction.
/// </summary>
public static class CaseMirror
{
    private const int RuleKind = (int)Features.Cases.Evidence.AlertFacetKind.Rule;

    private const string FacetColumns = """("CaseCreatedAt", "CaseDeletedAt", "CaseStatus", "CaseCloseReason")""";
    private const string FacetValues = """SELECT c."CreatedAt", c."DeletedAt", c."Status", c."CloseReason" FROM "Cases" AS c""";
    private const string TagColumns = """("CaseCreatedAt", "CaseDeletedAt")""";
    private const string TagValues = """SELECT c."CreatedAt", c."DeletedAt" FROM "Cases" AS c""";

    /// <summary>The triggers' names and tables: a bulk load sets them aside and runs <see cref="Refresh"/> once instead.</summary>
    public static readonly IReadOnlyList<(string Name, string Table)> Triggers =
        [("Cases_mirror_update", "Cases"), ("CaseAlertFacets_mirror_insert", "CaseAlertFacets"), ("CaseTags_mirror_insert", "CaseTags")];

    /// <summary>Sets every copy from its case (both engines): after a migration adds the columns, or a bulk load.</summary>
    public static readonly string Refresh = $"""
        UPDATE "CaseAlertFacets" SET {FacetColumns} = ({FacetValues} WHERE c."Id" = "CaseAlertFacets"."CaseId") WHERE "Kind" = {RuleKind};
        UPDATE "CaseTags" SET {TagColumns} = ({TagValues} WHERE c."Id" = "CaseTags"."CaseId");
        """;

    /// <summary>Whether a watched column changed; <paramref name="differs"/> is the engine's null-safe "not equal".</summary>
    private static string CaseChanged(string differs) => $"""
        OLD."CreatedAt" {differs} NEW."CreatedAt" OR OLD."DeletedAt" {differs} NEW."DeletedAt"
            OR OLD."Status" {differs} NEW."Status" OR OLD."CloseReason" {differs} NEW."CloseReason"
        """;

    private static readonly string CopyCaseToRows = $"""
        UPDATE "CaseAlertFacets" SET "CaseCreatedAt" = NEW."CreatedAt", "CaseDeletedAt" = NEW."DeletedAt", "CaseStatus" = NEW."Status",
            "CaseCloseReason" = NEW."CloseReason" WHERE "CaseId" = NEW."Id" AND "Kind" = {RuleKind};
        UPDATE "CaseTags" SET "CaseCreatedAt" = NEW."CreatedAt", "CaseDeletedAt" = NEW."DeletedAt" WHERE "CaseId" = NEW."Id";
        """;

    private const string WatchedColumns = """ "CreatedAt", "DeletedAt", "Status", "CloseReason" """;

    /// <summary>SQLite: its triggers cannot change the row being inserted, so inserted rows are updated right after.</summary>
    public static readonly string SqliteTriggers = $"""
        CREATE TRIGGER "Cases_mirror_update" AFTER UPDATE OF {WatchedColumns} ON "Cases" WHEN {CaseChanged("IS NOT")}
        BEGIN
            {CopyCaseToRows}
        END;
        CREATE TRIGGER "CaseAlertFacets_mirror_insert" AFTER INSERT ON "CaseAlertFacets" WHEN NEW."Kind" = {RuleKind}
        BEGIN
            UPDATE "CaseAlertFacets" SET {FacetColumns} = ({FacetValues} WHERE c."Id" = NEW."CaseId") WHERE rowid = NEW.rowid;
        END;
        CREATE TRIGGER "CaseTags_mirror_insert" AFTER INSERT ON "CaseTags"
        BEGIN
            UPDATE "CaseTags" SET {TagColumns} = ({TagValues} WHERE c."Id" = NEW."CaseId") WHERE rowid = NEW.rowid;
        END;
        """;

    public const string SqliteDropTriggers = """
        DROP TRIGGER IF EXISTS "Cases_mirror_update";
        DROP TRIGGER IF EXISTS "CaseAlertFacets_mirror_insert";
        DROP TRIGGER IF EXISTS "CaseTags_mirror_insert";
        """;

    /// <summary>PostgreSQL: inserted rows take the case's values before they are written.</summary>
    public static readonly string PostgresTriggers = $"""
        CREATE FUNCTION "cases_mirror_update"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            {CopyCaseToRows}
            RETURN NULL;
        END $$;
        CREATE TRIGGER "Cases_mirror_update" AFTER UPDATE OF {WatchedColumns} ON "Cases" FOR EACH ROW WHEN ({CaseChanged("IS DISTINCT FROM")})
            EXECUTE FUNCTION "cases_mirror_update"();
        CREATE FUNCTION "case_alert_facets_mirror_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            SELECT c."CreatedAt", c."DeletedAt", c."Status", c."CloseReason" INTO NEW."CaseCreatedAt", NEW."CaseDeletedAt", NEW."CaseStatus", NEW."CaseCloseReason"
            FROM "Cases" AS c WHERE c."Id" = NEW."CaseId";
            RETURN NEW;
        END $$;
        CREATE TRIGGER "CaseAlertFacets_mirror_insert" BEFORE INSERT ON "CaseAlertFacets" FOR EACH ROW WHEN (NEW."Kind" = {RuleKind})
            EXECUTE FUNCTION "case_alert_facets_mirror_insert"();
        CREATE FUNCTION "case_tags_mirror_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            SELECT c."CreatedAt", c."DeletedAt" INTO NEW."CaseCreatedAt", NEW."CaseDeletedAt" FROM "Cases" AS c WHERE c."Id" = NEW."CaseId";
            RETURN NEW;
        END $$;
        CREATE TRIGGER "CaseTags_mirror_insert" BEFORE INSERT ON "CaseTags" FOR EACH ROW EXECUTE FUNCTION "case_tags_mirror_insert"();
        """;

    public const string PostgresDropTriggers = """
        DROP TRIGGER IF EXISTS "Cases_mirror_update" ON "Cases";
        DROP TRIGGER IF EXISTS "CaseAlertFacets_mirror_insert" ON "CaseAlertFacets";
        DROP TRIGGER IF EXISTS "CaseTags_mirror_insert" ON "CaseTags";
        DROP FUNCTION IF EXISTS "cases_mirror_update"();
        DROP FUNCTION IF EXISTS "case_alert_facets_mirror_insert"();
        DROP FUNCTION IF EXISTS "case_tags_mirror_insert"();
        """;
}
