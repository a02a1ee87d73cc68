using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventTextFedByIngest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The evidence store now keeps the events' word index itself, a statement per batch (see EventTextIndex).
            migrationBuilder.Sql(EventTextIndex.DropWriteTriggers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(EventTextIndex.RestoreWriteTriggers);
        }
    }
}
