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
            migrationBuilder.DropIndex(
                name: "IX_SecurityEvents_UserName_Timestamp",
                table: "SecurityEvents");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_UserName_Timestamp",
                table: "Alerts");

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
                name: "IX_SecurityEvents_DestinationIp_Timestamp_SourceIp",
                table: "SecurityEvents",
                columns: new[] { "DestinationIp", "Timestamp", "SourceIp" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_EventAction",
                table: "SecurityEvents",
                column: "EventAction");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_HostId_Timestamp_HostName",
                table: "SecurityEvents",
                columns: new[] { "HostId", "Timestamp", "HostName" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_SourceIp_Timestamp_DestinationIp",
                table: "SecurityEvents",
                columns: new[] { "SourceIp", "Timestamp", "DestinationIp" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_UserName_Timestamp_HostName_EventCategory_EventOutcome",
                table: "SecurityEvents",
                columns: new[] { "UserName", "Timestamp", "HostName", "EventCategory", "EventOutcome" },
                descending: new[] { false, true, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_DestinationIp_Timestamp_SourceIp",
                table: "Alerts",
                columns: new[] { "DestinationIp", "Timestamp", "SourceIp" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_HostId_Timestamp_HostName",
                table: "Alerts",
                columns: new[] { "HostId", "Timestamp", "HostName" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_SourceIp_Timestamp_DestinationIp",
                table: "Alerts",
                columns: new[] { "SourceIp", "Timestamp", "DestinationIp" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_UserName_Timestamp_HostName_EventCategory_EventOutcome",
                table: "Alerts",
                columns: new[] { "UserName", "Timestamp", "HostName", "EventCategory", "EventOutcome" },
                descending: new[] { false, true, false, false, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SecurityEvents_DestinationIp_Timestamp_SourceIp",
                table: "SecurityEvents");

            migrationBuilder.DropIndex(
                name: "IX_SecurityEvents_EventAction",
                table: "SecurityEvents");

            migrationBuilder.DropIndex(
                name: "IX_SecurityEvents_HostId_Timestamp_HostName",
                table: "SecurityEvents");

            migrationBuilder.DropIndex(
                name: "IX_SecurityEvents_SourceIp_Timestamp_DestinationIp",
                table: "SecurityEvents");

            migrationBuilder.DropIndex(
                name: "IX_SecurityEvents_UserName_Timestamp_HostName_EventCategory_EventOutcome",
                table: "SecurityEvents");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_DestinationIp_Timestamp_SourceIp",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_HostId_Timestamp_HostName",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_SourceIp_Timestamp_DestinationIp",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_UserName_Timestamp_HostName_EventCategory_EventOutcome",
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

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_UserName_Timestamp",
                table: "SecurityEvents",
                columns: new[] { "UserName", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_UserName_Timestamp",
                table: "Alerts",
                columns: new[] { "UserName", "Timestamp" },
                descending: new[] { false, true });
        }
    }
}
