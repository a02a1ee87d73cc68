using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class CaseAlertFacets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseAlertFacets",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "character varying(36)", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(1029)", maxLength: 1029, nullable: false),
                    Name = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Alerts = table.Column<int>(type: "integer", nullable: false),
                    NewestAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAlertFacets", x => new { x.CaseId, x.Kind, x.Key, x.Name });
                    table.ForeignKey(
                        name: "FK_CaseAlertFacets_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The figures of the alerts already attached, counted once here; from now on they follow every link change.
            migrationBuilder.Sql(CasesPortal.Features.Cases.Evidence.CaseAlertFacets.CountInSql("""SELECT "CaseId", "AlertId" FROM "CaseAlerts" """));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseAlertFacets");
        }
    }
}
