using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shigan.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing on SQLite: the PostgreSQL migration of the same name refines the planner's statistics on Cases.RegionPath;
            // SQLite's work lists already look among the newest ids first (CaseQueries.ListAsync), whatever its statistics say.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
