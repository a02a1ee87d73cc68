using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class EntityPagesAndThreat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HostIp",
                table: "SecurityEvents",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HostOsVersion",
                table: "SecurityEvents",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HostIp",
                table: "Alerts",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HostOsVersion",
                table: "Alerts",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Threat",
                table: "Alerts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_DestinationIp_Timestamp",
                table: "SecurityEvents",
                columns: new[] { "DestinationIp", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_HostId_Timestamp",
                table: "SecurityEvents",
                columns: new[] { "HostId", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_SourceIp_Timestamp",
                table: "SecurityEvents",
                columns: new[] { "SourceIp", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_DestinationIp_Timestamp",
                table: "Alerts",
                columns: new[] { "DestinationIp", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_HostId_Timestamp",
                table: "Alerts",
                columns: new[] { "HostId", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_SourceIp_Timestamp",
                table: "Alerts",
                columns: new[] { "SourceIp", "Timestamp" },
                descending: new[] { false, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SecurityEvents_DestinationIp_Timestamp",
                table: "SecurityEvents");

            migrationBuilder.DropIndex(
                name: "IX_SecurityEvents_HostId_Timestamp",
                table: "SecurityEvents");

            migrationBuilder.DropIndex(
                name: "IX_SecurityEvents_SourceIp_Timestamp",
                table: "SecurityEvents");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_DestinationIp_Timestamp",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_HostId_Timestamp",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_SourceIp_Timestamp",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "HostIp",
                table: "SecurityEvents");

            migrationBuilder.DropColumn(
                name: "HostOsVersion",
                table: "SecurityEvents");

            migrationBuilder.DropColumn(
                name: "HostIp",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "HostOsVersion",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "Threat",
                table: "Alerts");
        }
    }
}
