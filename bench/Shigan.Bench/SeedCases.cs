using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Data.Demo;
using Shigan.Web.Cases;
using Shigan.Web.Cli;
using Shigan.Web.Hosting;

namespace Shigan.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Shigan.Bench -- seed-cases FILE.db [count=1000000]</c>: a new SQLite file
/// made by the app's own <c>migrate</c> and <c>seed</c> verbs (real schema, Changshan's tree, departments, accounts,
/// categories, calendar), then <c>count</c> cases over the last three years with their histories, written with
/// prepared statements in large transactions (EF would take an hour). The spread: townships weighted by size, places
/// mostly grids, categories weighted by how common they are, deadlines from each category's time limit on the
/// app's working calendar, departments as the router picks them, lives as <see cref="CaseLife"/> plays them.
/// Same seed, same cases (but "now" moves, so statuses of the newest cases differ between days).
/// </summary>
public static class SeedCases
{
    public const int Seed = 2026;
    private const int Years = 3;
    private const int CasesPerTransaction = 50_000;

    // Case load by township: the three county-seat streets and the big towns report most (weights, not counts).
    private static readonly Dictionary<string, double> TownshipWeights = new()
    {
        ["天马街道"] = 12,
        ["紫港街道"] = 9,
        ["金川街道"] = 8,
        ["白石镇"] = 7,
        ["招贤镇"] = 8,
        ["青石镇"] = 7,
        ["球川镇"] = 8,
        ["辉埠镇"] = 7,
        ["芳村镇"] = 7,
        ["何家乡"] = 5,
        ["同弓乡"] = 5,
        ["大桥头乡"] = 4,
        ["新昌乡"] = 5,
        ["东案乡"] = 4,
    };

    // How common each category is (codes not listed weigh 2): sanitation, disputes and repairs lead.
    private static readonly Dictionary<string, double> CategoryWeights = new()
    {
        ["ZF03"] = 12,
        ["ZF05"] = 8,
        ["ZZ01"] = 8,
        ["ZZ02"] = 7,
        ["BM08"] = 7,
        ["ZF02"] = 6,
        ["ZZ03"] = 5,
        ["BM02"] = 5,
        ["BM01"] = 4,
        ["ZF01"] = 4,
        ["ZF06"] = 4,
        ["SC05"] = 4,
        ["BM07"] = 3,
        ["BM04"] = 3,
        ["SC01"] = 3,
        ["ZZ05"] = 3,
        ["ZZ07"] = 1,
        ["ZF07"] = 1,
        ["SC07"] = 1,
        ["SC06"] = 1,
        ["ZZ08"] = 1,
    };

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "朱", "胡", "郑", "姜", "汪", "毛", "余", "程"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "华", "平", "刚", "桂英", "建国", "秀英", "志强", "海燕", "晓东"];
    private static readonly string[] Details =
    [
        "已持续多日，影响周边群众正常生活", "多次反映未解决，群众意见较大", "存在安全隐患，请尽快派人查看",
        "涉及多户村民，需要协调处理", "现场情况见照片，请相关部门核实", "夜间尤为严重，请求处理", "希望尽快答复处理结果",
        "附近老人小孩较多，请重视", "",
    ];

    public static async Task<int> RunAsync(string file, int count, TextWriter output)
    {
        if (File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"seed-cases: {file} exists; give a new file name.");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var connection = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(file), Pooling = false }.ToString();

        // The schema and Changshan come from the app's own verbs, so the file is what a real installation has.
        foreach (var verb in new[] { "migrate", "seed" })
        {
            string[] args = ["--connection", connection, "--Logging:LogLevel:Default=Warning"];
            var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
            builder.AddShigan(args);
            await using var app = builder.Build();
            if (await CliVerbs.RunAsync(app, verb) != 0)
            {
                return 1;
            }
        }

        SqliteConnection.ClearAllPools();
        await using var db = new SqliteConnection(connection);
        await db.OpenAsync();
        var county = Load(db);
        output.WriteLine($"[{clock.Elapsed:mm\\:ss}] schema and Changshan seeded: {county.Places.Count} places in {county.Townships.Count} townships, "
            + $"{county.Categories.Count} categories, calendar years {string.Join(",", county.Calendar.Years)}");
        if (Scalar(db, "SELECT count(*) FROM Cases") != 0)
        {
            throw new InvalidOperationException("the seeded file already holds cases");
        }

        if (Scalar(db, "SELECT count(*) FROM CaseRoutingRules") != 0)
        {
            output.WriteLine("note: the seed has routing rules; cases here are routed by the category default only");
        }

        // A throw-away file being filled: no journal, no syncs. WAL again afterwards, as the app uses it.
        Execute(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -400000; PRAGMA temp_store = MEMORY;");
        var (cases, events) = Insert(db, county, count, DateTimeOffset.UtcNow, output, clock);
        // Rows written past the app: the dashboard's counters are filled as the Dashboard migration fills them.
        Execute(db, """
            DELETE FROM CaseCounts; DELETE FROM CaseDayCounts;
            INSERT INTO CaseCounts (TownshipPath, Platform, Status, Count)
            SELECT substr(RegionPath, 1, 26), Platform, Status, count(*) FROM Cases GROUP BY substr(RegionPath, 1, 26), Platform, Status;
            INSERT INTO CaseDayCounts (Day, TownshipPath, Count)
            SELECT date(ReportedAtUtc, '+8 hours'), substr(RegionPath, 1, 26), count(*) FROM Cases GROUP BY date(ReportedAtUtc, '+8 hours'), substr(RegionPath, 1, 26);
            """);
        output.WriteLine($"[{clock.Elapsed:mm\\:ss}] inserted {cases:N0} cases and {events:N0} events; counters filled; ANALYZE");
        Execute(db, "ANALYZE; PRAGMA optimize;");
        Execute(db, "PRAGMA journal_mode = WAL;");
        output.WriteLine($"[{clock.Elapsed:mm\\:ss}] done: {file}, {new FileInfo(file).Length / 1024 / 1024:N0} MiB");
        PrintCounts(db, output);
        return 0;
    }

    private static (long Cases, long Events) Insert(SqliteConnection db, County county, int count, DateTimeOffset now, TextWriter output, Stopwatch clock)
    {
        var rng = new Random(Seed);
        var times = ReportTimes(rng, count, now, county.Calendar);
        var life = new CaseLife(rng, county.Calendar, now);
        var status = new CaseStatus[count + 1];
        var recent = county.Townships.ToDictionary(t => t, _ => new Queue<long>());
        var paths = new string[count + 1];
        var merges = new List<(long Target, DateTime At, Actor By, long Duplicate, DateTime DuplicateReportedAt, string Path)>();
        long events = 0;

        using var insertCase = db.CreateCommand();
        insertCase.CommandText = """
            INSERT INTO Cases (Id, CategoryId, Platform, Status, Supervision, Source, RegionId, RegionPath, Address, Latitude, Longitude,
                Description, ReporterName, ReporterPhone, ReportedById, ReportedAtUtc, DeadlineUtc, DepartmentId, Rating, OutcomeRated,
                MergedIntoId, Version)
            VALUES ($id, $category, $platform, $status, $supervision, $source, $region, $path, $address, $lat, $lng,
                $description, $reporter, $phone, $reportedBy, $reportedAt, $deadline, $department, $rating, $rated, $mergedInto, $version)
            """;
        var c = Parameters(insertCase, "$id", "$category", "$platform", "$status", "$supervision", "$source", "$region", "$path", "$address", "$lat", "$lng",
            "$description", "$reporter", "$phone", "$reportedBy", "$reportedAt", "$deadline", "$department", "$rating", "$rated", "$mergedInto", "$version");
        using var insertEvent = db.CreateCommand();
        insertEvent.CommandText = """
            INSERT INTO CaseEvents (CaseId, AtUtc, Kind, Action, FromStatus, ToStatus, ActorId, ActorName, Note, DepartmentId, DepartmentName,
                RouteBasis, Rating, Supervision, RegionPath)
            VALUES ($case, $at, $kind, $action, $from, $to, $actorId, $actorName, $note, $department, $departmentName,
                $basis, $rating, $supervision, $path)
            """;
        var e = Parameters(insertEvent, "$case", "$at", "$kind", "$action", "$from", "$to", "$actorId", "$actorName", "$note", "$department", "$departmentName",
            "$basis", "$rating", "$supervision", "$path");

        var tx = db.BeginTransaction();
        insertCase.Transaction = tx;
        insertEvent.Transaction = tx;
        insertCase.Prepare();
        insertEvent.Prepare();
        for (var i = 0; i < count; i++)
        {
            long id = i + 1;
            var reportedAt = times[i];
            var township = county.PickTownship(rng);
            var place = township.PickPlace(rng);
            var category = county.PickCategory(rng);
            var source = PickSource(rng, place.Level);
            var reporter = source switch
            {
                CaseSource.GridWorker => place.Reporter!,
                CaseSource.Web => new Actor(null, CaseIntake.PublicReporter),
                _ => township.Window,
            };
            var hasPhone = source is CaseSource.Hotline || rng.NextDouble() < (source == CaseSource.GridWorker ? 0.5 : 0.92);
            var hasName = hasPhone && rng.NextDouble() < 0.85;
            var deadline = DeadlineCalculator.Due(reportedAt, category.Limit, county.Calendar);
            (int, string)? department = township.Departments.TryGetValue(category.Department, out var d) ? d : null;
            life.Live(reportedAt, deadline, reporter, department, township.Desk, hasPhone);

            long? mergedInto = null;
            if (life.WantsMerge)
            {
                // The surviving case is an earlier one of the same township that can still take a duplicate.
                var target = recent[township].FirstOrDefault(t => status[t] is not (CaseStatus.Merged or CaseStatus.Rejected));
                if (target != 0)
                {
                    mergedInto = target;
                    merges.Add((target, life.MergedAtUtc, life.MergedBy!, id, reportedAt.UtcDateTime, paths[target]));
                }
            }

            status[id] = life.Status;
            var queue = recent[township];
            queue.Enqueue(id);
            if (queue.Count > 50)
            {
                queue.Dequeue();
            }

            paths[id] = place.Path;
            var hasPoint = source is CaseSource.GridWorker or CaseSource.Web && rng.NextDouble() < 0.8;
            Set(c, id, category.Id, (int)category.Platform, (int)life.Status, (int)life.Supervision, (int)source, place.Id, place.Path,
                rng.NextDouble() < 0.7 ? $"{place.AddressBase}{rng.Next(1, 12)}组{rng.Next(1, 80)}号附近" : null,
                hasPoint ? 28.80 + (rng.NextDouble() * 0.35) : null, hasPoint ? 118.35 + (rng.NextDouble() * 0.35) : null,
                Describe(rng, place, category), hasName ? Surnames[rng.Next(Surnames.Length)] + GivenNames[rng.Next(GivenNames.Length)] : null,
                hasPhone ? $"1{rng.Next(3, 10)}{rng.Next(0, 10)}{rng.Next(10_000_000, 100_000_000)}" : null,
                reporter.Id, reportedAt.UtcDateTime, deadline.UtcDateTime, life.DepartmentId, life.Rating is { } r ? (int)r : null,
                life.OutcomeRated, mergedInto, life.Version);
            insertCase.ExecuteNonQuery();
            foreach (var ev in life.Events)
            {
                var note = ev.Action == CaseAction.Merge && mergedInto is { } m
                    ? $"与 {TrackingNumber.New(times[m - 1], m)} 重复"
                    : ev.Note;
                WriteEvent(insertEvent, e, id, ev with { Note = note }, place.Path);
                events++;
            }

            if (id % CasesPerTransaction == 0)
            {
                tx.Commit();
                tx.Dispose();
                tx = db.BeginTransaction();
                insertCase.Transaction = tx;
                insertEvent.Transaction = tx;
                if (id % (CasesPerTransaction * 4) == 0)
                {
                    output.WriteLine($"[{clock.Elapsed:mm\\:ss}] {id:N0} cases, {events:N0} events");
                }
            }
        }

        // The surviving case's history names each duplicate (written when the merge happened, so after its own rows).
        foreach (var (target, at, by, duplicate, duplicateReportedAt, path) in merges)
        {
            var number = TrackingNumber.New(new DateTimeOffset(duplicateReportedAt, TimeSpan.Zero), duplicate);
            WriteEvent(insertEvent, e, target, new LifeEvent(at, CaseEventKind.Action, CaseAction.Merge, null, null, by, $"合并了重复事件 {number}"), path);
            events++;
        }

        tx.Commit();
        tx.Dispose();
        return (count, events);
    }

    private static void WriteEvent(SqliteCommand command, SqliteParameter[] p, long caseId, LifeEvent ev, string path)
    {
        Set(p, caseId, ev.AtUtc, (int)ev.Kind, (int?)ev.Action, (int?)ev.From, (int?)ev.To, ev.Actor.Id, ev.Actor.Name, ev.Note,
            ev.DepartmentId, ev.DepartmentName, (int?)ev.RouteBasis, (int?)ev.Rating, (int?)ev.Supervision, path);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Report instants over the last <see cref="Years"/> years, oldest first (ids follow the order of reports, as
    /// the app's do): the volume grows over time (density rising linearly from 0.6 to 1.4 of the mean), three in
    /// four in office hours, and half as many on days off.
    /// </summary>
    private static DateTimeOffset[] ReportTimes(Random rng, int count, DateTimeOffset now, WorkingCalendar calendar)
    {
        var start = now.AddYears(-Years);
        var span = now - start;
        var times = new DateTimeOffset[count];
        for (var i = 0; i < count;)
        {
            // Inverse of F(x) = 0.6x + 0.4x² on [0, 1].
            var u = rng.NextDouble();
            var x = (-0.6 + Math.Sqrt(0.36 + (1.6 * u))) / 0.8;
            var day = ChinaTime.DateOf(start + (span * x));
            if (!calendar.IsWorkingDay(day) && rng.NextDouble() < 0.5)
            {
                continue;
            }

            var minute = rng.NextDouble() < 0.75
                ? rng.Next(0, 2) == 0 ? rng.Next(8 * 60 + 30, 12 * 60) : rng.Next(13 * 60 + 30, 17 * 60 + 30)
                : rng.Next(6 * 60, 23 * 60);
            var at = ChinaTime.StartOf(day).AddMinutes(minute).AddSeconds(rng.Next(0, 60));
            if (at <= start || at >= now)
            {
                continue;
            }

            times[i++] = at;
        }

        Array.Sort(times);
        return times;
    }

    private static CaseSource PickSource(Random rng, RegionLevel level)
    {
        var roll = rng.NextDouble();
        return level switch
        {
            RegionLevel.Grid => roll < 0.55 ? CaseSource.GridWorker : roll < 0.80 ? CaseSource.Hotline : roll < 0.90 ? CaseSource.Window : CaseSource.Web,
            RegionLevel.Village => roll < 0.40 ? CaseSource.GridWorker : roll < 0.70 ? CaseSource.Hotline : roll < 0.85 ? CaseSource.Window : CaseSource.Web,
            _ => roll < 0.40 ? CaseSource.Window : roll < 0.80 ? CaseSource.Hotline : CaseSource.Web,
        };
    }

    private static string Describe(Random rng, Place place, Category category)
    {
        var detail = Details[rng.Next(Details.Length)];
        return $"{place.Label}发现{category.Name}问题，{detail}{(detail.Length > 0 ? "。" : "")}报告人反映情况属实，请{category.Department}处理。";
    }

    private static County Load(SqliteConnection db)
    {
        var regions = Rows(db, "SELECT Id, Code, Name, Level, RegionPath, ParentId FROM Regions",
            r => (Id: r.GetInt32(0), Code: r.GetString(1), Name: r.GetString(2), Level: (RegionLevel)r.GetInt32(3), Path: r.GetString(4), Parent: r.IsDBNull(5) ? 0 : r.GetInt32(5)));
        var byId = regions.ToDictionary(r => r.Id);
        var users = Rows(db, "SELECT UserName, Id, DisplayName FROM AspNetUsers", r => (UserName: r.GetString(0), Actor: new Actor(r.GetString(1), r.GetString(2))))
            .ToDictionary(u => u.UserName, u => u.Actor);
        var byCode = regions.ToDictionary(r => r.Code);
        var accountsByUnit = ChangshanSeed.Accounts.Where(a => users.ContainsKey(a.UserName))
            .ToLookup(a => (a.UnitCode, a.Role), a => users[a.UserName]);
        Actor? Account(string code, Role role) => accountsByUnit[(code, role)].FirstOrDefault();

        var departments = Rows(db, $"SELECT Id, Name, RegionPath FROM Departments WHERE IsActive = 1 AND Kind = {(int)DepartmentKind.TownshipPlatform}",
            r => (Id: r.GetInt32(0), Name: r.GetString(1), Path: r.GetString(2))).ToLookup(d => d.Path);
        var holidays = Rows(db, "SELECT Date, IsWorkingDay FROM HolidayDays",
            r => (Date: DateOnly.ParseExact(r.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), Working: r.GetBoolean(1)));
        var calendar = new WorkingCalendar(holidays.Where(h => !h.Working).Select(h => h.Date), holidays.Where(h => h.Working).Select(h => h.Date));
        var categories = Rows(db, "SELECT Id, Code, Name, Platform, DefaultDepartmentName, TimeLimitValue, TimeLimitUnit FROM CaseCategories WHERE IsActive = 1",
            r => new Category(r.GetInt32(0), r.GetString(1), r.GetString(2), (Platform)r.GetInt32(3), r.GetString(4),
                TimeLimit.Of(r.GetInt32(5), (TimeLimitUnit)r.GetInt32(6))));

        // Stable per-place weights (some villages report more than others), from their own seed.
        var weights = new Random(Seed + 1);
        var townships = new List<Township>();
        var places = new List<Place>();
        foreach (var t in regions.Where(r => r.Level == RegionLevel.Township).OrderBy(r => r.Code))
        {
            var window = Account(t.Code, Role.WindowClerk) ?? new Actor($"bench-window-{t.Code}", $"{t.Name}窗口 {Surnames[t.Id % Surnames.Length]}{GivenNames[t.Id % GivenNames.Length]}");

            // Department work is done by three officers per township; in 球川镇 two of them are the demo officer.
            var officers = Enumerable.Range(1, 3).Select(k => new Actor($"bench-officer-{t.Code}-{k}", $"{t.Name}平台 {Surnames[(t.Id + k) % Surnames.Length]}{GivenNames[(t.Id * 3 + k) % GivenNames.Length]}")).ToArray();
            if (Account(t.Code, Role.PlatformOfficer) is { } officer)
            {
                officers[0] = officer;
                officers[1] = officer;
            }

            var own = departments[t.Path].ToList();
            var township = new Township(t.Name, TownshipWeights.GetValueOrDefault(t.Name, 5), window,
                own.GroupBy(d => d.Name).ToDictionary(g => g.Key, g => (g.First().Id, g.First().Name)),
                new Desk(officers, own.Select(d => (d.Id, d.Name)).ToArray()));
            townships.Add(township);
            foreach (var r in regions.Where(r => r.Path.StartsWith(t.Path, StringComparison.Ordinal)))
            {
                // Ten percent of a township's cases at the township itself, the rest over its villages and grids.
                var parent = r.Parent != 0 ? byId[r.Parent] : r;
                var (label, address, reporter, weight) = r.Level switch
                {
                    RegionLevel.Grid => ($"{parent.Name}{r.Name}", $"{t.Name}{parent.Name}",
                        Account(r.Code, Role.GridWorker) ?? new Actor($"bench-grid-{r.Code}", $"{parent.Name}网格员 {Surnames[r.Id % Surnames.Length]}{GivenNames[r.Id % GivenNames.Length]}"),
                        0.5 + weights.NextDouble()),
                    RegionLevel.Village => (r.Name, $"{t.Name}{r.Name}",
                        Account(r.Code, Role.VillageCadre) ?? new Actor($"bench-cadre-{r.Code}", $"{r.Name} {Surnames[r.Id % Surnames.Length]}{GivenNames[r.Id % GivenNames.Length]}"),
                        0.4 * (0.5 + weights.NextDouble())),
                    _ => (t.Name, t.Name, null, 0.0),
                };
                var place = new Place(r.Id, r.Level, r.Path, label, address, reporter, weight);
                township.Places.Add(place);
                places.Add(place);
            }

            var rest = township.Places.Sum(p => p.Weight);
            township.Places[township.Places.FindIndex(p => p.Level == RegionLevel.Township)] =
                township.Places.Single(p => p.Level == RegionLevel.Township) with { Weight = rest / 9 };
            township.Seal();
        }

        return new County(townships, places, categories, calendar);
    }

    private static void PrintCounts(SqliteConnection db, TextWriter output)
    {
        output.WriteLine($"Cases: {Scalar(db, "SELECT count(*) FROM Cases"):N0}; CaseEvents: {Scalar(db, "SELECT count(*) FROM CaseEvents"):N0}; "
            + $"Regions: {Scalar(db, "SELECT count(*) FROM Regions")}; Departments: {Scalar(db, "SELECT count(*) FROM Departments")}; "
            + $"accounts: {Scalar(db, "SELECT count(*) FROM AspNetUsers")}");
        output.WriteLine("Cases by status: " + string.Join(", ", Rows(db, "SELECT Status, count(*) FROM Cases GROUP BY Status ORDER BY Status",
            r => $"{(CaseStatus)r.GetInt32(0)} {r.GetInt64(1):N0}")));
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        var open = string.Join(", ", CaseQueries.Open.Select(s => (int)s));
        output.WriteLine($"open {Scalar(db, $"SELECT count(*) FROM Cases WHERE Status IN ({open})"):N0}, of which late "
            + $"{Scalar(db, $"SELECT count(*) FROM Cases WHERE Status IN ({open}) AND DeadlineUtc < '{now}'"):N0}; supervised (any status): "
            + $"{Scalar(db, "SELECT count(*) FROM Cases WHERE Supervision > 0"):N0}; rated {Scalar(db, "SELECT count(*) FROM Cases WHERE Rating IS NOT NULL"):N0}");
        output.WriteLine("Cases by township: " + string.Join(", ", Rows(db,
            "SELECT r.Name, count(*) FROM Cases c JOIN Regions r ON r.RegionPath = substr(c.RegionPath, 1, 26) GROUP BY r.Name ORDER BY count(*) DESC",
            r => $"{r.GetString(0)} {r.GetInt64(1):N0}")));
        output.WriteLine($"Reported from {Rows(db, "SELECT min(ReportedAtUtc) FROM Cases", r => r.GetString(0))[0]} to {Rows(db, "SELECT max(ReportedAtUtc) FROM Cases", r => r.GetString(0))[0]} (UTC)");
    }

    private static SqliteParameter[] Parameters(SqliteCommand command, params string[] names) =>
        names.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();

    private static void Set(SqliteParameter[] parameters, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static long Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
#pragma warning disable CA2100 // this file's own SQL
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    private static List<T> Rows<T>(SqliteConnection db, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = db.CreateCommand();
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private sealed record Category(int Id, string Code, string Name, Platform Platform, string Department, TimeLimit Limit);

    private sealed record Place(int Id, RegionLevel Level, string Path, string Label, string AddressBase, Actor? Reporter, double Weight);

    private sealed class Township(string name, double weight, Actor window, Dictionary<string, (int Id, string Name)> departments, Desk desk)
    {
        private double[] cumulative = [];

        public string Name => name;

        public double Weight => weight;

        public Actor Window => window;

        public Dictionary<string, (int Id, string Name)> Departments => departments;

        public Desk Desk => desk;

        public List<Place> Places { get; } = [];

        public void Seal() => cumulative = Cumulative(Places.Select(p => p.Weight));

        public Place PickPlace(Random rng) => Places[Pick(cumulative, rng)];
    }

    private sealed class County(List<Township> townships, List<Place> places, List<Category> categories, WorkingCalendar calendar)
    {
        private readonly double[] townshipCumulative = Cumulative(townships.Select(t => t.Weight));
        private readonly double[] categoryCumulative = Cumulative(categories.Select(c => CategoryWeights.GetValueOrDefault(c.Code, 2)));

        public List<Township> Townships => townships;

        public List<Place> Places => places;

        public List<Category> Categories => categories;

        public WorkingCalendar Calendar => calendar;

        public Township PickTownship(Random rng) => townships[Pick(townshipCumulative, rng)];

        public Category PickCategory(Random rng) => categories[Pick(categoryCumulative, rng)];
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0.0;
        var list = weights.Select(w => sum += w).ToArray();
        return list.Select(w => w / sum).ToArray();
    }

    private static int Pick(double[] cumulative, Random rng)
    {
        var i = Array.BinarySearch(cumulative, rng.NextDouble());
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }
}
