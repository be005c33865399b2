using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Shigan.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Applications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ServiceApplications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LifeEventCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LifeEventName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    RegionPath = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false, collation: "C"),
                    TakenByDepartmentId = table.Column<int>(type: "integer", nullable: true),
                    TakenById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TakenByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TakenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ApplicantPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Materials = table.Column<string>(type: "text", nullable: false, defaultValueSql: "'[]'"),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DoneAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceApplications_Departments_TakenByDepartmentId",
                        column: x => x.TakenByDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceApplications_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationTrips",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Purpose = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RegionPath = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationTrips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationTrips_ServiceApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ServiceApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SubApplications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ItemCodes = table.Column<string>(type: "text", nullable: false, defaultValueSql: "'[]'"),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestedMaterial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MustReturn = table.Column<bool>(type: "boolean", nullable: false),
                    RefusalReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RegionPath = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubApplications_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SubApplications_ServiceApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ServiceApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    SubApplicationId = table.Column<long>(type: "bigint", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: true),
                    FromStatus = table.Column<int>(type: "integer", nullable: true),
                    ToStatus = table.Column<int>(type: "integer", nullable: true),
                    Material = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DepartmentName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ActorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RegionPath = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationEvents_ServiceApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ServiceApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApplicationEvents_SubApplications_SubApplicationId",
                        column: x => x.SubApplicationId,
                        principalTable: "SubApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationEvents_ApplicationId_Id",
                table: "ApplicationEvents",
                columns: new[] { "ApplicationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationEvents_SubApplicationId",
                table: "ApplicationEvents",
                column: "SubApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationTrips_ApplicationId_Id",
                table: "ApplicationTrips",
                columns: new[] { "ApplicationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceApplications_RegionId",
                table: "ServiceApplications",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceApplications_RegionPath_Id",
                table: "ServiceApplications",
                columns: new[] { "RegionPath", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceApplications_RegionPath_TakenAtUtc",
                table: "ServiceApplications",
                columns: new[] { "RegionPath", "TakenAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceApplications_TakenByDepartmentId_Id",
                table: "ServiceApplications",
                columns: new[] { "TakenByDepartmentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SubApplications_ApplicationId",
                table: "SubApplications",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_SubApplications_DepartmentId_Status_ApplicationId",
                table: "SubApplications",
                columns: new[] { "DepartmentId", "Status", "ApplicationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApplicationEvents");

            migrationBuilder.DropTable(
                name: "ApplicationTrips");

            migrationBuilder.DropTable(
                name: "SubApplications");

            migrationBuilder.DropTable(
                name: "ServiceApplications");
        }
    }
}
