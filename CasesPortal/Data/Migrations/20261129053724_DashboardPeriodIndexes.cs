using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardPeriodIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_Acknowledged",
                table: "Cases",
                columns: new[] { "DeletedAt", "AcknowledgedAt", "TimeToAcknowledgeSeconds" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Closed",
                table: "Cases",
                columns: new[] { "DeletedAt", "Status", "ClosedAt", "CloseReason", "AcknowledgedAt", "DurationSeconds", "InProgressSeconds" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Acknowledged",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Closed",
                table: "Cases");
        }
    }
}
