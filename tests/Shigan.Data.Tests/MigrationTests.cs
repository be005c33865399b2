using Microsoft.EntityFrameworkCore;
using Shigan.Data.Access;
using Shigan.Testing;

namespace Shigan.Data.Tests;

/// <summary>The schema comes from this provider's migrations, and they match the model the code describes.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class MigrationTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await database.DisposeAsync();

    private ShiganDb Open() => Databases.Open(database.Connection, SystemActor.Instance, TimeProvider.System);

    [Fact]
    public async Task Migrations_create_every_table_on_an_empty_database()
    {
        await using var db = Open();

        await db.Database.MigrateAsync();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());

        // Each mapped table answers a query: the schema the model reads is the one the migrations made.
        Assert.Equal(0, await db.Regions.CountAsync());
        Assert.Equal(0, await db.Departments.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
        Assert.Equal(0, await db.DataProtectionKeys.CountAsync());
    }

    [Fact]
    public async Task Migrating_again_on_a_later_start_keeps_the_data()
    {
        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
            db.Regions.Add(new Core.Org.Region { Code = "330822000000", Name = "常山县", Level = Core.Org.RegionLevel.County, RegionPath = "330822000000/" });
            await db.SaveChangesAsync();
        }

        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
            Assert.Equal("常山县", (await db.Regions.SingleAsync()).Name);
        }
    }

    [Fact]
    public void The_model_has_no_changes_missing_from_this_providers_migrations()
    {
        using var db = Open();

        // Fails when an entity or mapping changed without `dotnet ef migrations add` for this provider.
        Assert.False(db.Database.HasPendingModelChanges(), $"The {TestDatabase.Provider} migrations are behind the model.");
    }
}
