using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardCaseIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_Dashboard",
                table: "Cases",
                columns: new[] { "DeletedAt", "CreatedAt", "Status", "Severity", "CloseReason", "AcknowledgedAt", "ClosedAt", "TimeToAcknowledgeSeconds", "DurationSeconds", "InProgressSeconds", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Dashboard",
                table: "Cases");
        }
    }
}
