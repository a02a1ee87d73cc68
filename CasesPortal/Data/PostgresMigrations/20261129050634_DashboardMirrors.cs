using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class DashboardMirrors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CaseCreatedAt",
                table: "CaseTags",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CaseDeletedAt",
                table: "CaseTags",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CaseCloseReason",
                table: "CaseAlertFacets",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CaseCreatedAt",
                table: "CaseAlertFacets",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CaseDeletedAt",
                table: "CaseAlertFacets",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CaseStatus",
                table: "CaseAlertFacets",
                type: "integer",
                nullable: true);

            migrationBuilder.Sql(CaseMirror.Refresh);
            migrationBuilder.Sql(CaseMirror.PostgresTriggers);

            migrationBuilder.CreateIndex(
                name: "IX_CaseTags_Dashboard",
                table: "CaseTags",
                columns: new[] { "CaseDeletedAt", "CaseCreatedAt", "NormalizedTag", "Tag" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAlertFacets_Dashboard",
                table: "CaseAlertFacets",
                columns: new[] { "Kind", "CaseDeletedAt", "Key", "CaseCreatedAt", "CaseStatus", "CaseCloseReason" },
                filter: "\"Kind\" = 3");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CaseMirror.PostgresDropTriggers);

            migrationBuilder.DropIndex(
                name: "IX_CaseTags_Dashboard",
                table: "CaseTags");

            migrationBuilder.DropIndex(
                name: "IX_CaseAlertFacets_Dashboard",
                table: "CaseAlertFacets");

            migrationBuilder.DropColumn(
                name: "CaseCreatedAt",
                table: "CaseTags");

            migrationBuilder.DropColumn(
                name: "CaseDeletedAt",
                table: "CaseTags");

            migrationBuilder.DropColumn(
                name: "CaseCloseReason",
                table: "CaseAlertFacets");

            migrationBuilder.DropColumn(
                name: "CaseCreatedAt",
                table: "CaseAlertFacets");

            migrationBuilder.DropColumn(
                name: "CaseDeletedAt",
                table: "CaseAlertFacets");

            migrationBuilder.DropColumn(
                name: "CaseStatus",
                table: "CaseAlertFacets");
        }
    }
}
