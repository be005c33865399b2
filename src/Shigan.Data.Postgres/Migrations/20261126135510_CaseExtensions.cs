using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shigan.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseExtensions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExtensionReason",
                table: "Cases",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExtensionRequestedAtUtc",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionRequestedById",
                table: "Cases",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExtensionUnit",
                table: "Cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExtensionValue",
                table: "Cases",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExtensionReason",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ExtensionRequestedAtUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ExtensionRequestedById",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ExtensionUnit",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ExtensionValue",
                table: "Cases");
        }
    }
}
