using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CasesPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Timelines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseTimelines",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    TimelineId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false),
                    AttachedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AttachedById = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTimelines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseTimelines_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Timelines",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 30000, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Filters = table.Column<string>(type: "TEXT", nullable: false),
                    RangeRelative = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RangeFrom = table.Column<long>(type: "INTEGER", nullable: true),
                    RangeTo = table.Column<long>(type: "INTEGER", nullable: true),
                    Columns = table.Column<string>(type: "TEXT", nullable: false),
                    SortAscending = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Timelines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimelineNotes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    TimelineId = table.Column<string>(type: "TEXT", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 30000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelineNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TimelineNotes_Timelines_TimelineId",
                        column: x => x.TimelineId,
                        principalTable: "Timelines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TimelinePins",
                columns: table => new
                {
                    TimelineId = table.Column<string>(type: "TEXT", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    PinnedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PinnedById = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelinePins", x => new { x.TimelineId, x.EventId });
                    table.ForeignKey(
                        name: "FK_TimelinePins_Timelines_TimelineId",
                        column: x => x.TimelineId,
                        principalTable: "Timelines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTimelines_CaseId_AttachedAt",
                table: "CaseTimelines",
                columns: new[] { "CaseId", "AttachedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TimelineNotes_TimelineId_CreatedAt",
                table: "TimelineNotes",
                columns: new[] { "TimelineId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Timelines_UpdatedAt",
                table: "Timelines",
                column: "UpdatedAt",
                descending: new bool[0]);

            migrationBuilder.Sql(EventTextIndex.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(EventTextIndex.Drop);

            migrationBuilder.DropTable(
                name: "CaseTimelines");

            migrationBuilder.DropTable(
                name: "TimelineNotes");

            migrationBuilder.DropTable(
                name: "TimelinePins");

            migrationBuilder.DropTable(
                name: "Timelines");
        }
    }
}
