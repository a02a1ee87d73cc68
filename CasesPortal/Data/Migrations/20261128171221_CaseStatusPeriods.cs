using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseStatusPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AcknowledgedAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "InProgressSeconds",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "TimeToAcknowledgeSeconds",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseStatusPeriods",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStatusPeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseStatusPeriods_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStatusPeriods_CaseId_StartedAt",
                table: "CaseStatusPeriods",
                columns: new[] { "CaseId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStatusPeriods_Status_CaseId_StartedAt",
                table: "CaseStatusPeriods",
                columns: new[] { "Status", "CaseId", "StartedAt" });

            // Cases created before this migration: rebuild their stays from the status lines of their history,
            // then the acknowledgement and in-progress figures from the stays (times are UTC ticks).
            migrationBuilder.Sql("""
                INSERT INTO "CaseStatusPeriods" ("CaseId", "Status", "StartedAt", "EndedAt")
                SELECT "CaseId", "Status", "StartedAt", LEAD("StartedAt") OVER (PARTITION BY "CaseId" ORDER BY "StartedAt", "Sequence")
                FROM (
                    SELECT "CaseId", "Sequence", "CreatedAt" AS "StartedAt",
                           CASE json_extract("Payload", '$.status') WHEN 'open' THEN 0 WHEN 'in-progress' THEN 1 ELSE 2 END AS "Status"
                    FROM "CaseUserActions"
                    WHERE "Type" IN ('create_case', 'status') AND json_extract("Payload", '$.status') IS NOT NULL
                      AND "CaseId" IN (SELECT "Id" FROM "Cases")
                );
                UPDATE "Cases" SET
                    "AcknowledgedAt" = (SELECT MIN("StartedAt") FROM "CaseStatusPeriods" p WHERE p."CaseId" = "Cases"."Id" AND p."Status" = 1),
                    "InProgressSeconds" = COALESCE((SELECT SUM(p."EndedAt" - p."StartedAt") / 10000000 FROM "CaseStatusPeriods" p
                                                    WHERE p."CaseId" = "Cases"."Id" AND p."Status" = 1 AND p."EndedAt" IS NOT NULL), 0);
                UPDATE "Cases" SET "TimeToAcknowledgeSeconds" = ("AcknowledgedAt" - "CreatedAt") / 10000000 WHERE "AcknowledgedAt" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseStatusPeriods");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "InProgressSeconds",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "TimeToAcknowledgeSeconds",
                table: "Cases");
        }
    }
}
