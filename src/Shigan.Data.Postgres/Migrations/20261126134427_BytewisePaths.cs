using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shigan.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BytewisePaths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "RegionPath",
                table: "Regions",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(80)",
                oldMaxLength: 80);

            migrationBuilder.AlterColumn<string>(
                name: "RegionPath",
                table: "Departments",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(80)",
                oldMaxLength: 80);

            migrationBuilder.AlterColumn<string>(
                name: "RegionPath",
                table: "Cases",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(80)",
                oldMaxLength: 80);

            migrationBuilder.AlterColumn<string>(
                name: "RegionPath",
                table: "CaseEvents",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(80)",
                oldMaxLength: 80);

            migrationBuilder.AlterColumn<string>(
                name: "RegionPath",
                table: "AuditEntries",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(80)",
                oldMaxLength: 80);

            migrationBuilder.AlterColumn<string>(
                name: "RegionPath",
                table: "AspNetUsers",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(80)",
                oldMaxLength: 80);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "RegionPath",
                table: "Regions",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(80)",
                oldMaxLength: 80,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "RegionPath",
                table: "Departments",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(80)",
                oldMaxLength: 80,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "RegionPath",
                table: "Cases",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(80)",
                oldMaxLength: 80,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "RegionPath",
                table: "CaseEvents",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(80)",
                oldMaxLength: 80,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "RegionPath",
                table: "AuditEntries",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(80)",
                oldMaxLength: 80,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "RegionPath",
                table: "AspNetUsers",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(80)",
                oldMaxLength: 80,
                oldCollation: "C");
        }
    }
}
