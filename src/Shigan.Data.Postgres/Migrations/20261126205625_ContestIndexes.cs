using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shigan.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ContestIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ServiceApplications_Done",
                table: "ServiceApplications",
                columns: new[] { "DoneAtUtc", "RegionPath", "Status" },
                filter: "\"DoneAtUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Due",
                table: "Cases",
                columns: new[] { "DeadlineUtc", "RegionPath", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Reported",
                table: "Cases",
                columns: new[] { "ReportedAtUtc", "RegionPath", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvents_Ratings",
                table: "CaseEvents",
                columns: new[] { "AtUtc", "RegionPath", "Rating", "CaseId" },
                filter: "\"Rating\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvents_Resolved",
                table: "CaseEvents",
                columns: new[] { "CaseId", "AtUtc" },
                filter: "\"ToStatus\" = 6");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ServiceApplications_Done",
                table: "ServiceApplications");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Due",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Reported",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseEvents_Ratings",
                table: "CaseEvents");

            migrationBuilder.DropIndex(
                name: "IX_CaseEvents_Resolved",
                table: "CaseEvents");
        }
    }
}
