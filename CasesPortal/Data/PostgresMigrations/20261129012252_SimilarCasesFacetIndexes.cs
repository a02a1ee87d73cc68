using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class SimilarCasesFacetIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CaseAlertFacets_Kind_Key",
                table: "CaseAlertFacets",
                columns: new[] { "Kind", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAlertFacets_Kind_Name",
                table: "CaseAlertFacets",
                columns: new[] { "Kind", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseAlertFacets_Kind_Key",
                table: "CaseAlertFacets");

            migrationBuilder.DropIndex(
                name: "IX_CaseAlertFacets_Kind_Name",
                table: "CaseAlertFacets");
        }
    }
}
