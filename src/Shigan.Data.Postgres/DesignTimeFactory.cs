using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Shigan.Data.Access;

namespace Shigan.Data.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for PostgreSQL (no server needed to add one).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ShiganDb>
{
    public ShiganDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ShiganDb>();
        options.UseShiganPostgres("Host=localhost;Database=shigan_design");
        return new ShiganDb(options.Options, SystemActor.Instance, TimeProvider.System);
    }
}
