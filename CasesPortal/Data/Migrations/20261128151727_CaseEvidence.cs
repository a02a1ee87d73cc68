using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseAlerts",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    AlertId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Index = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    AttachedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AttachedById = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAlerts", x => new { x.CaseId, x.AlertId });
                    table.ForeignKey(
                        name: "FK_CaseAlerts_Alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "Alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseAlerts_AspNetUsers_AttachedById",
                        column: x => x.AttachedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseAlerts_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseEvents",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Index = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    AttachedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AttachedById = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseEvents", x => new { x.CaseId, x.EventId });
                    table.ForeignKey(
                        name: "FK_CaseEvents_AspNetUsers_AttachedById",
                        column: x => x.AttachedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseEvents_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseEvents_SecurityEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "SecurityEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAlerts_AlertId_CaseId",
                table: "CaseAlerts",
                columns: new[] { "AlertId", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAlerts_AttachedById",
                table: "CaseAlerts",
                column: "AttachedById");

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvents_AttachedById",
                table: "CaseEvents",
                column: "AttachedById");

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvents_EventId_CaseId",
                table: "CaseEvents",
                columns: new[] { "EventId", "CaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseAlerts");

            migrationBuilder.DropTable(
                name: "CaseEvents");
        }
    }
}
