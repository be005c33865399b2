using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shigan.Data.Postgres.Migrations
{
    /// <summary>
    /// The campaign page filters by scope on <c>"RegionPath" || ''</c> (kept off the path index on purpose), an
    /// expression PostgreSQL had no statistics for: it guessed 0.5 % of the rows and sorted and grouped instead of
    /// hashing (bench/RESULTS.md, "PostgreSQL page: what fixes the estimate"). Statistics on the expression itself
    /// give the real share. PostgreSQL only: SQLite has no such estimate to fix.
    /// </summary>
    public partial class ScopePathStatistics : Migration
    {
        private static readonly string[] Tables = ["CampaignTargets", "TargetCounts", "StageDayCounts"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""CREATE STATISTICS "ST_{table}_ScopePath" ON (("RegionPath" || '')) FROM "{table}";""");
            }

            // Built now rather than at autovacuum's next analyze of each table.
            migrationBuilder.Sql("""ANALYZE "CampaignTargets", "TargetCounts", "StageDayCounts";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""DROP STATISTICS IF EXISTS "ST_{table}_ScopePath";""");
            }
        }
    }
}
