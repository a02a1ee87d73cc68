using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExternalConnectors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseConnectors");

            migrationBuilder.DropTable(
                name: "CasesConfigurations");

            migrationBuilder.DropTable(
                name: "ConnectorPushes");

            migrationBuilder.DropTable(
                name: "Connectors");

            migrationBuilder.DropTable(
                name: "ExternalCommentPushes");

            migrationBuilder.DropTable(
                name: "ExternalIncidents");
        }
    }
}
