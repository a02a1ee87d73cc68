using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class TimelineSortField : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SortField",
                table: "Timelines",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "@timestamp");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SortField",
                table: "Timelines");
        }
    }
}
