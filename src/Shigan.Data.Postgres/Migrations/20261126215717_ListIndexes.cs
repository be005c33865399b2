using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shigan.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Work lists ask for a scope's cases newest first. With the default 100 histogram buckets a county (about 1 % of a
            // province's cases) falls inside one bucket, PostgreSQL estimates its path range at one row and reads all the
            // county's cases through the path index to sort them (290 ms at 5,000,000 cases) instead of walking the primary
            // key backwards (1 ms). A finer histogram on the path gives it the right count; ANALYZE takes it up at once.
            migrationBuilder.Sql("ALTER TABLE \"Cases\" ALTER COLUMN \"RegionPath\" SET STATISTICS 1000;");
            migrationBuilder.Sql("ANALYZE \"Cases\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"Cases\" ALTER COLUMN \"RegionPath\" SET STATISTICS -1;");
        }
    }
}
