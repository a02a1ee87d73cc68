using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class ObservablesIndicatorsEntitiesAndStatusStays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SecurityEvents_UserName_Timestamp",
                table: "SecurityEvents");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_UserName_Timestamp",
                table: "Alerts");

            migrationBuilder.AddColumn<string>(
                name: "HostIp",
                table: "SecurityEvents",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HostOsVersion",
                table: "SecurityEvents",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AcknowledgedAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ExtractObservables",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

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

            migrationBuilder.AddColumn<string>(
                name: "HostIp",
                table: "Alerts",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HostOsVersion",
                table: "Alerts",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Threat",
                table: "Alerts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseIndicators",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    AttachedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AttachedById = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseIndicators", x => new { x.CaseId, x.IndicatorId });
                    table.ForeignKey(
                        name: "FK_CaseIndicators_AspNetUsers_AttachedById",
                        column: x => x.AttachedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseIndicators_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseIndicators_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseObservables",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    TypeKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsIoc = table.Column<bool>(type: "INTEGER", nullable: false),
                    Tlp = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedById = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseObservables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseObservables_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseObservables_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "ObservableTypes",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Pattern = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservableTypes", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_DestinationIp_Timestamp_SourceIp",
                table: "SecurityEvents",
                columns: new[] { "DestinationIp", "Timestamp", "SourceIp" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_EventAction",
                table: "SecurityEvents",
                column: "EventAction");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_HostId_Timestamp_HostName",
                table: "SecurityEvents",
                columns: new[] { "HostId", "Timestamp", "HostName" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_SourceIp_Timestamp_DestinationIp",
                table: "SecurityEvents",
                columns: new[] { "SourceIp", "Timestamp", "DestinationIp" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_UserName_Timestamp_HostName_EventCategory_EventOutcome",
                table: "SecurityEvents",
                columns: new[] { "UserName", "Timestamp", "HostName", "EventCategory", "EventOutcome" },
                descending: new[] { false, true, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_DestinationIp_Timestamp_SourceIp",
                table: "Alerts",
                columns: new[] { "DestinationIp", "Timestamp", "SourceIp" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_HostId_Timestamp_HostName",
                table: "Alerts",
                columns: new[] { "HostId", "Timestamp", "HostName" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_SourceIp_Timestamp_DestinationIp",
                table: "Alerts",
                columns: new[] { "SourceIp", "Timestamp", "DestinationIp" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_UserName_Timestamp_HostName_EventCategory_EventOutcome",
                table: "Alerts",
                columns: new[] { "UserName", "Timestamp", "HostName", "EventCategory", "EventOutcome" },
                descending: new[] { false, true, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_CaseIndicators_AttachedById",
                table: "CaseIndicators",
                column: "AttachedById");

            migrationBuilder.CreateIndex(
                name: "IX_CaseIndicators_IndicatorId",
                table: "CaseIndicators",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseObservables_CaseId_CreatedAt",
                table: "CaseObservables",
                columns: new[] { "CaseId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseObservables_CaseId_TypeKey_Value",
                table: "CaseObservables",
                columns: new[] { "CaseId", "TypeKey", "Value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseObservables_CreatedById",
                table: "CaseObservables",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_CaseObservables_TypeKey_Value_CaseId",
                table: "CaseObservables",
                columns: new[] { "TypeKey", "Value", "CaseId" });

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
                name: "CaseIndicators");

            migrationBuilder.DropTable(
                name: "CaseObservables");

            migrationBuilder.DropTable(
                name: "CaseStatusPeriods");

            migrationBuilder.DropTable(
                name: "ObservableTypes");

            migrationBuilder.DropIndex(
                name: "IX_SecurityEvents_DestinationIp_Timestamp_SourceIp",
                table: "SecurityEvents");

            migrationBuilder.DropIndex(
                name: "IX_SecurityEvents_EventAction",
                table: "SecurityEvents");

            migrationBuilder.DropIndex(
                name: "IX_SecurityEvents_HostId_Timestamp_HostName",
                table: "SecurityEvents");

            migrationBuilder.DropIndex(
                name: "IX_SecurityEvents_SourceIp_Timestamp_DestinationIp",
                table: "SecurityEvents");

            migrationBuilder.DropIndex(
                name: "IX_SecurityEvents_UserName_Timestamp_HostName_EventCategory_EventOutcome",
                table: "SecurityEvents");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_DestinationIp_Timestamp_SourceIp",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_HostId_Timestamp_HostName",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_SourceIp_Timestamp_DestinationIp",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_UserName_Timestamp_HostName_EventCategory_EventOutcome",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "HostIp",
                table: "SecurityEvents");

            migrationBuilder.DropColumn(
                name: "HostOsVersion",
                table: "SecurityEvents");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ExtractObservables",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "InProgressSeconds",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "TimeToAcknowledgeSeconds",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "HostIp",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "HostOsVersion",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "Threat",
                table: "Alerts");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_UserName_Timestamp",
                table: "SecurityEvents",
                columns: new[] { "UserName", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_UserName_Timestamp",
                table: "Alerts",
                columns: new[] { "UserName", "Timestamp" },
                descending: new[] { false, true });
        }
    }
}
