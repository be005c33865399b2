using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Shigan.Data.Access;
using Shigan.Data.Postgres;
using Shigan.Data.Sqlite;
using Shigan.Testing;

namespace Shigan.Data.Tests;

/// <summary>Opens a <see cref="ShiganDb"/> on a test database with the provider the run was asked for.</summary>
public static class Databases
{
    public static ShiganDb Open(string connection, ICurrentActor actor, TimeProvider clock, params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<ShiganDb>().AddInterceptors(interceptors);
        if (TestDatabase.IsPostgres)
        {
            options.UseShiganPostgres(connection);
        }
        else
        {
            options.UseShiganSqlite(connection);
        }

        return new ShiganDb(options.Options, actor, clock);
    }
}
