using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseObservables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ExtractObservables",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                // Existing cases extract too, as new ones do (Kibana's default).
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "CaseObservables",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    TypeKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsIoc = table.Column<bool>(type: "INTEGER", nullable: false),
                    Tlp = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedById = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseObservables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseObservables_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseObservables_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ObservableTypes",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Pattern = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservableTypes", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseObservables_CaseId_CreatedAt",
                table: "CaseObservables",
                columns: new[] { "CaseId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseObservables_CaseId_TypeKey_Value",
                table: "CaseObservables",
                columns: new[] { "CaseId", "TypeKey", "Value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseObservables_CreatedById",
                table: "CaseObservables",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_CaseObservables_TypeKey_Value_CaseId",
                table: "CaseObservables",
                columns: new[] { "TypeKey", "Value", "CaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseObservables");

            migrationBuilder.DropTable(
                name: "ObservableTypes");

            migrationBuilder.DropColumn(
                name: "ExtractObservables",
                table: "Cases");
        }
    }
}
