using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shigan.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CampaignIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StageDayCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionPath = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FromStage = table.Column<int>(type: "INTEGER", nullable: false),
                    ToStage = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageDayCounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StageDayCounts_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTargets_CampaignId_Level_StageSinceUtc",
                table: "CampaignTargets",
                columns: new[] { "CampaignId", "Level", "StageSinceUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTargets_Counts",
                table: "CampaignTargets",
                columns: new[] { "CampaignId", "Level", "ParentId", "RegionId", "TeamId", "Stage", "People", "RegionPath" });

            migrationBuilder.CreateIndex(
                name: "IX_StageDayCounts_CampaignId_RegionPath_Day_FromStage_ToStage",
                table: "StageDayCounts",
                columns: new[] { "CampaignId", "RegionPath", "Day", "FromStage", "ToStage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StageDayCounts_RegionPath",
                table: "StageDayCounts",
                column: "RegionPath");

            migrationBuilder.CreateIndex(
                name: "IX_StageDayCounts_Series",
                table: "StageDayCounts",
                columns: new[] { "CampaignId", "Day", "FromStage", "ToStage", "RegionPath", "Count" });

            // The counters of the moves already made, by China day (UTC+8), as the saves keep them from now on.
            migrationBuilder.Sql("""
                INSERT INTO "StageDayCounts" ("CampaignId", "RegionPath", "Day", "FromStage", "ToStage", "Count")
                SELECT "CampaignId", "RegionPath", date("AtUtc", '+8 hours'), "FromStage", "ToStage", COUNT(*)
                FROM "StageMoves"
                GROUP BY "CampaignId", "RegionPath", date("AtUtc", '+8 hours'), "FromStage", "ToStage"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StageDayCounts");

            migrationBuilder.DropIndex(
                name: "IX_CampaignTargets_CampaignId_Level_StageSinceUtc",
                table: "CampaignTargets");

            migrationBuilder.DropIndex(
                name: "IX_CampaignTargets_Counts",
                table: "CampaignTargets");
        }
    }
}
