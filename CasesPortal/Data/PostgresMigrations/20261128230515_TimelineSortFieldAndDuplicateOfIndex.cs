using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class TimelineSortFieldAndDuplicateOfIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SortField",
                table: "Timelines",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "@timestamp");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DuplicateOfId",
                table: "Cases",
                column: "DuplicateOfId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_DuplicateOfId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SortField",
                table: "Timelines");
        }
    }
}
