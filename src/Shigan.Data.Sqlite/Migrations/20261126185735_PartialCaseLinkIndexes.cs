using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shigan.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PartialCaseLinkIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_MergedIntoId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ParentId",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_MergedIntoId",
                table: "Cases",
                column: "MergedIntoId",
                filter: "\"MergedIntoId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ParentId",
                table: "Cases",
                column: "ParentId",
                filter: "\"ParentId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_MergedIntoId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ParentId",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_MergedIntoId",
                table: "Cases",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ParentId",
                table: "Cases",
                column: "ParentId");
        }
    }
}
