using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Shigan.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Contests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Contests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    RegionPath = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false, collation: "C"),
                    PeriodKind = table.Column<int>(type: "integer", nullable: false),
                    NormaliseWeights = table.Column<bool>(type: "boolean", nullable: false),
                    TrimJudgesAtLeast = table.Column<int>(type: "integer", nullable: false),
                    JudgeScoreMin = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    JudgeScoreMax = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contests_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContestIndicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Dimension = table.Column<int>(type: "integer", nullable: false),
                    CustomDimension = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Weight = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Direction = table.Column<int>(type: "integer", nullable: false),
                    Normalisation = table.Column<int>(type: "integer", nullable: false),
                    Target = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Cap = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    SourceCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Missing = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestIndicators_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestJudges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    JudgeName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HomeRegionId = table.Column<int>(type: "integer", nullable: false),
                    HomePath = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    InvitedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RegionPath = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestJudges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestJudges_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestParticipants_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContestParticipants_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JudgeScores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantRegionId = table.Column<int>(type: "integer", nullable: false),
                    JudgeId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    JudgeName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Score = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RegionPath = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JudgeScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JudgeScores_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScoreSheets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ComputedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ComputedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FrozenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Indicators = table.Column<string>(type: "text", nullable: false, defaultValueSql: "'[]'"),
                    Concurrency = table.Column<int>(type: "integer", nullable: false),
                    RegionPath = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreSheets_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScoreRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SheetId = table.Column<int>(type: "integer", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Total = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    PreviousRank = table.Column<int>(type: "integer", nullable: true),
                    Cells = table.Column<string>(type: "text", nullable: false, defaultValueSql: "'[]'"),
                    RegionPath = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreRows_ScoreSheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "ScoreSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContestIndicators_ContestId",
                table: "ContestIndicators",
                column: "ContestId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestJudges_ContestId_UserId",
                table: "ContestJudges",
                columns: new[] { "ContestId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContestJudges_RegionPath",
                table: "ContestJudges",
                column: "RegionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ContestParticipants_ContestId_RegionId",
                table: "ContestParticipants",
                columns: new[] { "ContestId", "RegionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContestParticipants_RegionId",
                table: "ContestParticipants",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestParticipants_UnitPath",
                table: "ContestParticipants",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_Contests_RegionId",
                table: "Contests",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Contests_RegionPath",
                table: "Contests",
                column: "RegionPath");

            migrationBuilder.CreateIndex(
                name: "IX_JudgeScores_ContestId_PeriodStart_IndicatorId_ParticipantRe~",
                table: "JudgeScores",
                columns: new[] { "ContestId", "PeriodStart", "IndicatorId", "ParticipantRegionId", "JudgeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JudgeScores_RegionPath",
                table: "JudgeScores",
                column: "RegionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreRows_RegionId",
                table: "ScoreRows",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreRows_RegionPath",
                table: "ScoreRows",
                column: "RegionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreRows_SheetId_RegionId",
                table: "ScoreRows",
                columns: new[] { "SheetId", "RegionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheets_ContestId_PeriodStart_Version",
                table: "ScoreSheets",
                columns: new[] { "ContestId", "PeriodStart", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheets_RegionPath",
                table: "ScoreSheets",
                column: "RegionPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContestIndicators");

            migrationBuilder.DropTable(
                name: "ContestJudges");

            migrationBuilder.DropTable(
                name: "ContestParticipants");

            migrationBuilder.DropTable(
                name: "JudgeScores");

            migrationBuilder.DropTable(
                name: "ScoreRows");

            migrationBuilder.DropTable(
                name: "ScoreSheets");

            migrationBuilder.DropTable(
                name: "Contests");
        }
    }
}
