using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeanerAlertIndexes : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
