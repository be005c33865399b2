using Microsoft.EntityFrameworkCore;

namespace Shigan.Data.Sqlite;

public static class SqliteProvider
{
    /// <summary>SQLite with this assembly's migrations.</summary>
    public static DbContextOptionsBuilder UseShiganSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteProvider).Assembly.GetName().Name));
}
