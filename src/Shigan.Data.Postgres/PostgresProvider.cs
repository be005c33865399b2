using Microsoft.EntityFrameworkCore;

namespace Shigan.Data.Postgres;

public static class PostgresProvider
{
    /// <summary>PostgreSQL with this assembly's migrations.</summary>
    public static DbContextOptionsBuilder UseShiganPostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, pg => pg.MigrationsAssembly(typeof(PostgresProvider).Assembly.GetName().Name));
}
