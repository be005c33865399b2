using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Shigan.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CasePhotosSplitOpen311Departments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Answers",
                table: "Cases",
                type: "text",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.AddColumn<int>(
                name: "Open311ClientId",
                table: "Cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Open311Token",
                table: "Cases",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ParentId",
                table: "Cases",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Questions",
                table: "CaseCategories",
                type: "text",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.AddColumn<int>(
                name: "DepartmentId",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseAttachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    CaseEventId = table.Column<long>(type: "bigint", nullable: true),
                    FileName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Length = table.Column<int>(type: "integer", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AddedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RegionPath = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAttachments_CaseEvents_CaseEventId",
                        column: x => x.CaseEventId,
                        principalTable: "CaseEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseAttachments_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Open311Clients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeyPrefix = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Open311Clients", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_FollowUp",
                table: "Cases",
                column: "RegionPath",
                filter: "\"Status\" = 6 AND NOT \"OutcomeRated\"");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Open",
                table: "Cases",
                columns: new[] { "RegionPath", "Status", "DeadlineUtc" },
                filter: "\"Status\" IN (1, 2, 4, 5, 8)");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Open311ClientId",
                table: "Cases",
                column: "Open311ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Open311Token",
                table: "Cases",
                column: "Open311Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ParentId",
                table: "Cases",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvents_ActorId_CaseId",
                table: "CaseEvents",
                columns: new[] { "ActorId", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_DepartmentId",
                table: "AspNetUsers",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAttachments_CaseEventId",
                table: "CaseAttachments",
                column: "CaseEventId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAttachments_CaseId_Id",
                table: "CaseAttachments",
                columns: new[] { "CaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Open311Clients_KeyHash",
                table: "Open311Clients",
                column: "KeyHash",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Departments_DepartmentId",
                table: "AspNetUsers",
                column: "DepartmentId",
                principalTable: "Departments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Cases_Cases_ParentId",
                table: "Cases",
                column: "ParentId",
                principalTable: "Cases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Cases_Open311Clients_Open311ClientId",
                table: "Cases",
                column: "Open311ClientId",
                principalTable: "Open311Clients",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Departments_DepartmentId",
                table: "AspNetUsers");

            migrationBuilder.DropForeignKey(
                name: "FK_Cases_Cases_ParentId",
                table: "Cases");

            migrationBuilder.DropForeignKey(
                name: "FK_Cases_Open311Clients_Open311ClientId",
                table: "Cases");

            migrationBuilder.DropTable(
                name: "CaseAttachments");

            migrationBuilder.DropTable(
                name: "Open311Clients");

            migrationBuilder.DropIndex(
                name: "IX_Cases_FollowUp",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Open",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Open311ClientId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Open311Token",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ParentId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseEvents_ActorId_CaseId",
                table: "CaseEvents");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_DepartmentId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "Answers",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Open311ClientId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Open311Token",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Questions",
                table: "CaseCategories");

            migrationBuilder.DropColumn(
                name: "DepartmentId",
                table: "AspNetUsers");
        }
    }
}
