using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class SummaryBarFacetIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CaseAlertFacets_Busiest",
                table: "CaseAlertFacets",
                columns: new[] { "CaseId", "Kind", "Alerts", "Key" },
                descending: new[] { false, false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseAlertFacets_Busiest",
                table: "CaseAlertFacets");
        }
    }
}
