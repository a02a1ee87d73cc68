using CasesPortal.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class TimelinesConnectorsAndLeanerAlertIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Alerts_DestinationIp_Timestamp_SourceIp",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_RuleUuid_Timestamp",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_SourceIp_Timestamp_DestinationIp",
                table: "Alerts");

            migrationBuilder.CreateTable(
                name: "CaseConnectors",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    ConnectorId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    FieldsJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseConnectors", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_CaseConnectors_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CasesConfigurations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ConnectorId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    ConnectorFieldsJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ClosureType = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedById = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CasesConfigurations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseTimelines",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    TimelineId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false),
                    AttachedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AttachedById = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTimelines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseTimelines_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConnectorPushes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    ConnectorId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CreateSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectorPushes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConnectorPushes_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Connectors",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TypeId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ConfigJson = table.Column<string>(type: "TEXT", maxLength: 60000, nullable: false),
                    ProtectedSecrets = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Connectors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExternalCommentPushes",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    ConnectorId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    CommentId = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalCommentPushes", x => new { x.CaseId, x.ConnectorId, x.CommentId });
                    table.ForeignKey(
                        name: "FK_ExternalCommentPushes_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExternalIncidents",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    ConnectorId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ConnectorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ExternalTitle = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ExternalUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    PushedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PushedById = table.Column<string>(type: "TEXT", nullable: true),
                    AlertsPushed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalIncidents", x => new { x.CaseId, x.ConnectorId });
                    table.ForeignKey(
                        name: "FK_ExternalIncidents_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Timelines",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 30000, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Filters = table.Column<string>(type: "TEXT", nullable: false),
                    RangeRelative = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RangeFrom = table.Column<long>(type: "INTEGER", nullable: true),
                    RangeTo = table.Column<long>(type: "INTEGER", nullable: true),
                    Columns = table.Column<string>(type: "TEXT", nullable: false),
                    SortAscending = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Timelines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimelineNotes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    TimelineId = table.Column<string>(type: "TEXT", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 30000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelineNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TimelineNotes_Timelines_TimelineId",
                        column: x => x.TimelineId,
                        principalTable: "Timelines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TimelinePins",
                columns: table => new
                {
                    TimelineId = table.Column<string>(type: "TEXT", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    PinnedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PinnedById = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelinePins", x => new { x.TimelineId, x.EventId });
                    table.ForeignKey(
                        name: "FK_TimelinePins_Timelines_TimelineId",
                        column: x => x.TimelineId,
                        principalTable: "Timelines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTimelines_CaseId_AttachedAt",
                table: "CaseTimelines",
                columns: new[] { "CaseId", "AttachedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectorPushes_CaseId_ConnectorId_State",
                table: "ConnectorPushes",
                columns: new[] { "CaseId", "ConnectorId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectorPushes_State_NextAttemptAt",
                table: "ConnectorPushes",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Connectors_Name",
                table: "Connectors",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_TimelineNotes_TimelineId_CreatedAt",
                table: "TimelineNotes",
                columns: new[] { "TimelineId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Timelines_UpdatedAt",
                table: "Timelines",
                column: "UpdatedAt",
                descending: new bool[0]);

            migrationBuilder.Sql(EventTextIndex.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(EventTextIndex.Drop);

            migrationBuilder.DropTable(
                name: "CaseConnectors");

            migrationBuilder.DropTable(
                name: "CasesConfigurations");

            migrationBuilder.DropTable(
                name: "CaseTimelines");

            migrationBuilder.DropTable(
                name: "ConnectorPushes");

            migrationBuilder.DropTable(
                name: "Connectors");

            migrationBuilder.DropTable(
                name: "ExternalCommentPushes");

            migrationBuilder.DropTable(
                name: "ExternalIncidents");

            migrationBuilder.DropTable(
                name: "TimelineNotes");

            migrationBuilder.DropTable(
                name: "TimelinePins");

            migrationBuilder.DropTable(
                name: "Timelines");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_DestinationIp_Timestamp_SourceIp",
                table: "Alerts",
                columns: new[] { "DestinationIp", "Timestamp", "SourceIp" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_RuleUuid_Timestamp",
                table: "Alerts",
                columns: new[] { "RuleUuid", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_SourceIp_Timestamp_DestinationIp",
                table: "Alerts",
                columns: new[] { "SourceIp", "Timestamp", "DestinationIp" },
                descending: new[] { false, true, false });
        }
    }
}
