using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Shigan.Core.Org;
using Shigan.Web.Access;
using Shigan.Web.Dashboard;

namespace Shigan.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Shigan.Bench -- dashboard FILE.db [runs=41]</c>: the dashboard's whole read
/// (<see cref="DashboardQuery.RunAsync"/>, a fresh context each time, as the county administrator and as 球川镇's staff)
/// against the baseline issue 6 sets, one raw GROUP BY over the same cases answered from a covering index
/// (<c>SELECT Status, count(*) FROM Cases GROUP BY Status</c>, on IX_Cases_Status_DeadlineUtc), and for scale the GROUP BY
/// the dashboard's counters replace (township × platform × status, which no index covers). Runs interleaved, in one
/// process on the same file, medians and p95 reported; then the query plans of the dashboard's SQL. The file must have
/// the Dashboard migration (the app's <c>migrate</c> verb adds it and fills the counters); it is opened read-only.
/// </summary>
public static class DashboardTimes
{
    private const string Baseline = "SELECT Status, count(*) FROM Cases GROUP BY Status";
    private const string ByTownship = "SELECT substr(RegionPath, 1, 26), Platform, Status, count(*) FROM Cases GROUP BY substr(RegionPath, 1, 26), Platform, Status";

    public static async Task RunAsync(string file, int runs, TextWriter output)
    {
        var connection = $"Data Source={Path.GetFullPath(file)};Mode=ReadOnly";
        await using var raw = new SqliteConnection(connection);
        await raw.OpenAsync();
        var cases = Convert.ToInt64(QueryPlans.Scalar(raw, "SELECT count(*) FROM Cases"), CultureInfo.InvariantCulture);
        var counters = Convert.ToInt64(QueryPlans.Scalar(raw, "SELECT count(*) FROM CaseCounts"), CultureInfo.InvariantCulture);
        var countyPath = (string)QueryPlans.Scalar(raw, "SELECT RegionPath FROM Regions WHERE Level = 1 ORDER BY Code LIMIT 1")!;
        var townshipPath = (string)QueryPlans.Scalar(raw, "SELECT RegionPath FROM Regions WHERE Code = '330822111000'")!;
        output.WriteLine($"# Dashboard vs a raw covering-index GROUP BY, {file}");
        output.WriteLine();
        output.WriteLine($"SQLite {raw.ServerVersion}; {cases:N0} cases; {counters} counter rows; "
            + $"{QueryPlans.Scalar(raw, "SELECT count(*) FROM CaseDayCounts")} day-counter rows; runs: {runs} each, interleaved, the first of each dropped");
        var counted = Convert.ToInt64(QueryPlans.Scalar(raw, "SELECT sum(Count) FROM CaseCounts"), CultureInfo.InvariantCulture);
        output.WriteLine($"counters add up to {counted:N0} cases ({(counted == cases ? "equal to the table" : "**not equal to the table**")})");
        output.WriteLine();

        var admin = Actor(countyPath, Role.CountyAdmin);
        var staff = Actor(townshipPath, Role.TownshipStaff);
        var work = new (string Label, Func<Task> Run)[]
        {
            ($"baseline: `{Baseline}`", () => Task.FromResult(Rows(raw, Baseline))),
            ("dashboard, county administrator (DashboardQuery.RunAsync)", () => Dashboard(connection, admin)),
            ("dashboard, 球川镇 township staff", () => Dashboard(connection, staff)),
            ($"for scale, what the counters replace: `{ByTownship}`", () => Task.FromResult(Rows(raw, ByTownship))),
        };
        var times = work.Select(_ => new List<double>()).ToArray();
        for (var run = 0; run < runs; run++)
        {
            for (var i = 0; i < work.Length; i++)
            {
                // The full-scan GROUP BY is slow: a few runs of it are enough to show its scale.
                if (i == 3 && run > 5)
                {
                    continue;
                }

                var clock = Stopwatch.StartNew();
                await work[i].Run();
                if (run > 0)
                {
                    times[i].Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }

        var baseline = Median(times[0]);
        output.WriteLine("| query | runs | p50 ms | p95 ms | max ms | p50 / baseline p50 |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (var i = 0; i < work.Length; i++)
        {
            var t = times[i];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {work[i].Label} | {t.Count} | {Median(t):F2} | {Percentile(t, 0.95):F2} | {t.Max():F2} | {Median(t) / baseline:F3} |"));
        }

        output.WriteLine();
        output.WriteLine("## Query plans of the dashboard's SQL (county administrator)");
        output.WriteLine();
        await QueryPlans.Explain(raw, connection, admin, output, "dashboard, county administrator", db => DashboardQuery.RunAsync(db, admin, DateTime.UtcNow));
        output.WriteLine("## The baseline's plan");
        output.WriteLine();
        QueryPlans.Plan(raw, Baseline, [], output);
        output.WriteLine("## The replaced GROUP BY's plan");
        output.WriteLine();
        QueryPlans.Plan(raw, ByTownship, [], output);
    }

    private static async Task Dashboard(string connection, CurrentActor actor)
    {
        await using var db = ProvinceTree.Open(connection, actor);
        await DashboardQuery.RunAsync(db, actor, DateTime.UtcNow);
    }

    /// <summary>A signed-in account of the role at the unit, as the cookie would make it.</summary>
    private static CurrentActor Actor(string unitPath, Role role)
    {
        var actor = new CurrentActor(new HttpContextAccessor());
        actor.UseCircuitUser(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "bench"), new Claim(ClaimTypes.Role, role.ToString()), new Claim(ShiganClaims.UnitPath, unitPath)], "bench")));
        return actor;
    }

    private static int Rows(SqliteConnection raw, string sql)
    {
        using var command = raw.CreateCommand();
#pragma warning disable CA2100 // this file's own SQL
        command.CommandText = sql;
#pragma warning restore CA2100
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        return rows;
    }

    private static double Median(List<double> t) => Percentile(t, 0.5);

    private static double Percentile(List<double> t, double p)
    {
        var sorted = t.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }
}
