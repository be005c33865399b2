using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shigan.Data;
using Shigan.Data.Access;
using Shigan.Data.Demo;
using Shigan.Web.Access;

namespace Shigan.Web.Hosting;

/// <summary>Migrates and seeds before the first request, then prints where to go and who to be.</summary>
public static class StartupTasks
{
    public static async Task RunAsync(WebApplication app)
    {
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Shigan");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
            var db = scope.ServiceProvider.GetRequiredService<ShiganDb>();
            if (database.MigrateOnStart == true)
            {
                await DatabaseSetup.MigrateAsync(db);
            }
            else if ((await db.Database.GetPendingMigrationsAsync()).Any())
            {
                throw new StartupProblemException(
                    "The database is not up to date. Run the migrate verb first: dotnet run --project src/Shigan.Web -- migrate --provider … --connection \"…\"");
            }

            if (database.SeedDemo)
            {
                var seeded = await ChangshanSeed.RunAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<ShiganUser>>());
                log.LogInformation("Changshan demo data: {Outcome}", seeded ? "loaded" : "already present, left as it is");
                // The demo campaigns come with a fresh county, never into a database already in use.
                if (seeded && database.SeedDemoCampaigns && await CampaignSeed.RunAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>()))
                {
                    log.LogInformation("Demo campaigns loaded");
                }

                if (seeded && database.SeedDemoCampaigns && await ProjectSeed.RunAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>()))
                {
                    log.LogInformation("Demo projects loaded");
                }
            }

            if (db.Database.IsSqlite())
            {
                // Fresh statistics let SQLite choose between the path index and a scan (cheap: it analyses only what changed).
                await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;");
            }
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine($"实干 Shigan is running on {database.Provider}: {string.Join(", ", addresses)}");
            if (database.SeedDemo)
            {
                Console.WriteLine($"Demo accounts (password {ChangshanSeed.DemoPassword}):");
                foreach (var a in ChangshanSeed.Accounts)
                {
                    Console.WriteLine($"  {a.UserName,-18} {a.Role,-16} {a.DisplayName}");
                }
            }

            Console.WriteLine();
        });
    }
}
