using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shigan.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CampaignSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CampaignTargets_CampaignId_Level_Stage",
                table: "CampaignTargets");

            migrationBuilder.DropIndex(
                name: "IX_CampaignTargets_CampaignId_Level_StageSinceUtc",
                table: "CampaignTargets");

            migrationBuilder.CreateTable(
                name: "TargetCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionPath = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    People = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetCounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TargetCounts_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTargets_Stuck",
                table: "CampaignTargets",
                columns: new[] { "CampaignId", "Level", "Stage", "StageSinceUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TargetCounts_Cell",
                table: "TargetCounts",
                columns: new[] { "CampaignId", "Level", "ParentId", "RegionId", "TeamId", "Stage", "RegionPath" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TargetCounts_RegionPath",
                table: "TargetCounts",
                column: "RegionPath");

            // The page's counters from the targets already there; every later save keeps them (TargetCounts).
            migrationBuilder.Sql("""
                INSERT INTO "TargetCounts" ("CampaignId", "Level", "ParentId", "RegionId", "TeamId", "Stage", "RegionPath", "Count", "People")
                SELECT "CampaignId", "Level", COALESCE("ParentId", 0), "RegionId", COALESCE("TeamId", 0), "Stage", "RegionPath", COUNT(*), COALESCE(SUM("People"), 0)
                FROM "CampaignTargets" GROUP BY "CampaignId", "Level", COALESCE("ParentId", 0), "RegionId", COALESCE("TeamId", 0), "Stage", "RegionPath";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TargetCounts");

            migrationBuilder.DropIndex(
                name: "IX_CampaignTargets_Stuck",
                table: "CampaignTargets");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTargets_CampaignId_Level_Stage",
                table: "CampaignTargets",
                columns: new[] { "CampaignId", "Level", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTargets_CampaignId_Level_StageSinceUtc",
                table: "CampaignTargets",
                columns: new[] { "CampaignId", "Level", "StageSinceUtc" });
        }
    }
}
