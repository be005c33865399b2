using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Shigan.Data;
using Shigan.Data.Campaigns;
using Shigan.Data.Postgres;
using Shigan.Data.Sqlite;
using Shigan.Web.Cases;

namespace Shigan.Web.Hosting;

public static class DatabaseSetup
{
    public static DatabaseOptions ReadDatabaseOptions(this IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!options.IsSqlite && !options.IsPostgres)
        {
            throw new StartupProblemException($"Database:Provider must be 'sqlite' or 'postgres', not '{options.Provider}'.");
        }

        if (string.IsNullOrWhiteSpace(options.Connection))
        {
            if (options.IsPostgres)
            {
                throw new StartupProblemException("PostgreSQL needs a connection string: --connection \"Host=…;Database=…;Username=…\".");
            }

            var folder = Path.Combine(contentRoot, "data");
            Directory.CreateDirectory(folder);
            options.Connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "shigan.db") }.ToString();
        }
        else if (options.IsSqlite)
        {
            var builder = new SqliteConnectionStringBuilder(options.Connection);
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
        }

        options.MigrateOnStart ??= options.IsSqlite;
        return options;
    }

    public static IServiceCollection AddShiganDatabase(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddSingleton(database);
        services.AddSingleton<IntakeLookups>();
        services.AddSingleton<IntakeLookupChanges>();
        // Scoped factory: contexts it makes take the scope's actor (the request's or the circuit's user).
        services.AddDbContextFactory<ShiganDb>(
            (provider, options) =>
            {
                options.AddInterceptors(provider.GetRequiredService<IntakeLookupChanges>());
                if (database.IsPostgres)
                {
                    options.UseShiganPostgres(database.Connection!);
                }
                else
                {
                    options.UseShiganSqlite(database.Connection!);
                }
            },
            ServiceLifetime.Scoped);
        return services;
    }

    /// <summary>
    /// Applies pending migrations, then fills what SQL alone could not (the sort keys of targets saved before
    /// migration TargetSortKey); SQLite also switches to WAL so readers never wait for the writer.
    /// </summary>
    public static async Task MigrateAsync(ShiganDb db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        await TargetSortKeys.FillAsync(db, ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
