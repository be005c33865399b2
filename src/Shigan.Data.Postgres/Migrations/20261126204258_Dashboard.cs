using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shigan.Data.Postgres.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseCounts",
                columns: table => new
                {
                    TownshipPath = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false, collation: "C"),
                    Platform = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseCounts", x => new { x.TownshipPath, x.Platform, x.Status });
                });

            migrationBuilder.CreateTable(
                name: "CaseDayCounts",
                columns: table => new
                {
                    TownshipPath = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false, collation: "C"),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
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
                SELECT ("ReportedAtUtc" AT TIME ZONE 'Asia/Shanghai')::date, substr("RegionPath", 1, 26), count(*) FROM "Cases"
                GROUP BY ("ReportedAtUtc" AT TIME ZONE 'Asia/Shanghai')::date, substr("RegionPath", 1, 26);
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
