using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shigan.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Template = table.Column<int>(type: "INTEGER", nullable: false),
                    Stages = table.Column<string>(type: "TEXT", nullable: false, defaultValueSql: "'[]'"),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CampaignTeams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionPath = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignTeams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignTeams_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CampaignTeams_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionPath = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignUnits_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CampaignUnits_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignTargets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    ParentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionPath = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    People = table.Column<int>(type: "INTEGER", nullable: true),
                    Area = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    StageSinceUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignTargets_CampaignTargets_ParentId",
                        column: x => x.ParentId,
                        principalTable: "CampaignTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CampaignTargets_CampaignTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "CampaignTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CampaignTargets_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CampaignTargets_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignTeamMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionPath = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignTeamMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignTeamMembers_CampaignTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "CampaignTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignVisits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Place = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    NextStep = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StageReached = table.Column<int>(type: "INTEGER", nullable: true),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RegionPath = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignVisits_CampaignTargets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "CampaignTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CampaignVisits_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StageMoves",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    FromStage = table.Column<int>(type: "INTEGER", nullable: false),
                    ToStage = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RegionPath = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageMoves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StageMoves_CampaignTargets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "CampaignTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StageMoves_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTargets_CampaignId_Key",
                table: "CampaignTargets",
                columns: new[] { "CampaignId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTargets_CampaignId_Level_Stage",
                table: "CampaignTargets",
                columns: new[] { "CampaignId", "Level", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTargets_ParentId",
                table: "CampaignTargets",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTargets_RegionId",
                table: "CampaignTargets",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTargets_RegionPath",
                table: "CampaignTargets",
                column: "RegionPath");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTargets_TeamId",
                table: "CampaignTargets",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTeamMembers_RegionPath",
                table: "CampaignTeamMembers",
                column: "RegionPath");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTeamMembers_TeamId",
                table: "CampaignTeamMembers",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTeamMembers_UserId_TeamId",
                table: "CampaignTeamMembers",
                columns: new[] { "UserId", "TeamId" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTeams_CampaignId_Name",
                table: "CampaignTeams",
                columns: new[] { "CampaignId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTeams_RegionId",
                table: "CampaignTeams",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTeams_RegionPath",
                table: "CampaignTeams",
                column: "RegionPath");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignUnits_CampaignId_RegionId",
                table: "CampaignUnits",
                columns: new[] { "CampaignId", "RegionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignUnits_RegionId",
                table: "CampaignUnits",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignUnits_RegionPath",
                table: "CampaignUnits",
                column: "RegionPath");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignVisits_CampaignId_AtUtc",
                table: "CampaignVisits",
                columns: new[] { "CampaignId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignVisits_RegionPath",
                table: "CampaignVisits",
                column: "RegionPath");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignVisits_TargetId_Id",
                table: "CampaignVisits",
                columns: new[] { "TargetId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StageMoves_CampaignId_AtUtc",
                table: "StageMoves",
                columns: new[] { "CampaignId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_StageMoves_RegionPath",
                table: "StageMoves",
                column: "RegionPath");

            migrationBuilder.CreateIndex(
                name: "IX_StageMoves_TargetId_Id",
                table: "StageMoves",
                columns: new[] { "TargetId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignTeamMembers");

            migrationBuilder.DropTable(
                name: "CampaignUnits");

            migrationBuilder.DropTable(
                name: "CampaignVisits");

            migrationBuilder.DropTable(
                name: "StageMoves");

            migrationBuilder.DropTable(
                name: "CampaignTargets");

            migrationBuilder.DropTable(
                name: "CampaignTeams");

            migrationBuilder.DropTable(
                name: "Campaigns");
        }
    }
}
