using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shigan.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ServiceApplications_RegionPath_TakenAtUtc",
                table: "ServiceApplications");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CategoryId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_ApplicationTrips_ApplicationId_Id",
                table: "ApplicationTrips");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceApplications_Taken",
                table: "ServiceApplications",
                columns: new[] { "RegionPath", "TakenAtUtc", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Category",
                table: "Cases",
                columns: new[] { "CategoryId", "RegionPath", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseDayCounts_Township",
                table: "CaseDayCounts",
                columns: new[] { "TownshipPath", "Day", "Count" });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationTrips_Application",
                table: "ApplicationTrips",
                columns: new[] { "ApplicationId", "Id", "RegionPath" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ServiceApplications_Taken",
                table: "ServiceApplications");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Category",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseDayCounts_Township",
                table: "CaseDayCounts");

            migrationBuilder.DropIndex(
                name: "IX_ApplicationTrips_Application",
                table: "ApplicationTrips");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceApplications_RegionPath_TakenAtUtc",
                table: "ServiceApplications",
                columns: new[] { "RegionPath", "TakenAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CategoryId",
                table: "Cases",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationTrips_ApplicationId_Id",
                table: "ApplicationTrips",
                columns: new[] { "ApplicationId", "Id" });
        }
    }
}
