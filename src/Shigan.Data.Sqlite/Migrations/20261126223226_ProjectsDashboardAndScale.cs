using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shigan.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProjectsDashboardAndScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Population",
                table: "Regions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseCounts",
                columns: table => new
                {
                    TownshipPath = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Platform = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseCounts", x => new { x.TownshipPath, x.Platform, x.Status });
                });

            migrationBuilder.CreateTable(
                name: "CaseDayCounts",
                columns: table => new
                {
                    TownshipPath = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseDayCounts", x => new { x.Day, x.TownshipPath });
                });

            migrationBuilder.CreateTable(
                name: "Projects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionPath = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    LeadName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LeadTitle = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    LeadUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Budget = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Spent = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedEndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    JobsCreated = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Projects_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StageDayCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionPath = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FromStage = table.Column<int>(type: "INTEGER", nullable: false),
                    ToStage = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageDayCounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StageDayCounts_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectBlockers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ResolvedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RegionPath = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectBlockers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectBlockers_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: true),
                    Spent = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RegionPath = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectEvents_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RegionPath = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectMembers_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectMilestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PlannedDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RegionPath = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectMilestones_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTargets_CampaignId_Level_StageSinceUtc",
                table: "CampaignTargets",
                columns: new[] { "CampaignId", "Level", "StageSinceUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTargets_Counts",
                table: "CampaignTargets",
                columns: new[] { "CampaignId", "Level", "ParentId", "RegionId", "TeamId", "Stage", "People", "RegionPath" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectBlockers_ProjectId",
                table: "ProjectBlockers",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectBlockers_RegionPath",
                table: "ProjectBlockers",
                column: "RegionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectBlockers_Status_DueDate",
                table: "ProjectBlockers",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectEvents_ProjectId_Id",
                table: "ProjectEvents",
                columns: new[] { "ProjectId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectEvents_RegionPath",
                table: "ProjectEvents",
                column: "RegionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectMembers_ProjectId_UserId",
                table: "ProjectMembers",
                columns: new[] { "ProjectId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectMembers_RegionPath",
                table: "ProjectMembers",
                column: "RegionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectMilestones_PlannedDate",
                table: "ProjectMilestones",
                column: "PlannedDate");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectMilestones_ProjectId_Position",
                table: "ProjectMilestones",
                columns: new[] { "ProjectId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectMilestones_RegionPath",
                table: "ProjectMilestones",
                column: "RegionPath");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_RegionId",
                table: "Projects",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_RegionPath",
                table: "Projects",
                column: "RegionPath");

            migrationBuilder.CreateIndex(
                name: "IX_StageDayCounts_CampaignId_RegionPath_Day_FromStage_ToStage",
                table: "StageDayCounts",
                columns: new[] { "CampaignId", "RegionPath", "Day", "FromStage", "ToStage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StageDayCounts_RegionPath",
                table: "StageDayCounts",
                column: "RegionPath");

            migrationBuilder.CreateIndex(
                name: "IX_StageDayCounts_Series",
                table: "StageDayCounts",
                columns: new[] { "CampaignId", "Day", "FromStage", "ToStage", "RegionPath", "Count" });

            // Counters start equal to the records already there (CaseCounters and StageDayCounts keep them so from now on):
            // a township's path is the first 26 characters (two 12-digit codes with their '/'), a day is China's date.
            migrationBuilder.Sql("""
                INSERT INTO "CaseCounts" ("TownshipPath", "Platform", "Status", "Count")
                SELECT substr("RegionPath", 1, 26), "Platform", "Status", count(*) FROM "Cases"
                GROUP BY substr("RegionPath", 1, 26), "Platform", "Status";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "CaseDayCounts" ("Day", "TownshipPath", "Count")
                SELECT date("ReportedAtUtc", '+8 hours'), substr("RegionPath", 1, 26), count(*) FROM "Cases"
                GROUP BY date("ReportedAtUtc", '+8 hours'), substr("RegionPath", 1, 26);
                """);
            migrationBuilder.Sql("""
                INSERT INTO "StageDayCounts" ("CampaignId", "RegionPath", "Day", "FromStage", "ToStage", "Count")
                SELECT "CampaignId", "RegionPath", date("AtUtc", '+8 hours'), "FromStage", "ToStage", COUNT(*)
                FROM "StageMoves"
                GROUP BY "CampaignId", "RegionPath", date("AtUtc", '+8 hours'), "FromStage", "ToStage";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseCounts");

            migrationBuilder.DropTable(
                name: "CaseDayCounts");

            migrationBuilder.DropTable(
                name: "ProjectBlockers");

            migrationBuilder.DropTable(
                name: "ProjectEvents");

            migrationBuilder.DropTable(
                name: "ProjectMembers");

            migrationBuilder.DropTable(
                name: "ProjectMilestones");

            migrationBuilder.DropTable(
                name: "StageDayCounts");

            migrationBuilder.DropTable(
                name: "Projects");

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

            migrationBuilder.DropIndex(
                name: "IX_CampaignTargets_CampaignId_Level_StageSinceUtc",
                table: "CampaignTargets");

            migrationBuilder.DropIndex(
                name: "IX_CampaignTargets_Counts",
                table: "CampaignTargets");

            migrationBuilder.DropColumn(
                name: "Population",
                table: "Regions");
        }
    }
}
