using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shigan.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CustomLayout : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Layout",
                table: "Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Layout",
                table: "Campaigns");
        }
    }
}
