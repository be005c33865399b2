using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shigan.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SheetSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ScoreRows_RegionId",
                table: "ScoreRows");

            migrationBuilder.DropIndex(
                name: "IX_ScoreRows_RegionPath",
                table: "ScoreRows");

            migrationBuilder.CreateTable(
                name: "JudgeTotals",
                columns: table => new
                {
                    ContestId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipantRegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    SumHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    LowestHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    HighestHundredths = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JudgeTotals", x => new { x.ContestId, x.PeriodStart, x.IndicatorId, x.ParticipantRegionId });
                    table.ForeignKey(
                        name: "FK_JudgeTotals_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // The judges' totals of the scores already there, in hundredths (a score has two decimals at most); every
            // later save keeps them (JudgeTotals). The same SQL on both providers.
            migrationBuilder.Sql("""
                INSERT INTO "JudgeTotals" ("ContestId", "PeriodStart", "IndicatorId", "ParticipantRegionId", "Count", "SumHundredths", "LowestHundredths", "HighestHundredths")
                SELECT s."ContestId", s."PeriodStart", s."IndicatorId", s."ParticipantRegionId", COUNT(*),
                       SUM(CAST(ROUND(s."Score" * 100) AS BIGINT)), MIN(CAST(ROUND(s."Score" * 100) AS BIGINT)), MAX(CAST(ROUND(s."Score" * 100) AS BIGINT))
                FROM "JudgeScores" AS s GROUP BY s."ContestId", s."PeriodStart", s."IndicatorId", s."ParticipantRegionId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JudgeTotals");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreRows_RegionId",
                table: "ScoreRows",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreRows_RegionPath",
                table: "ScoreRows",
                column: "RegionPath");
        }
    }
}
