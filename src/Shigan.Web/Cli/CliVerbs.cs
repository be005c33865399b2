using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Data.Access;
using Shigan.Data.Demo;
using Shigan.Web.Access;
using Shigan.Web.Generate;
using Shigan.Web.Hosting;
using Shigan.Web.Localization;
using Shigan.Web.Org;

namespace Shigan.Web.Cli;

/// <summary>
/// Verbs on the same executable, sharing its configuration:
///   migrate                       apply migrations for the configured provider
///   seed                          load the Changshan demo data if it is not there
///   create-user --user U --password P --role R --unit CODE [--name N]
///   backup [--to FILE]            an online, consistent copy of the SQLite database
///   restore --from FILE           put such a copy back (app stopped), after checking it
///   generate --scope 33|3308|330822 --cases N --applications N --seed S   fill an empty database (see GenerateVerb)
/// </summary>
public static class CliVerbs
{
    private static readonly string[] Verbs = ["migrate", "seed", "create-user", "backup", "restore", "generate"];

    public static (string? Verb, string[] Remaining) Split(string[] args) =>
        args.Length > 0 && Verbs.Contains(args[0]) ? (args[0], args[1..]) : (null, args);

    public static async Task<int> RunAsync(WebApplication app, string verb)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ShiganDb>();
        var config = app.Configuration;
        try
        {
            switch (verb)
            {
                case "migrate":
                    await DatabaseSetup.MigrateAsync(db);
                    Console.WriteLine("Migrations applied.");
                    return 0;
                case "seed":
                    var seeded = await ChangshanSeed.RunAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<ShiganUser>>());
                    if (seeded)
                    {
                        await CampaignSeed.RunAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>());
                        await ProjectSeed.RunAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>());
                    }

                    Console.WriteLine(seeded ? "Changshan demo data loaded." : "Demo data already present; nothing done.");
                    return 0;
                case "create-user":
                    return await CreateUserAsync(db, scope.ServiceProvider.GetRequiredService<AccountCommands>(), scope.ServiceProvider.GetRequiredService<IStringLocalizer<UiText>>(), config);
                case "backup":
                    return Backup(db, config);
                case "restore":
                    return SqliteRestore.Run(db, config);
                case "generate":
                    return await GenerateVerb.RunAsync(scope.ServiceProvider, db, config, Console.Out);
                default:
                    return 2;
            }
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or SqliteException)
        {
            Console.Error.WriteLine($"{verb} failed: {e.Message}");
            return 1;
        }
    }

    // The same command as the accounts page and API, acting as the system: the same checks, the same audit entry.
    private static async Task<int> CreateUserAsync(ShiganDb db, AccountCommands accounts, IStringLocalizer<UiText> text, IConfiguration config)
    {
        string? userName = config["user"], password = config["password"], roleText = config["role"], unitCode = config["unit"];
        if (userName is null || password is null || roleText is null || unitCode is null)
        {
            Console.Error.WriteLine("usage: create-user --user NAME --password PASSWORD --role ROLE --unit CODE [--name DISPLAY-NAME]");
            Console.Error.WriteLine($"roles: {string.Join(", ", Enum.GetNames<Role>())}");
            return 2;
        }

        if (!Enum.TryParse<Role>(roleText, ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            Console.Error.WriteLine($"Unknown role '{roleText}'. Roles: {string.Join(", ", Enum.GetNames<Role>())}");
            return 2;
        }

        var unit = await db.Regions.SingleOrDefaultAsync(r => r.Code == Division.Pad(unitCode));
        if (unit is null)
        {
            Console.Error.WriteLine($"No unit with code {unitCode}.");
            return 2;
        }

        var (account, errors) = await accounts.CreateAsync(new AccountInput(userName, config["name"] ?? userName, role, unit.Id, password));
        if (account is null)
        {
            // The terminal reads English; the unit and role are named so the message stands on its own.
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Console.Error.WriteLine($"Cannot create {userName} as {role} in {unit.Name} {unit.Code} ({unit.Level}):");
            foreach (var (field, messages) in errors.Localized(text))
            {
                Console.Error.WriteLine($"  {field}: {string.Join("; ", messages)}");
            }

            return 1;
        }

        Console.WriteLine($"Created {account.UserName} ({account.Role}) in {account.RegionName} {account.RegionCode}.");
        return 0;
    }

    private static int Backup(ShiganDb db, IConfiguration config)
    {
        if (!db.Database.IsSqlite())
        {
            Console.Error.WriteLine("backup copies the SQLite file; for PostgreSQL use pg_dump (see README, Deploying).");
            return 2;
        }

        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var target = config["to"] ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(source))!, "backups",
            $"shigan-{DateTime.UtcNow:yyyyMMdd-HHmmss}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        if (File.Exists(target))
        {
            Console.Error.WriteLine($"{target} exists; choose another --to.");
            return 2;
        }

        // SQLite's online backup API: a consistent copy while the app keeps writing.
        using var from = new SqliteConnection(db.Database.GetConnectionString());
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        from.Open();
        from.BackupDatabase(to);
        Console.WriteLine($"Backed up {source} to {Path.GetFullPath(target)}.");
        return 0;
    }
}
