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
                name: "IX_CaseAlertFacets_Key_Kind",
                table: "CaseAlertFacets",
                columns: new[] { "Key", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAlertFacets_Name_Kind",
                table: "CaseAlertFacets",
                columns: new[] { "Name", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseAlertFacets_Key_Kind",
                table: "CaseAlertFacets");

            migrationBuilder.DropIndex(
                name: "IX_CaseAlertFacets_Name_Kind",
                table: "CaseAlertFacets");
        }
    }
}
