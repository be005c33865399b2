using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Data.Access;
using Shigan.Data.Cases;
using Shigan.Data.Demo;
using Shigan.Data.Generate;
using Shigan.Web.Cases;
using Shigan.Web.Hosting;

namespace Shigan.Web.Generate;

/// <summary>
/// <c>generate</c>: fills an empty database (either provider) with realistic, seeded data over the real division
/// tree of a scope — units with grids, departments, categories, the holiday calendar, the service catalogue, a few
/// accounts per county (EF, small), then cases with histories and applications with parts, trips and histories by
/// the engine's bulk path (<see cref="BulkWriter"/>). Prints rows per second per table and the engine's raw rate
/// for the same rows into a bare table, measured in the same run.
/// </summary>
public static class GenerateVerb
{
    private const int RawChunk = 50_000;

    private static readonly string[] BigTables =
        ["Cases", "CaseEvents", "ServiceApplications", "SubApplications", "ApplicationTrips", "ApplicationEvents", "CampaignTargets", "StageMoves", "CampaignVisits"];

    public static async Task<int> RunAsync(IServiceProvider services, ShiganDb db, IConfiguration config, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(output);
        var (options, error) = GenerateOptions.Read(config);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteLineAsync(GenerateOptions.Usage);
            return 2;
        }

        List<Division> rows;
        using (var reader = new StreamReader(options.Divisions))
        {
            rows = [.. Division.ParseCsv(reader)];
        }

        var counties = UnitTree.Counties(rows, options.Scope);
        if (counties.Count == 0)
        {
            await Console.Error.WriteLineAsync($"--scope {options.Scope}: no province, city or county with that code in {options.Divisions}.");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        void Say(string text) => output.WriteLine($"[{clock.Elapsed:mm\\:ss}] {text}");
        await DatabaseSetup.MigrateAsync(db);
        if (await db.Regions.IgnoreQueryFilters().AnyAsync())
        {
            await Console.Error.WriteLineAsync("generate fills an empty database; this one already holds units. Give a new database or file.");
            return 2;
        }

        var regions = UnitTree.Regions(rows, counties);
        var departments = UnitTree.Departments(regions);
        Say($"migrated; scope {options.Scope}: {counties.Count} counties, {regions.Count(r => r.Level == RegionLevel.Township)} townships, "
            + $"{regions.Count(r => r.Level == RegionLevel.Village)} villages, {regions.Count(r => r.Level == RegionLevel.Grid)} grids; seed {options.Seed}, now {options.Now:u}");

        using var writer = BulkWriter.Open(db);
        regions.ForEach(writer.Add);
        departments.ForEach(writer.Add);
        writer.Flush();
        writer.SyncIds();

        // The small catalogues through EF, as the app seeds them (they are audited and checked like any change).
        await CategorySeed.RunAsync(db);
        await HolidaySeed.RunAsync(db);
        await ServiceSeed.RunAsync(db);
        var actors = await CreateAccountsAsync(db, services.GetRequiredService<UserManager<ShiganUser>>(), regions);
        Say($"{regions.Count:N0} units, {await db.Departments.IgnoreQueryFilters().CountAsync():N0} departments, {await db.Users.CountAsync()} accounts "
            + $"(password {ChangshanSeed.DemoPassword}), categories, holidays, service catalogue");

        var days = await db.HolidayDays.AsNoTracking().ToListAsync();
        var calendar = new WorkingCalendar(days.Where(d => !d.IsWorkingDay).Select(d => d.Date), days.Where(d => d.IsWorkingDay).Select(d => d.Date));
        var world = new GenerationWorld(regions, await db.Departments.IgnoreQueryFilters().AsNoTracking().ToListAsync(),
            await db.CaseCategories.AsNoTracking().ToListAsync(), calendar, actors, options.Seed);
        var names = new HistoryNames(CaseIntake.AutomaticRouter, CaseIntake.PublicReporter, CaseWork.Reporter, SupervisionRun.Supervisor);

        var phases = new List<(string Name, TimeSpan Took)>();
        if (options.DropIndexes)
        {
            writer.DropIndexes(BigTables);
            Say($"secondary indexes of {string.Join(", ", BigTables)} dropped until the end (--drop-indexes)");
        }

        if (options.Cases > 0)
        {
            var started = clock.Elapsed;
            var (cases, events) = new CaseGenerator(world, names, options.Now, options.Seed).Run(writer, options.Cases, Say);
            // Bulk rows pass SaveChanges, which keeps the dashboard's counters: they are counted afresh once.
            await CaseCounters.RecountAsync(db);
            phases.Add(("cases", clock.Elapsed - started));
            Say($"{cases:N0} cases, {events:N0} history rows, dashboard counters recounted");
        }

        if (options.Applications > 0)
        {
            var started = clock.Elapsed;
            var items = await db.ServiceItems.AsNoTracking().ToListAsync();
            var bundles = await db.LifeEvents.AsNoTracking().OrderBy(e => e.Code).ToListAsync();
            var (applications, parts, trips, events) = new ApplicationGenerator(world, items, bundles, options.Now, options.Seed).Run(writer, options.Applications, Say);
            phases.Add(("applications", clock.Elapsed - started));
            Say($"{applications:N0} applications, {parts:N0} parts, {trips:N0} trips, {events:N0} history rows");
        }

        if (options.CampaignTargets > 0)
        {
            var started = clock.Elapsed;
            var (campaigns, targets, moves, visits) = new CampaignGenerator(world, options.Now, options.Seed).Run(writer, options.CampaignTargets, Say);
            await Data.Campaigns.StageDayCounts.RecountAsync(db); // as the cases' counters: bulk moves passed SaveChanges
            await Data.Campaigns.TargetCounts.RecountAsync(db);
            phases.Add(("campaigns", clock.Elapsed - started));
            Say($"{campaigns:N0} campaigns, {targets:N0} targets (hamlets and households), {moves:N0} stage moves, {visits:N0} visits");
        }

        var (contests, participants, indicators) = ContestGenerator.Run(writer, world, options.Now);
        Say($"{contests:N0} contests (weekly per township, monthly per county), {participants:N0} participants, {indicators:N0} indicators; periods are the app's to compute");

        if (options.DropIndexes)
        {
            var indexing = clock.Elapsed;
            writer.RecreateIndexes();
            phases.Add(("indexes", clock.Elapsed - indexing));
            Say($"secondary indexes built again in {(clock.Elapsed - indexing).TotalSeconds:N1} s");
        }

        writer.SyncIds();
        var finishing = clock.Elapsed;
        writer.Finish();
        Say($"statistics refreshed ({(clock.Elapsed - finishing).TotalSeconds:N1} s)");
        Report(writer, options, phases, output, Say);
        Say("done");
        return 0;
    }

    // Hashing is slow on purpose: one hash of the shared demo password serves every generated account.
    private static async Task<Dictionary<(string UnitCode, Role Role), Actor>> CreateAccountsAsync(ShiganDb db, UserManager<ShiganUser> users, List<Region> regions)
    {
        var byCode = regions.ToDictionary(r => r.Code);
        var departments = (await db.Departments.IgnoreQueryFilters().AsNoTracking().ToListAsync()).ToLookup(d => (d.RegionId, d.Name));
        string? hash = null;
        var actors = new Dictionary<(string, Role), Actor>();
        var ids = new Random(20261126);
        foreach (var account in GeneratedAccounts.For(regions))
        {
            var unit = byCode[Division.Pad(account.UnitCode)];
            var user = new ShiganUser
            {
                Id = new Guid(ids.NextBytes16()).ToString(),
                UserName = account.UserName,
                NormalizedUserName = users.NormalizeName(account.UserName),
                DisplayName = account.DisplayName,
                Role = account.Role,
                RegionId = unit.Id,
                RegionPath = unit.RegionPath,
                DepartmentId = account.DepartmentName is { } name ? departments[(unit.Id, name)].First().Id : null,
                EmailConfirmed = true,
                LockoutEnabled = true,
                SecurityStamp = new Guid(ids.NextBytes16()).ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = new Guid(ids.NextBytes16()).ToString(),
                CreatedAtUtc = DateTime.UtcNow,
            };
            user.PasswordHash = hash ??= users.PasswordHasher.HashPassword(user, ChangshanSeed.DemoPassword);
            db.Users.Add(user);
            actors.TryAdd((unit.Code, account.Role), new Actor(user.Id, account.DisplayName));
        }

        await db.SaveChangesAsync();
        return actors;
    }

    private static byte[] NextBytes16(this Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string PhaseOf(string table) =>
        table is "Cases" or "CaseEvents" ? "cases"
        : table is "ServiceApplications" or "SubApplications" or "ApplicationTrips" or "ApplicationEvents" ? "applications"
        : table.StartsWith("Campaign", StringComparison.Ordinal) || table == "StageMoves" ? "campaigns"
        : "other";

    private static void Report(BulkWriter writer, GenerateOptions options, List<(string Name, TimeSpan Took)> phases, TextWriter output, Action<string> say)
    {
        output.WriteLine();
        output.WriteLine($"{writer.Engine}: rows per second per table (engine time of the bulk writes; generation not included), against the raw rate");
        output.WriteLine("of the same number of copies of the table's first row into a bare table with the same columns (no key, index or foreign key), same run:");
        output.WriteLine($"{"table",-22} {"rows",14} {"rows/s",12} {"raw rows",14} {"raw rows/s",12} {"ratio",7}");
        foreach (var table in writer.Tables.Where(t => t.Rows > 0))
        {
            var rate = table.Rows / Math.Max(table.Spent.TotalSeconds, 1e-6);
            var rawRows = Math.Min(table.Rows, options.RawRows ?? table.Rows);
            var raw = table.Rows >= 1000 ? writer.RawRate(table, rawRows, RawChunk) : 0;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{table.Name,-22} {table.Rows,14:N0} {rate,12:N0} {(raw > 0 ? rawRows.ToString("N0", CultureInfo.InvariantCulture) : "-"),14} {(raw > 0 ? raw.ToString("N0", CultureInfo.InvariantCulture) : "-"),12} {(raw > 0 ? (rate / raw).ToString("P0", CultureInfo.InvariantCulture) : "-"),7}"));
        }

        say(string.Create(CultureInfo.InvariantCulture, $"all phases: {phases.Sum(p => p.Took.TotalSeconds):N1} s wall time"));
        foreach (var (name, took) in phases.Where(p => p.Name != "indexes"))
        {
            var rows = writer.Tables.Where(t => PhaseOf(t.Name) == name).Sum(t => t.Rows);
            say(string.Create(CultureInfo.InvariantCulture, $"{name}: {rows:N0} rows in {took.TotalSeconds:N1} s wall time, generation included: {rows / took.TotalSeconds:N0} rows/s"));
        }
    }
}
