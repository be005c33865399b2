using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Shigan.Data.Access;

namespace Shigan.Data.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for SQLite.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ShiganDb>
{
    public ShiganDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ShiganDb>();
        options.UseShiganSqlite("Data Source=design.db");
        return new ShiganDb(options.Options, SystemActor.Instance, TimeProvider.System);
    }
}
