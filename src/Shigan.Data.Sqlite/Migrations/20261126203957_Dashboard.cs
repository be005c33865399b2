using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shigan.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Dashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Population",
                table: "Regions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseCounts",
                columns: table => new
                {
                    TownshipPath = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Platform = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseCounts", x => new { x.TownshipPath, x.Platform, x.Status });
                });

            migrationBuilder.CreateTable(
                name: "CaseDayCounts",
                columns: table => new
                {
                    TownshipPath = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseDayCounts", x => new { x.Day, x.TownshipPath });
                });

            // The counters start equal to the cases already there (CaseCounters keeps them so from now on): a township's
            // path is the first 26 characters (two 12-digit codes with their '/'), a day is the report's date in China.
            migrationBuilder.Sql("""
                INSERT INTO "CaseCounts" ("TownshipPath", "Platform", "Status", "Count")
                SELECT substr("RegionPath", 1, 26), "Platform", "Status", count(*) FROM "Cases"
                GROUP BY substr("RegionPath", 1, 26), "Platform", "Status";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "CaseDayCounts" ("Day", "TownshipPath", "Count")
                SELECT date("ReportedAtUtc", '+8 hours'), substr("RegionPath", 1, 26), count(*) FROM "Cases"
                GROUP BY date("ReportedAtUtc", '+8 hours'), substr("RegionPath", 1, 26);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseCounts");

            migrationBuilder.DropTable(
                name: "CaseDayCounts");

            migrationBuilder.DropColumn(
                name: "Population",
                table: "Regions");
        }
    }
}
