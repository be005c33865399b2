using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Npgsql;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Data;
using Shigan.Data.Access;
using Shigan.Web.Access;
using Shigan.Web.Campaigns;
using Shigan.Web.Cli;
using Shigan.Web.Hosting;

namespace Shigan.Bench;

/// <summary>
/// The campaign benchmarks of issue 5 ("Speed"), on a fresh SQLite file or PostgreSQL database made by the app's own
/// <c>migrate</c> and <c>seed</c> verbs, each against a baseline measured in the same run on the same engine:
/// <list type="bullet">
/// <item><c>campaign-import sqlite|postgres NAME [households=100000]</c>: a sheet of that many households (written
/// by MiniExcel from streamed rows) imported by the app's <see cref="CampaignImport"/> in a child process (its peak
/// memory, VmHWM, is the import's own), against a raw batched insert of the same households into the same table; then a
/// re-import of the same households changed (the update path at size), and after each the page's counters compared
/// with a fresh GROUP BY of the targets.</item>
/// <item><c>campaign-overview sqlite|postgres NAME [households=100000] [runs=40]</c>: the campaign page's query
/// (<see cref="CampaignOverviewQuery"/>) over that many households with a year of daily stage moves, against a plain
/// <c>COUNT(*) … GROUP BY Stage</c> of the same table.</item>
/// </list>
/// NAME is a file prefix under /tmp/campaign-bench (SQLite) or a database name prefix (PostgreSQL, dropped first).
/// Set SHIGAN_BENCH_PG to the server (default Host=127.0.0.1;Port=55500;Username=postgres).
/// </summary>
public static class CampaignBench
{
    private const int Seed = 2026;
    private const int PerBuilding = 30;
    private const int BuildingsPerCompound = 10;

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "朱", "胡", "郑", "姜", "汪", "毛", "余", "程"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "华", "平", "刚", "桂英", "建国"];

    public static async Task<int> ImportAsync(string provider, string name, int households, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var sheet = Path.Combine(Folder(), $"{name}-{households}.xlsx");
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        if (!File.Exists(sheet))
        {
            var townships = await TownshipNamesAsync(provider, name, output);
            await using (var file = File.Create(sheet))
            {
                await file.SaveAsAsync(Rows(households, townships, today), excelType: ExcelType.XLSX);
            }

            output.WriteLine($"[{clock.Elapsed:mm\\:ss}] sheet: {sheet}, {households:N0} households, {new FileInfo(sheet).Length / 1024 / 1024:N1} MiB");
        }

        // The raw rate first, in its own fresh database, so neither run inherits the other's table.
        var raw = await FreshAsync(provider, $"{name}_raw", output);
        var (rawCampaign, rawUnits) = await CampaignAsync(provider, raw, today.AddDays(-60), today.AddDays(30));
        var rows = Households(households, rawUnits.Keys.ToList(), today).ToList();
        var rawTime = await RawInsertAsync(provider, raw, rawCampaign, rawUnits, rows);
        output.WriteLine($"[{clock.Elapsed:mm\\:ss}] raw insert ({provider}): {rows.Count:N0} rows in {rawTime.TotalSeconds:N2} s = {rows.Count / rawTime.TotalSeconds:N0} rows/s");

        var app = await FreshAsync(provider, $"{name}_import", output);
        var (campaign, _) = await CampaignAsync(provider, app, today.AddDays(-60), today.AddDays(30));
        var child = await ChildAsync(["campaign-import-run", provider, app, campaign.ToString(CultureInfo.InvariantCulture), sheet]);
        output.Write(child);
        output.WriteLine($"[{clock.Elapsed:mm\\:ss}] counters against a fresh GROUP BY: {await CountersDifferAsync(provider, app)} cells differ");

        // The update path at size: the same households again, each with one more or fewer people, every tenth with a
        // new owner, those not done one stage further (a move each).
        var changed = Path.Combine(Folder(), $"{name}-{households}-changed.xlsx");
        if (!File.Exists(changed))
        {
            var townships = rawUnits.Keys.ToList();
            await using var file = File.Create(changed);
            await file.SaveAsAsync(Rows(households, townships, today, changed: true), excelType: ExcelType.XLSX);
        }

        child = await ChildAsync(["campaign-import-run", provider, app, campaign.ToString(CultureInfo.InvariantCulture), changed]);
        output.Write(child.Replace("import (", "re-import (", StringComparison.Ordinal).Replace("import memory", "re-import memory", StringComparison.Ordinal));
        output.WriteLine($"[{clock.Elapsed:mm\\:ss}] counters against a fresh GROUP BY after the re-import: {await CountersDifferAsync(provider, app)} cells differ");
        output.WriteLine($"[{clock.Elapsed:mm\\:ss}] done");
        return 0;
    }

    // Cells where the page's counters and a fresh count of the targets disagree, either way (0: they are equal).
    private static async Task<long> CountersDifferAsync(string provider, string connection)
    {
        const string Fresh = """
            SELECT "CampaignId", "Level", COALESCE("ParentId", 0), "RegionId", COALESCE("TeamId", 0), "Stage", "RegionPath", COUNT(*), COALESCE(SUM("People"), 0)
            FROM "CampaignTargets" GROUP BY "CampaignId", "Level", COALESCE("ParentId", 0), "RegionId", COALESCE("TeamId", 0), "Stage", "RegionPath"
            """;
        const string Kept = """
            SELECT "CampaignId", "Level", "ParentId", "RegionId", "TeamId", "Stage", "RegionPath", "Count", "People" FROM "TargetCounts" WHERE "Count" <> 0
            """;
        await using var db = Open(provider, connection);
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = $"SELECT (SELECT COUNT(*) FROM ({Fresh} EXCEPT {Kept}) a) + (SELECT COUNT(*) FROM ({Kept} EXCEPT {Fresh}) b)";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>The child: only the import, so its peak memory is the import's (plus the runtime and the app's services).</summary>
    public static async Task<int> ImportRunAsync(string provider, string connection, int campaignId, string sheet, TextWriter output)
    {
        await using var app = Build(provider, connection);
        await using var scope = app.Services.CreateAsyncScope();
        await SignInAsync(scope.ServiceProvider, "admin");
        var db = scope.ServiceProvider.GetRequiredService<ShiganDb>();
        var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        var before = Process.GetCurrentProcess().PeakWorkingSet64;
        var clock = Stopwatch.StartNew();
        await using var upload = File.OpenRead(sheet);
        var (outcome, result, errors) = await new CampaignImport(db, actor, TimeProvider.System).RunAsync(campaignId, upload);
        var elapsed = clock.Elapsed;
        output.WriteLine($"child CPU time {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:N2} s");
        if (outcome != WorkOutcome.Done)
        {
            output.WriteLine($"import failed: {outcome}; {string.Join("; ", errors.Take(5).Select(e => $"{e.Row} {e.Column} {e.Message}"))}");
            return 1;
        }

        output.WriteLine($"import ({provider}): {result!.Rows:N0} rows ({result.Created:N0} new, {result.Updated:N0} updated, {result.Moved:N0} stage moves) in {elapsed.TotalSeconds:N2} s = {result.Rows / elapsed.TotalSeconds:N0} rows/s");
        output.WriteLine($"import memory: VmHWM {Status("VmHWM")}, peak working set before the import {before / 1024 / 1024:N0} MiB, "
            + $"after {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MiB, GC heap peak {GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes / 1024 / 1024:N0} MiB (last GC)");
        return 0;
    }

    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static async Task<int> OverviewAsync(string provider, string name, int households, int runs, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        var connection = await FreshAsync(provider, $"{name}_overview", output);
        var (campaign, units) = await CampaignAsync(provider, connection, today.AddDays(-365), today.AddDays(30));
        var (targets, moves) = await HistoryAsync(provider, connection, campaign, units, households, today);
        output.WriteLine($"[{clock.Elapsed:mm\\:ss}] campaign {campaign}: {targets:N0} households, {moves:N0} stage moves over 365 days");
        output.WriteLine($"[{clock.Elapsed:mm\\:ss}] {await SettleAsync(provider, connection)}");

        await using var app = Build(provider, connection);
        var now = DateTime.UtcNow;
        var query = new List<double>();
        var baseline = new List<double>();
        await using var raw = Open(provider, connection);
        await raw.OpenAsync();
        await using var count = raw.CreateCommand();
        count.CommandText = $"SELECT \"Stage\", COUNT(*) FROM \"CampaignTargets\" WHERE \"CampaignId\" = {campaign} GROUP BY \"Stage\"";
        for (var i = -3; i < runs; i++)
        {
            // Alternating, so both see the same load on the machine.
            var watch = Stopwatch.StartNew();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
                var overview = await CampaignOverviewQuery.RunAsync(scope.ServiceProvider.GetRequiredService<ShiganDb>(), campaign, now)
                    ?? throw new InvalidOperationException("no campaign");
                if (overview.Total != households)
                {
                    throw new InvalidOperationException($"overview counts {overview.Total}");
                }
            }

            var spent = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            await using (var reader = await count.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                }
            }

            if (i >= 0)
            {
                query.Add(spent);
                baseline.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        output.WriteLine($"overview ({provider}), {runs} runs after 3 warm-ups: p50 {Percentile(query, 50):N1} ms, p95 {Percentile(query, 95):N1} ms, max {query.Max():N1} ms");
        output.WriteLine($"baseline COUNT(*) GROUP BY Stage ({provider}): p50 {Percentile(baseline, 50):N1} ms, p95 {Percentile(baseline, 95):N1} ms");
        output.WriteLine($"ratio p95: {Percentile(query, 95) / Percentile(baseline, 95):N1}");

        // The answer's size, and the buildings' table a page at a time (the page reads it beside the figures).
        var pages = new List<double>();
        for (var i = -3; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
            var db = scope.ServiceProvider.GetRequiredService<ShiganDb>();
            _ = await BuildingProgressQuery.RunAsync(db, campaign, (BuildingSort)(Math.Abs(i) % 4), 1 + (Math.Abs(i) * 7 % 150), 20)
                ?? throw new InvalidOperationException("no campaign");
            if (i >= 0)
            {
                pages.Add(watch.Elapsed.TotalMilliseconds);
            }

            if (i == runs - 1)
            {
                var answer = await CampaignOverviewQuery.RunAsync(db, campaign, now) ?? throw new InvalidOperationException("no campaign");
                output.WriteLine($"overview answer: {System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(answer, Web).Length / 1024.0:N1} KiB");
            }
        }

        output.WriteLine($"buildings page of 20 (4 sorts, pages 1-150), {runs} runs: p50 {Percentile(pages, 50):N1} ms, p95 {Percentile(pages, 95):N1} ms, max {pages.Max():N1} ms");

        // The households' list below the figures, a page of 20 in the list's order (the first pages and deep ones).
        var lists = new List<double>();
        for (var i = -3; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var scope = app.Services.CreateAsyncScope();
            var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
            actor.ActAsSystem();
            var list = await TargetQueries.ListAsync(scope.ServiceProvider.GetRequiredService<ShiganDb>(), actor, campaign, new TargetFilter(), 1 + (Math.Abs(i) * 131 % 5000), 20)
                ?? throw new InvalidOperationException("no campaign");
            if (list.Items.Count != 20)
            {
                throw new InvalidOperationException($"households page of {list.Items.Count}");
            }

            if (i >= 0)
            {
                lists.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        output.WriteLine($"households page of 20 (pages 1-5000), {runs} runs: p50 {Percentile(lists, 50):N1} ms, p95 {Percentile(lists, 95):N1} ms, max {lists.Max():N1} ms");
        return 0;
    }

    // As a running system has them: PostgreSQL's autovacuum visits a table after so many inserts (statistics for the
    // planner, a visibility map for index-only scans); the app runs SQLite's PRAGMA optimize at every start.
    private static async Task<string> SettleAsync(string provider, string connection)
    {
        await using var db = Open(provider, connection);
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandTimeout = 600;
        command.CommandText = provider == "postgres" ? "VACUUM ANALYZE" : "ANALYZE";
        var watch = Stopwatch.StartNew();
        await command.ExecuteNonQueryAsync();
        return $"{command.CommandText} after the load ({watch.Elapsed.TotalSeconds:N1} s)";
    }

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static string Folder() => Directory.CreateDirectory("/tmp/campaign-bench").FullName;

    private static WebApplication Build(string provider, string connection)
    {
        string[] args = ["--provider", provider, "--connection", connection, "--Logging:LogLevel:Default=Warning"];
        var builder = WebApplication.CreateBuilder(args);
        builder.AddShigan(args);
        return builder.Build();
    }

    private static async Task SignInAsync(IServiceProvider services, string userName)
    {
        var users = services.GetRequiredService<UserManager<ShiganUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"no account {userName}");
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<ShiganUser>>().CreateAsync(user);
        services.GetRequiredService<CurrentActor>().UseCircuitUser(principal);
    }

    // A new database with the real schema and Changshan, as a real installation has it.
    private static async Task<string> FreshAsync(string provider, string name, TextWriter output)
    {
        string connection;
        if (provider == "postgres")
        {
            var server = Environment.GetEnvironmentVariable("SHIGAN_BENCH_PG") ?? "Host=127.0.0.1;Port=55500;Username=postgres";
            await using (var admin = new NpgsqlConnection(server + ";Database=postgres"))
            {
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                await create.ExecuteNonQueryAsync();
            }

            connection = $"{server};Database={name}";
        }
        else
        {
            var file = Path.Combine(Folder(), $"{name}.db");
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }

            connection = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
        }

        foreach (var verb in new[] { "migrate", "seed" })
        {
            await using var app = Build(provider, connection);
            if (await CliVerbs.RunAsync(app, verb) != 0)
            {
                throw new InvalidOperationException($"{verb} failed");
            }
        }

        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        output.WriteLine($"fresh {provider} database: {name}");
        return connection;
    }

    private static async Task<List<string>> TownshipNamesAsync(string provider, string name, TextWriter output)
    {
        var connection = await FreshAsync(provider, $"{name}_names", output);
        await using var app = Build(provider, connection);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ShiganDb>();
        return await db.Regions.Where(r => r.Level == Core.Org.RegionLevel.Township).OrderBy(r => r.Code).Select(r => r.Name).ToListAsync();
    }

    // A housing campaign over every township, made by the app's own command (as the county admin).
    private static async Task<(int Id, Dictionary<string, (int Id, string Path)> Units)> CampaignAsync(string provider, string connection, DateOnly start, DateOnly target)
    {
        await using var app = Build(provider, connection);
        await using var scope = app.Services.CreateAsyncScope();
        await SignInAsync(scope.ServiceProvider, "admin");
        var db = scope.ServiceProvider.GetRequiredService<ShiganDb>();
        var townships = await db.Regions.Where(r => r.Level == Core.Org.RegionLevel.Township).OrderBy(r => r.Code)
            .Select(r => new { r.Id, r.Name, r.RegionPath }).ToListAsync();
        var (campaign, errors) = await CampaignCommands.CreateAsync(
            db, scope.ServiceProvider.GetRequiredService<CurrentActor>(), TimeProvider.System,
            new CampaignInput("全县危旧房治理改造", CampaignTemplate.DilapidatedHousing, [.. townships.Select(t => t.Id)], start, target, null));
        if (campaign is null)
        {
            throw new InvalidOperationException($"campaign: {errors.First("name") ?? errors.First("regionIds") ?? errors.First("targetDate") ?? "refused"}");
        }

        return (campaign.Id, townships.ToDictionary(t => t.Name, t => (t.Id, t.RegionPath)));
    }

    private sealed record Household(string Township, string Compound, string Building, string Unit, string Room, string Owner, string Phone, int People, decimal Area, int Stage, DateOnly? StageDate, string Team)
    {
        public string Key => $"{Compound}/{Building}/{Unit}{Room}";
    }

    // Townships in turn by compound; 30 households a building (2 units × 5 floors × 3 rooms), 10 buildings a compound.
    private static IEnumerable<Household> Households(int count, IReadOnlyList<string> townships, DateOnly today)
    {
        var rng = new Random(Seed);
        for (var i = 0; i < count; i++)
        {
            var building = i / PerBuilding;
            var compound = building / BuildingsPerCompound;
            var township = townships[compound % townships.Count];
            var inBuilding = i % PerBuilding;
            var stage = rng.Next(10) switch { < 4 => 0, < 6 => 1, < 8 => 2, < 9 => 3, _ => 4 };
            yield return new Household(
                township,
                $"{township}第{compound + 1}小区",
                $"{building % BuildingsPerCompound + 1}幢",
                $"{inBuilding / 15 + 1}单元",
                $"{inBuilding % 15 / 3 + 1}0{inBuilding % 3 + 1}",
                Surnames[rng.Next(Surnames.Length)] + GivenNames[rng.Next(GivenNames.Length)],
                "13" + rng.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture),
                rng.Next(1, 7),
                Math.Round((decimal)(40 + (rng.NextDouble() * 80)), 2),
                stage,
                stage == 0 ? null : today.AddDays(-rng.Next(0, 60)),
                $"{township}{compound % 20 + 1}组");
        }
    }

    private static IEnumerable<Dictionary<string, object?>> Rows(int count, IReadOnlyList<string> townships, DateOnly today, bool changed = false)
    {
        var stages = CampaignTemplates.Stages(CampaignTemplate.DilapidatedHousing);
        var i = 0;
        foreach (var original in Households(count, townships, today))
        {
            var h = !changed ? original : original with
            {
                People = (original.People % 6) + 1,
                Owner = i++ % 10 == 0 ? original.Owner + "新" : original.Owner,
                Stage = Math.Min(original.Stage + 1, 4),
                StageDate = original.Stage < 4 ? today : original.StageDate,
            };
            yield return new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [SheetColumns.Unit] = h.Township,
                ["小区"] = h.Compound,
                ["楼幢"] = h.Building,
                ["单元"] = h.Unit,
                ["房号"] = h.Room,
                [SheetColumns.Owner] = h.Owner,
                [SheetColumns.Phone] = h.Phone,
                [SheetColumns.People] = h.People,
                [SheetColumns.Area] = h.Area,
                [SheetColumns.Stage] = h.Stage == 0 ? null : stages[h.Stage - 1],
                [SheetColumns.StageDate] = h.StageDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [SheetColumns.Team] = h.Team,
            };
        }
    }

    private static DbConnection Open(string provider, string connection) =>
        provider == "postgres" ? new NpgsqlConnection(connection) : new SqliteConnection(connection);

    // The households alone, as the raw rate: one prepared INSERT in one transaction (SQLite), or multi-row INSERTs
    // of 1,000 rows in one transaction (PostgreSQL). Timed from the first insert to the commit.
    private static async Task<TimeSpan> RawInsertAsync(string provider, string connection, int campaign, Dictionary<string, (int Id, string Path)> units, List<Household> rows)
    {
        await using var db = Open(provider, connection);
        await db.OpenAsync();
        var now = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        await using var tx = await db.BeginTransactionAsync();
        const string Columns = "\"CampaignId\", \"Key\", \"Level\", \"Name\", \"RegionId\", \"RegionPath\", \"Owner\", \"Phone\", \"People\", \"Area\", \"Stage\", \"StageSinceUtc\", \"Version\"";
        var batch = provider == "postgres" ? 1000 : 1;
        await using var insert = db.CreateCommand();
        insert.Transaction = tx;
        var prepared = 0;
        for (var start = 0; start < rows.Count; start += batch)
        {
            var n = Math.Min(batch, rows.Count - start);
            if (n != prepared)
            {
                insert.Parameters.Clear();
                var values = new List<string>();
                for (var r = 0; r < n; r++)
                {
                    var names = Enumerable.Range(0, 13).Select(c => $"@p{r}_{c}").ToList();
                    values.Add($"({string.Join(", ", names)})");
                    foreach (var p in names)
                    {
                        var parameter = insert.CreateParameter();
                        parameter.ParameterName = p;
                        insert.Parameters.Add(parameter);
                    }
                }

                insert.CommandText = $"INSERT INTO \"CampaignTargets\" ({Columns}) VALUES {string.Join(", ", values)}";
                prepared = -n;
            }

            for (var r = 0; r < n; r++)
            {
                var h = rows[start + r];
                var unit = units[h.Township];
                object?[] cells = [campaign, h.Key, (int)TargetLevel.Household, h.Unit + h.Room, unit.Id, unit.Path, h.Owner, h.Phone, h.People, h.Area, h.Stage, now, 1];
                for (var c = 0; c < cells.Length; c++)
                {
                    insert.Parameters[(r * 13) + c].Value = cells[c] ?? DBNull.Value;
                }
            }

            // Prepared once its values are set: Npgsql takes the parameters' types from them.
            if (prepared < 0)
            {
                await insert.PrepareAsync();
                prepared = n;
            }

            await insert.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
        return clock.Elapsed;
    }

    // Groups, households and their moves written raw (the import would take minutes): every household starts on a
    // random day of the year and moves on through the stages a few days to a few weeks apart, as far as today.
    private static async Task<(int Targets, int Moves)> HistoryAsync(
        string provider, string connection, int campaign, Dictionary<string, (int Id, string Path)> units, int households, DateOnly today)
    {
        var rng = new Random(Seed);
        var rows = Households(households, units.Keys.ToList(), today).ToList();
        await using var db = Open(provider, connection);
        await db.OpenAsync();
        await using var tx = await db.BeginTransactionAsync();
        var now = DateTime.UtcNow;
        long nextId = 10_000_000;
        var groups = new Dictionary<string, long>(StringComparer.Ordinal);
        var moveCount = 0;
        await using var target = Command(db, tx, "CampaignTargets", ["Id", "CampaignId", "Key", "ParentId", "Level", "Name", "RegionId", "RegionPath", "Owner", "Phone", "People", "Area", "Stage", "StageSinceUtc", "TeamId", "Version"]);
        await using var move = Command(db, tx, "StageMoves", ["CampaignId", "TargetId", "AtUtc", "Kind", "FromStage", "ToStage", "ActorName", "RegionPath"]);
        await using var team = Command(db, tx, "CampaignTeams", ["Id", "CampaignId", "Name", "RegionId", "RegionPath"]);
        var teams = new Dictionary<string, int>(StringComparer.Ordinal);
        var counters = new Dictionary<(string Path, DateOnly Day, int From, int To), int>();
        foreach (var h in rows)
        {
            var unit = units[h.Township];
            if (!teams.TryGetValue(h.Team, out var teamId))
            {
                teamId = teams[h.Team] = 100_000 + teams.Count;
                await RunAsync(team, teamId, campaign, h.Team, unit.Id, unit.Path);
            }

            long? parent = null;
            foreach (var (key, name, level) in new[] { (h.Compound, h.Compound, TargetLevel.Compound), ($"{h.Compound}/{h.Building}", h.Building, TargetLevel.Building) })
            {
                if (!groups.TryGetValue(key, out var id))
                {
                    id = groups[key] = nextId++;
                    await RunAsync(target, id, campaign, key, parent, (int)level, name, unit.Id, unit.Path, null, null, null, null, 0, now, null, 1);
                }

                parent = id;
            }

            // Stage moves: the first on a random day, each next 1 to 20 days on; those after today do not happen.
            var householdId = nextId++;
            var day = today.AddDays(-rng.Next(0, 365));
            var stage = 0;
            var since = now;
            var steps = new List<(DateTime At, int From)>();
            while (stage < 4 && day <= today)
            {
                var at = ChinaTime.At(day, new TimeOnly(9 + rng.Next(9), rng.Next(60))).UtcDateTime;
                steps.Add((at, stage));
                counters[(unit.Path, day, stage, stage + 1)] = counters.GetValueOrDefault((unit.Path, day, stage, stage + 1)) + 1;
                (stage, since) = (stage + 1, at);
                day = day.AddDays(rng.Next(1, 21));
            }

            await RunAsync(target, householdId, campaign, h.Key, parent, (int)TargetLevel.Household, h.Unit + h.Room, unit.Id, unit.Path, h.Owner, h.Phone, h.People, h.Area, stage, since, rng.Next(3) == 0 ? null : teamId, 1);
            foreach (var (at, from) in steps)
            {
                await RunAsync(move, campaign, householdId, at, (int)StageMoveKind.Forward, from, from + 1, "网格员", unit.Path);
                moveCount++;
            }
        }

        // The daily counters, as the app's saves would have kept them (StageDayCounts).
        await using var counter = Command(db, tx, "StageDayCounts", ["CampaignId", "RegionPath", "Day", "FromStage", "ToStage", "Count"]);
        foreach (var ((path, day, from, to), n) in counters)
        {
            await RunAsync(counter, campaign, path, day, from, to, n);
        }

        // And the page's counts per stage, unit, team and building, as the saves would have kept them (TargetCounts).
        await using (var recount = db.CreateCommand())
        {
            recount.Transaction = tx;
            recount.CommandText = Data.Campaigns.TargetCounts.RecountSql;
            await recount.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
        return (rows.Count, moveCount);
    }

    private static DbCommand Command(DbConnection db, DbTransaction tx, string table, string[] columns)
    {
        var command = db.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        foreach (var i in Enumerable.Range(0, columns.Length))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task RunAsync(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ChildAsync(string[] args)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(CampaignBench).Assembly.Location);
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return await stdout + await stderr + $"(child exit {process.ExitCode})\n";
    }

    private static string Status(string field) =>
        File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal))?[(field.Length + 1)..].Trim() ?? "?";
}
