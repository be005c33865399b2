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

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTargets_Stuck",
                table: "CampaignTargets",
                columns: new[] { "CampaignId", "Level", "Stage", "StageSinceUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
