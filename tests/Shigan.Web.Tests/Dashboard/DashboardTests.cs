using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Testing;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Contests.ContestCalls;

namespace Shigan.Web.Tests.Dashboard;

/// <summary>
/// GET /api/dashboard: the figures equal what a direct count over the cases gives, for the caller's unit only, and each
/// figure's link opens a list with that many cases.
/// </summary>
public sealed class DashboardTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private async Task SeedCasesAsync()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var officer = await app.SessionAsync("qiuchuan.officer");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var started = await window.ReportIdAsync(CaseCalls.Report(village));
        await officer.ActAsync(started, "Start");
        await window.ReportIdAsync(CaseCalls.Report(village, "ZF03", "村口垃圾堆放多日无人清运"));
        await window.ReportIdAsync(CaseCalls.Report(village, "ZZ01", "邻里因宅基地边界发生纠纷"));
        await app.AddLateCaseAsync(village, LastWeek, "球川镇村道路灯损坏未修");
        await app.AddLateCaseAsync(await app.RegionIdAsync(Places.Mengqiao), LastWeek, "濛桥村水渠堵塞");
        await app.AddLateCaseAsync(await app.RegionIdAsync(Places.Kenong), LastWeek, "客弄村路面塌陷");
    }

    /// <summary>Platform×status counts of the cases at or below the unit, counted straight from the cases.</summary>
    private Task<Dictionary<string, long>> DirectCountsAsync(string unitCode) =>
        app.WithDbAsync(async db =>
        {
            var path = await db.Regions.Where(r => r.Code == unitCode).Select(r => r.RegionPath).SingleAsync();
            return await db.Cases.IgnoreQueryFilters().Where(c => c.RegionPath.StartsWith(path))
                .GroupBy(c => new { c.Platform, c.Status }).Select(g => new { g.Key.Platform, g.Key.Status, Count = g.LongCount() })
                .ToDictionaryAsync(g => $"{g.Platform} {g.Status}", g => g.Count);
        });

    /// <summary>Open cases past their deadline at or below the unit, counted straight from the cases.</summary>
    private Task<long> LateCountAsync(string unitCode) =>
        app.WithDbAsync(async db =>
        {
            var path = await db.Regions.Where(r => r.Code == unitCode).Select(r => r.RegionPath).SingleAsync();
            CaseStatus[] open = [CaseStatus.Reported, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Returned];
            var now = DateTime.UtcNow;
            return await db.Cases.IgnoreQueryFilters().LongCountAsync(c => c.RegionPath.StartsWith(path) && open.Contains(c.Status) && c.DeadlineUtc < now);
        });

    private static Dictionary<string, long> Cells(JsonElement dashboard) =>
        dashboard.GetProperty("cases").EnumerateArray()
            .ToDictionary(c => $"{c.GetProperty("platform").GetString()} {c.GetProperty("status").GetString()}", c => c.GetProperty("count").GetInt64());

    // The page's link, asked of the API: /cases?late=true&unit=5 → /api/cases?late=true&regionId=5.
    private static string ApiOf(string link) => link.Replace("/cases?", "/api/cases?", StringComparison.Ordinal).Replace("unit=", "regionId=", StringComparison.Ordinal) + "&size=200";

    [Fact]
    public async Task The_county_sees_every_township_and_a_township_only_its_own_each_equal_to_a_direct_count()
    {
        await SeedCasesAsync();
        var admin = await (await app.SessionAsync("admin")).GetJsonAsync("/api/dashboard");
        var staff = await (await app.SessionAsync("qiuchuan.staff")).GetJsonAsync("/api/dashboard");

        Assert.Equal(Places.County, admin.GetProperty("unitCode").GetString());
        Assert.Equal(await DirectCountsAsync(Places.County), Cells(admin));
        Assert.Equal(Places.Qiuchuan, staff.GetProperty("unitCode").GetString());
        var own = await DirectCountsAsync(Places.Qiuchuan);
        Assert.Equal(own, Cells(staff));
        Assert.Equal(own.Values.Sum(), staff.GetProperty("totalCases").GetInt64());

        // Late cases: the county's by township (球川镇 and 大桥头乡 here), the township's by village, none of another township.
        var countyLate = admin.GetProperty("late").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!, l => l.GetProperty("count").GetInt64());
        Assert.Equal(await LateCountAsync(Places.Qiuchuan), countyLate["球川镇"]);
        Assert.Equal(await LateCountAsync(Places.Daqiaotou), countyLate["大桥头乡"]);
        Assert.True(countyLate["大桥头乡"] >= 2);
        var townshipLate = staff.GetProperty("late").EnumerateArray().ToList();
        var villages = await app.WithDbAsync(db => db.Regions.Where(r => r.Parent!.Code == Places.Qiuchuan).Select(r => r.Name).ToListAsync());
        Assert.All(townshipLate, l => Assert.Contains(l.GetProperty("name").GetString(), villages));
        Assert.Equal(await LateCountAsync(Places.Qiuchuan), townshipLate.Sum(l => l.GetProperty("count").GetInt64()));

        // Today's reports in the daily line: the three taken at the window today (the others were reported weeks ago).
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var daily = staff.GetProperty("daily").EnumerateArray().ToList();
        Assert.Equal(30, daily.Count);
        var expectedToday = await app.WithDbAsync(async db =>
        {
            var path = await db.Regions.Where(r => r.Code == Places.Qiuchuan).Select(r => r.RegionPath).SingleAsync();
            var since = ChinaTime.StartOf(ChinaTime.DateOf(DateTimeOffset.UtcNow)).UtcDateTime;
            return await db.Cases.IgnoreQueryFilters().LongCountAsync(c => c.RegionPath.StartsWith(path) && c.ReportedAtUtc >= since);
        });
        Assert.Equal(expectedToday, daily.Single(d => d.GetProperty("day").GetString() == today).GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Each_figure_links_to_a_list_with_that_many_cases()
    {
        await SeedCasesAsync();
        var staff = await app.SessionAsync("qiuchuan.staff");
        var dashboard = await staff.GetJsonAsync("/api/dashboard");

        var figures = dashboard.GetProperty("cases").EnumerateArray().Concat(dashboard.GetProperty("late").EnumerateArray()).ToList();
        Assert.NotEmpty(figures);
        foreach (var figure in figures)
        {
            var link = figure.GetProperty("link").GetString()!;
            var list = await staff.GetJsonAsync(ApiOf(link));
            Assert.Equal((link, figure.GetProperty("count").GetInt64()), (link, (long)list.Items().Count()));
        }
    }

    [Fact]
    public async Task A_village_sees_its_own_cases_counted_from_the_cases_and_nothing_of_its_neighbours()
    {
        await SeedCasesAsync();
        var cadre = await (await app.SessionAsync("mengqiao.cadre")).GetJsonAsync("/api/dashboard");

        Assert.Equal(Places.Mengqiao, cadre.GetProperty("unitCode").GetString());
        Assert.Equal(await DirectCountsAsync(Places.Mengqiao), Cells(cadre));
        Assert.All(cadre.GetProperty("late").EnumerateArray(), l => Assert.Equal("濛桥村委会", l.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Campaigns_under_way_and_published_league_tables_link_to_their_pages()
    {
        var admin = await app.SessionAsync("admin");
        var campaign = await admin.CreateHousingAsync("球川老街危旧房改造", await app.RegionIdAsync(Places.Qiuchuan));
        var day = DateTime.Today.AddDays(-2);
        using (var imported = await admin.ImportAsync(campaign, CampaignCalls.Sheet(
        [
            CampaignCalls.Household("老街小区", "1幢", "1单元", "101", stage: "告知", stageDate: day),
            CampaignCalls.Household("老街小区", "1幢", "1单元", "102", stage: "签约", stageDate: day),
            CampaignCalls.Household("老街小区", "2幢", "1单元", "201"),
        ])))
        {
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        }

        var dashboard = await admin.GetJsonAsync("/api/dashboard");

        // The campaign's shares per stage are its page's: targets at each stage or beyond, of all its targets.
        var shown = dashboard.GetProperty("campaigns").EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == campaign);
        Assert.Equal($"/campaigns/{campaign}", shown.GetProperty("link").GetString());
        var overview = await admin.OverviewAsync(campaign);
        Assert.Equal(3, shown.GetProperty("total").GetInt32());
        Assert.Equal(overview.GetProperty("total").GetInt32(), shown.GetProperty("total").GetInt32());
        Assert.Equal(overview.GetProperty("reached").EnumerateArray().Select(r => r.GetInt32()), shown.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("reached").GetInt32()));
        Assert.Equal([2, 1], shown.GetProperty("stages").EnumerateArray().Take(2).Select(s => s.GetProperty("reached").GetInt32()));
        var leagues = dashboard.GetProperty("leagues").EnumerateArray().ToList();
        Assert.NotEmpty(leagues);
        foreach (var league in leagues)
        {
            var sheet = await admin.GetJsonAsync($"/api/contests/{league.GetProperty("contestId").GetInt32()}/sheets/{league.GetProperty("sheetId").GetInt32()}");
            var top = league.GetProperty("top").EnumerateArray().Select(r => (r.GetProperty("rank").GetInt32(), r.GetProperty("unit").GetString())).ToList();
            var rows = sheet.GetProperty("rows").EnumerateArray().OrderBy(r => r.GetProperty("rank").GetInt32()).ThenBy(r => r.GetProperty("unitName").GetString(), StringComparer.Ordinal)
                .Take(top.Count).Select(r => (r.GetProperty("rank").GetInt32(), r.GetProperty("unitName").GetString())).ToList();
            Assert.Equal(rows, top);
        }
    }

    [Fact]
    public async Task Projects_are_counted_as_the_board_counts_them_and_the_furthest_behind_link_to_their_pages()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var id = (await staff.CreateProjectAsync("球川镇污水管网改造", await app.FirstVillageIdAsync(Places.Qiuchuan), ("管网铺设", -3), ("竣工验收", 5))).ProjectId();

        var projects = (await staff.GetJsonAsync("/api/dashboard")).GetProperty("projects");
        var board = await staff.GetJsonAsync("/api/projects");
        var held = board.GetProperty("items").EnumerateArray().Where(p => p.GetProperty("status").GetString() is "Planned" or "UnderWay").ToList();

        // Half its time gone and nothing done: behind plan, with its overdue milestone counted as on the board.
        Assert.Equal(held.Count, projects.GetProperty("active").GetInt32());
        Assert.Equal(held.Count(p => p.GetProperty("behindPlan").GetBoolean()), projects.GetProperty("behindPlan").GetInt32());
        Assert.Equal(board.GetProperty("overdueMilestones").GetInt32(), projects.GetProperty("overdueMilestones").GetInt32());
        Assert.Equal(board.GetProperty("openBlockers").GetInt32(), projects.GetProperty("openBlockers").GetInt32());
        var shown = projects.GetProperty("furthestBehind").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == id);
        Assert.Equal(($"/projects/{id}", 0), (shown.GetProperty("link").GetString(), shown.GetProperty("progress").GetInt32()));

        // Another township's dashboard does not count it.
        var other = (await (await app.SessionAsync("mengqiao.cadre")).GetJsonAsync("/api/dashboard")).GetProperty("projects");
        Assert.DoesNotContain(other.GetProperty("furthestBehind").EnumerateArray(), p => p.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task Project_counts_counted_by_the_database_equal_the_boards_for_the_county_a_township_and_a_village()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var admin = await app.SessionAsync("admin");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        // Behind with an overdue milestone and an overdue blocker; on plan; done with a milestone never ticked off; elsewhere.
        var behind = (await staff.CreateProjectAsync("球川镇村道硬化", village, ("路基", -2), ("路面", 6))).ProjectId();
        await staff.PostOkAsync($"/api/projects/{behind}/blockers", new { kind = "Funding", ownerUserName = "qiuchuan.staff", dueDate = ProjectCalls.Today.AddDays(-1), note = "配套资金未到位" });
        var onPlan = (await staff.CreateProjectAsync("球川镇文化礼堂", village, ("主体", 4))).ProjectId();
        await staff.PostOkAsync($"/api/projects/{onPlan}/report", new { progress = 60 });
        var done = (await staff.CreateProjectAsync("球川镇公厕改造", village, ("验收", -1))).ProjectId();
        using (var edit = await staff.PutAsJsonAsync($"/api/projects/{done}", Merge(ProjectCalls.Body("球川镇公厕改造", village), new { progress = 100, status = "Done", version = 1 })))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, edit.StatusCode);
        }

        var mengqiao = await app.RegionIdAsync(Places.Mengqiao);
        await (await app.SessionAsync("mengqiao.cadre")).CreateProjectAsync("濛桥村水渠清淤", mengqiao, ("清淤", -4));

        foreach (var session in new[] { admin, staff, await app.SessionAsync("mengqiao.cadre") })
        {
            var projects = (await session.GetJsonAsync("/api/dashboard")).GetProperty("projects");
            var board = await session.GetJsonAsync("/api/projects");
            var items = board.GetProperty("items").EnumerateArray().ToList();
            var held = items.Where(p => p.GetProperty("status").GetString() is "Planned" or "UnderWay").ToList();
            var behindPlan = held.Where(p => p.GetProperty("behindPlan").GetBoolean()).ToList();

            Assert.Equal(held.Count, projects.GetProperty("active").GetInt32());
            Assert.Equal(behindPlan.Count, projects.GetProperty("behindPlan").GetInt32());
            Assert.Equal(board.GetProperty("overdueMilestones").GetInt32(), projects.GetProperty("overdueMilestones").GetInt32());
            Assert.Equal(board.GetProperty("openBlockers").GetInt32(), projects.GetProperty("openBlockers").GetInt32());
            Assert.Equal(
                [.. behindPlan.OrderBy(p => p.GetProperty("gap").GetDouble()).ThenBy(p => p.GetProperty("id").GetInt32()).Take(5).Select(p => p.GetProperty("id").GetInt32())],
                projects.GetProperty("furthestBehind").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToList());
        }

        var township = (await staff.GetJsonAsync("/api/dashboard")).GetProperty("projects");
        Assert.Contains(township.GetProperty("furthestBehind").EnumerateArray(), p => p.GetProperty("id").GetInt32() == behind);
        Assert.DoesNotContain(township.GetProperty("furthestBehind").EnumerateArray(), p => p.GetProperty("id").GetInt32() == onPlan);
        Assert.True(township.GetProperty("overdueMilestones").GetInt32() >= 2 && township.GetProperty("openBlockers").GetInt32() >= 1);
    }

    private static Dictionary<string, object?> Merge(object body, object change)
    {
        var merged = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(body))!;
        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(change))!)
        {
            merged[key] = value;
        }

        return merged;
    }
}
