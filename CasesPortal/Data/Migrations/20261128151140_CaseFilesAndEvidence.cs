using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseFilesAndEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    RuleName = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    RuleUuid = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    RiskScore = table.Column<double>(type: "REAL", nullable: true),
                    WorkflowStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 8192, nullable: true),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: true),
                    HostId = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    HostName = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    HostOsName = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    SourceIp = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    DestinationIp = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    ProcessName = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    EventCategory = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    EventAction = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    EventOutcome = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 8192, nullable: true),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    IngestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseFiles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Malicious = table.Column<bool>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedById = table.Column<string>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedById = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseFiles_AspNetUsers_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseFiles_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    Confidence = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    FirstSeen = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSeen = table.Column<long>(type: "INTEGER", nullable: true),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: true),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    IngestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SecurityEvents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: true),
                    HostId = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    HostName = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    HostOsName = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    SourceIp = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    DestinationIp = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    ProcessName = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    EventCategory = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    EventAction = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    EventOutcome = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 8192, nullable: true),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    IngestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityEvents", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[] { "role-ingest", "role-ingest", "Ingest", "INGEST" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_HostName_Timestamp",
                table: "Alerts",
                columns: new[] { "HostName", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_RuleName_Timestamp",
                table: "Alerts",
                columns: new[] { "RuleName", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_RuleUuid_Timestamp",
                table: "Alerts",
                columns: new[] { "RuleUuid", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Severity_Timestamp",
                table: "Alerts",
                columns: new[] { "Severity", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Timestamp",
                table: "Alerts",
                column: "Timestamp",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_UserName_Timestamp",
                table: "Alerts",
                columns: new[] { "UserName", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_WorkflowStatus_Timestamp",
                table: "Alerts",
                columns: new[] { "WorkflowStatus", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_CaseFiles_CaseId_DeletedAt_UploadedAt",
                table: "CaseFiles",
                columns: new[] { "CaseId", "DeletedAt", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseFiles_Sha256",
                table: "CaseFiles",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_CaseFiles_UploadedById",
                table: "CaseFiles",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Provider",
                table: "Indicators",
                column: "Provider");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Type_LastSeen",
                table: "Indicators",
                columns: new[] { "Type", "LastSeen" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Value_Type",
                table: "Indicators",
                columns: new[] { "Value", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_EventCategory_Timestamp",
                table: "SecurityEvents",
                columns: new[] { "EventCategory", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_HostName_Timestamp",
                table: "SecurityEvents",
                columns: new[] { "HostName", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_Timestamp",
                table: "SecurityEvents",
                column: "Timestamp",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_UserName_Timestamp",
                table: "SecurityEvents",
                columns: new[] { "UserName", "Timestamp" },
                descending: new[] { false, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropTable(
                name: "CaseFiles");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "SecurityEvents");

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "Id",
                keyValue: "role-ingest");
        }
    }
}
