using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shigan.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TargetSortKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SortKey",
                table: "CampaignTargets",
                type: "text",
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTargets_SortKey",
                table: "CampaignTargets",
                columns: new[] { "CampaignId", "Level", "SortKey", "Id", "RegionPath", "TeamId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CampaignTargets_SortKey",
                table: "CampaignTargets");

            migrationBuilder.DropColumn(
                name: "SortKey",
                table: "CampaignTargets");
        }
    }
}
