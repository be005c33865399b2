using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Data.Access;
using Shigan.Web.Cases;

namespace Shigan.Bench;

/// <summary>
/// The query plans of what <c>bench/http/cases.sh</c> measures, on a file made by <c>seed-cases</c>: the work lists
/// as 球川镇's staff and officer and as the county administrator, a case, and the public tracking lookup. Part of
/// <c>explain FILE.db</c>; every statement is EF's own, captured as the API sends it.
/// </summary>
public static class CasePlans
{
    public static async Task RunAsync(SqliteConnection raw, string connection, string township, TextWriter output)
    {
        output.WriteLine($"# Cases: {QueryPlans.Scalar(raw, "SELECT count(*) FROM Cases")} cases, {QueryPlans.Scalar(raw, "SELECT count(*) FROM CaseEvents")} events");
        output.WriteLine();
        foreach (var table in new[] { "Cases", "CaseEvents" })
        {
            output.WriteLine($"Indexes on {table} (sqlite_stat1):");
            using var command = raw.CreateCommand();
            command.CommandText = "SELECT m.sql, s.stat FROM sqlite_master m LEFT JOIN sqlite_stat1 s ON s.idx = m.name WHERE m.type = 'index' AND m.tbl_name = $t AND m.sql IS NOT NULL";
            command.Parameters.AddWithValue("$t", table);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                output.WriteLine($"    {reader.GetString(0)}  -- {(reader.IsDBNull(1) ? "no stat" : reader.GetString(1))}");
            }

            output.WriteLine();
        }

        var staffId = QueryPlans.Scalar(raw, "SELECT Id FROM AspNetUsers WHERE UserName = 'qiuchuan.staff'") as string ?? "bench";
        var officerId = QueryPlans.Scalar(raw, "SELECT Id FROM AspNetUsers WHERE UserName = 'qiuchuan.officer'") as string ?? "bench";
        var countyPath = (string)QueryPlans.Scalar(raw, "SELECT RegionPath FROM Regions WHERE Level = 1")!;
        var scope = RegionScope.Of(township);

        // A deep page: the cursor 10,000 cases down 球川镇's list (half-way on a small file); that case and its tracking number.
        var inScope = $"FROM Cases WHERE RegionPath >= '{scope.RangeStart}' AND RegionPath < '{scope.RangeEnd}'";
        var down = Math.Min(10_000, Convert.ToInt64(QueryPlans.Scalar(raw, "SELECT count(*) " + inScope), CultureInfo.InvariantCulture) / 2);
        var deep = Convert.ToInt64(QueryPlans.Scalar(raw, $"SELECT Id {inScope} ORDER BY Id DESC LIMIT 1 OFFSET {down}"), CultureInfo.InvariantCulture);
        var reportedAt = DateTime.SpecifyKind(DateTime.Parse((string)QueryPlans.Scalar(raw, $"SELECT ReportedAtUtc FROM Cases WHERE Id = {deep}")!, CultureInfo.InvariantCulture), DateTimeKind.Utc);
        var number = TrackingNumber.New(new DateTimeOffset(reportedAt, TimeSpan.Zero), deep);
        var now = DateTime.UtcNow;
        var followUp = new CaseSettings(1).FollowUpCutoff(now);

        var staff = new UnitActor(township, staffId);
        var officer = new UnitActor(township, officerId);
        var admin = new UnitActor(countyPath);
        var grid = new UnitActor((string)QueryPlans.Scalar(raw, "SELECT RegionPath FROM Regions WHERE Code = '330822213214001'")!); // 濛桥村 第一网格
        var lists = new (string Label, ICurrentActor Actor, CaseFilter Filter)[]
        {
            ("list, first page (township staff 球川镇)", staff, new CaseFilter()),
            ("list late=true (township staff)", staff, new CaseFilter(LateOnly: true)),
            ("list category=ZF03 (township staff)", staff, new CaseFilter(CategoryCode: "ZF03")),
            ("list status=InProgress (township staff)", staff, new CaseFilter(Status: CaseStatus.InProgress)),
            ("list category=ZF03&status=Closed (township staff)", staff, new CaseFilter(Status: CaseStatus.Closed, CategoryCode: "ZF03")),
            ($"list after={deep} (township staff, {down:N0} down)", staff, new CaseFilter(After: deep)),
            ("list mine=true (platform officer 球川镇)", officer, new CaseFilter(Mine: true)),
            ("list followUp=true (platform officer)", officer, new CaseFilter(FollowUpBefore: followUp)),
            ("list, first page (county administrator, whole county)", admin, new CaseFilter()),
            ("list late=true (county administrator)", admin, new CaseFilter(LateOnly: true)),
            ("list, first page (grid worker 濛桥村 第一网格)", grid, new CaseFilter()),
            ("list status=InProgress (grid worker)", grid, new CaseFilter(Status: CaseStatus.InProgress)),
        };
        var timings = new List<(string Label, double Median, double Max)>();
        foreach (var (label, actor, filter) in lists)
        {
            await QueryPlans.Explain(raw, connection, actor, output, label, db => CaseQueries.ListAsync(db, filter, actor.UserId, now));
            timings.Add(await TimeAsync(connection, actor, label, db => CaseQueries.ListAsync(db, filter, actor.UserId, now)));
        }

        await QueryPlans.Explain(raw, connection, staff, output, $"case {deep} (township staff)", db => CaseQueries.DetailAsync(db, deep, now));
        timings.Add(await TimeAsync(connection, staff, $"case {deep} (township staff)", db => CaseQueries.DetailAsync(db, deep, now)));
        await QueryPlans.Explain(raw, connection, SystemActor.Instance, output, $"public tracking {number} (public: scope all)", db => CaseQueries.PublicAsync(db, number));
        timings.Add(await TimeAsync(connection, SystemActor.Instance, $"public tracking {number}", db => CaseQueries.PublicAsync(db, number)));

        // The deadline job's read (SupervisionRun, kept in step by hand: open, late, not yet at the county, by id, 200 at
        // a time), as the system; a pass reads batches until none is left.
        var open = string.Join(", ", CaseQueries.Open.Select(s => (int)s));
        var due = Convert.ToInt64(QueryPlans.Scalar(raw, $"SELECT count(*) FROM Cases WHERE Status IN ({open}) AND DeadlineUtc < '{now:yyyy-MM-dd HH:mm:ss}' AND Supervision < 2"), CultureInfo.InvariantCulture);
        var job = $"deadline job: one batch of 200 (a pass reads {due} cases in {(due / 200) + 1} batches)";
        Func<Shigan.Data.ShiganDb, Task> batch = db => db.Cases.AsNoTracking()
            .Where(c => CaseQueries.Open.Contains(c.Status) && c.DeadlineUtc < now && c.Supervision < SupervisionLevel.County && c.Id > 0)
            .OrderBy(c => c.Id).Take(200).ToListAsync();
        await QueryPlans.Explain(raw, connection, SystemActor.Instance, output, job, batch);
        timings.Add(await TimeAsync(connection, SystemActor.Instance, job, batch));

        output.WriteLine($"## Time of each read in-process ({Runs} runs after one warm-up, 3 when they take seconds; a new context each, as a request has)");
        output.WriteLine();
        output.WriteLine("| read | median ms | max ms |");
        output.WriteLine("| --- | ---: | ---: |");
        foreach (var (label, median, max) in timings)
        {
            output.WriteLine(FormattableString.Invariant($"| {label} | {median:F2} | {max:F2} |"));
        }

        output.WriteLine();
    }

    private const int Runs = 7;

    // The queries alone, without HTTP: what a request spends in EF and SQLite (machine noise included, so the median).
    private static async Task<(string, double, double)> TimeAsync(string connection, ICurrentActor actor, string label, Func<Shigan.Data.ShiganDb, Task> work)
    {
        var times = new List<double>();
        for (var i = 0; i <= Runs && (times.Count < 3 || times.Sum() < 5000); i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await using (var db = ProvinceTree.Open(connection, actor))
            {
                await work(db);
            }

            if (i > 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        return (label, times[times.Count / 2], times[^1]);
    }
}
