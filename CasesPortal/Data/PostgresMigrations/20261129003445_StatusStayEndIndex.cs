using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class StatusStayEndIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CaseStatusPeriods_Status_EndedAt_StartedAt_CaseId",
                table: "CaseStatusPeriods",
                columns: new[] { "Status", "EndedAt", "StartedAt", "CaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseStatusPeriods_Status_EndedAt_StartedAt_CaseId",
                table: "CaseStatusPeriods");
        }
    }
}
