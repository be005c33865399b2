using System.Net;
using Microsoft.EntityFrameworkCore;
using Shigan.Data.Demo;
using Shigan.Testing;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Contests.ContestCalls;

namespace Shigan.Web.Tests.Contests;

/// <summary>Who reads, who defines, who scores: participants read the whole table, judges score only where invited, bad input changes nothing.</summary>
public sealed class ContestAccessTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private Task<int> WeeklyDemoAsync() =>
        app.WithDbAsync(db => db.Contests.Where(c => c.Name == ContestSeed.WeeklyName).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task A_village_cadre_reads_the_whole_table_of_the_contest_but_changes_nothing()
    {
        var cadre = await app.SessionAsync("mengqiao.cadre");
        var contest = await WeeklyDemoAsync();
        var mengqiao = await app.RegionIdAsync(Places.Mengqiao);

        var list = (await cadre.GetJsonAsync("/api/contests")).GetProperty("items");
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("name").GetString() == ContestSeed.WeeklyName && !c.GetProperty("canManage").GetBoolean());
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("name").GetString() == ContestSeed.MonthlyName);
        var periods = await cadre.GetJsonAsync($"/api/contests/{contest}/periods");
        var latest = periods.EnumerateArray().First(p => p.GetProperty("sheetId").ValueKind == System.Text.Json.JsonValueKind.Number);
        var sheet = await cadre.GetJsonAsync($"/api/contests/{contest}/sheets/{latest.GetProperty("sheetId").GetInt32()}");
        Assert.Equal(8, sheet.GetProperty("rows").GetArrayLength());
        Assert.False(sheet.GetProperty("canManage").GetBoolean());

        // The same table as a workbook: one line per village, ranked, with every indicator's raw value and points.
        using (var export = await cadre.GetAsync($"/api/contests/{contest}/sheets/{sheet.Id()}/export"))
        {
            Assert.Equal(Shigan.Web.Cases.CaseExportApi.ContentType, export.Content.Headers.ContentType?.MediaType);
            using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
            var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(8, rows.Count);
            Assert.Equal("1", rows[0]["排名"]?.ToString());
            Assert.Equal(3 + (2 * sheet.GetProperty("indicators").GetArrayLength()) + 1, rows[0].Count);
        }

        var before = await SheetsAsync();
        foreach (var (method, url, body) in new (HttpMethod, string, object)[]
        {
            (HttpMethod.Post, $"/api/contests/{contest}/sheets", new { periodStart = LastWeek }),
            (HttpMethod.Post, $"/api/contests/{contest}/sheets/{sheet.Id()}/correct", new { reason = "村里想改" }),
            (HttpMethod.Post, $"/api/contests/{contest}/sheets/{sheet.Id()}/freeze", new { }),
            (HttpMethod.Put, $"/api/contests/{contest}", Weekly("改名", [mengqiao])),
            (HttpMethod.Post, $"/api/contests/{contest}/scores", new { periodStart = LastWeek, indicatorId = 1, regionId = mengqiao, score = 100 }),
        })
        {
            using var response = await cadre.SendJsonAsync(method, url, body);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url}: {(int)response.StatusCode}");
        }

        Assert.Equal(before, await SheetsAsync());
    }

    [Fact]
    public async Task The_demo_village_climbs_from_last_to_first_over_the_published_weeks()
    {
        var cadre = await app.SessionAsync("mengqiao.cadre");
        var history = await cadre.GetJsonAsync($"/api/contests/{await WeeklyDemoAsync()}/history/{await app.RegionIdAsync(Places.Mengqiao)}");

        var ranks = history.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("rank").GetInt32()).ToList();
        Assert.Equal(ContestSeed.PublishedWeeks, ranks.Count);
        Assert.Equal(8, ranks[0]);
        Assert.Equal(1, ranks[^1]);
    }

    [Fact]
    public async Task Another_townships_staff_do_not_see_the_contest_at_all()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var contest = await WeeklyDemoAsync();

        var list = (await staff.GetJsonAsync("/api/contests")).GetProperty("items");
        Assert.DoesNotContain(list.EnumerateArray(), c => c.GetProperty("id").GetInt32() == contest);
        using var get = await staff.GetAsync($"/api/contests/{contest}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);

        // The county's monthly contest has 球川镇 among its participants: read, not managed.
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("name").GetString() == ContestSeed.MonthlyName && !c.GetProperty("canManage").GetBoolean());
    }

    [Fact]
    public async Task A_judge_scores_only_where_invited_within_range_once_and_never_their_own_unit()
    {
        var admin = await app.SessionAsync("admin");
        var judge = await app.SignInAsync("judge");
        var mengqiao = await app.RegionIdAsync(Places.Mengqiao);
        var kenong = await app.RegionIdAsync(Places.Kenong);
        var contest = await CreateAsync(admin, await app.RegionIdAsync(Places.Daqiaotou), Weekly("评委打分", [mengqiao, kenong]));
        var indicator = (await admin.GetJsonAsync($"/api/contests/{contest}")).GetProperty("indicators")[1].GetProperty("id").GetInt32();
        var week = LastWeek;
        object Score(int regionId, decimal score) => new { periodStart = week, indicatorId = indicator, regionId, score };

        using (var uninvited = await judge.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/scores", Score(kenong, 90)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, uninvited.StatusCode);
            await uninvited.ProblemAsync();
        }

        // Invited as coming from 濛桥: may score 客弄, not 濛桥.
        using (var invite = await admin.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/judges", new { userId = await app.AccountIdAsync("judge"), homeRegionId = mengqiao }))
        {
            Assert.Equal(HttpStatusCode.NoContent, invite.StatusCode);
        }

        var before = await ScoresAsync();
        foreach (var (body, field) in new (object, string)[]
        {
            (Score(mengqiao, 90), "regionId"),
            (Score(kenong, 101), "score"),
            (Score(kenong, -1), "score"),
            (new { periodStart = week, indicatorId = indicator - 1, regionId = kenong, score = 80 }, "indicatorId"),
            (new { periodStart = week.AddDays(1), indicatorId = indicator, regionId = kenong, score = 80 }, "periodStart"),
        })
        {
            using var refused = await judge.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/scores", body);
            Assert.Contains(field, (await refused.ProblemAsync()).Errors().Keys);
        }

        Assert.Equal(before, await ScoresAsync());
        using (var ok = await judge.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/scores", Score(kenong, 88.5m)))
        {
            Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        }

        using (var twice = await judge.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/scores", Score(kenong, 60)))
        {
            Assert.Equal("已给该单位的这一指标打过分，不能重复打分", (await twice.ProblemAsync()).Errors()["score"][0]);
        }

        Assert.Equal(before + 1, await ScoresAsync());

        // The score is behind the sheet's figure, and a judge cannot publish.
        var sheet = await ComputeAsync(admin, contest, week);
        Assert.Equal(88.5m, sheet.Row(kenong).GetProperty("cells")[1].GetProperty("raw").GetDecimal());
        var explain = await admin.GetJsonAsync($"/api/contests/{contest}/sheets/{sheet.Id()}/explain?a={kenong}&b={mengqiao}");
        var review = explain.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "现场观摩");
        Assert.EndsWith(": 88.5", review.GetProperty("recordsA")[0].GetProperty("label").GetString(), StringComparison.Ordinal);
        using var publish = await judge.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/sheets/{sheet.Id()}/publish", new { });
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
    }

    [Fact]
    public async Task Weights_that_do_not_add_up_are_refused_unless_the_contest_says_to_rescale_them()
    {
        var admin = await app.SessionAsync("admin");
        var daqiaotou = await app.RegionIdAsync(Places.Daqiaotou);
        var villages = new[] { await app.RegionIdAsync(Places.Mengqiao), await app.RegionIdAsync(Places.Kenong) };
        object[] ninety = [Indicator("逾期事件数", 50m, "cases.late", "LowerIsBetter"), Indicator("现场观摩", 40m, null)];
        var count = await app.WithDbAsync(db => db.Contests.CountAsync());

        using (var refused = await admin.SendJsonAsync(HttpMethod.Post, "/api/contests", WithOrganiser(Weekly("权重不足", villages, ninety), daqiaotou)))
        {
            Assert.Equal("权重合计为 90，应为一百（或选择按比例折算）", (await refused.ProblemAsync()).Errors()["weights"][0]);
        }

        Assert.Equal(count, await app.WithDbAsync(db => db.Contests.CountAsync()));
        var rescaled = await CreateAsync(admin, daqiaotou, Weekly("按比例折算", villages, ninety, normalise: true));
        var sheet = await ComputeAsync(admin, rescaled, LastWeek.AddDays(-70));
        Assert.Equal(100m, sheet.GetProperty("indicators").EnumerateArray().Sum(i => i.GetProperty("weight").GetDecimal()));
    }

    [Fact]
    public async Task A_contest_definition_with_bad_parts_is_refused_field_by_field_and_nothing_is_created()
    {
        var admin = await app.SessionAsync("admin");
        var daqiaotou = await app.RegionIdAsync(Places.Daqiaotou);
        var qiuchuanVillage = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var count = await app.WithDbAsync(db => db.Contests.CountAsync());
        var body = new Dictionary<string, object?>
        {
            ["name"] = "",
            ["regionId"] = daqiaotou,
            ["periodKind"] = "Week",
            ["participantIds"] = new[] { await app.RegionIdAsync(Places.Mengqiao), qiuchuanVillage },
            ["indicators"] = new object[]
            {
                new { name = "未声明无数据规则", dimension = "Results", weight = 50, direction = "HigherIsBetter", normalisation = "Target", source = "Computed", sourceCode = "cases.on-time" },
                new { name = "未知来源", dimension = "Custom", weight = 50, direction = "HigherIsBetter", normalisation = "MinMax", source = "Computed", sourceCode = "cases.nothing", missing = "ZeroPoints" },
            },
        };

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/api/contests", body);
        var errors = (await response.ProblemAsync()).Errors();
        Assert.Contains("name", errors.Keys);
        Assert.Contains("participantIds", errors.Keys);
        Assert.Contains("indicators[0].missing", errors.Keys);
        Assert.Contains("indicators[0].target", errors.Keys);
        Assert.Contains("indicators[1].customDimension", errors.Keys);
        Assert.Contains("indicators[1].sourceCode", errors.Keys);
        Assert.Equal(count, await app.WithDbAsync(db => db.Contests.CountAsync()));
    }

    private Task<string> SheetsAsync() => app.WithDbAsync(async db =>
        string.Join(",", await db.ScoreSheets.OrderBy(s => s.Id).Select(s => $"{s.Id}:{s.Status}:{s.Concurrency}").ToListAsync())
        + await db.ScoreRows.CountAsync() + ":" + await db.JudgeScores.CountAsync() + ":" + await db.Contests.Select(c => c.Name).FirstAsync());

    private Task<int> ScoresAsync() => app.WithDbAsync(db => db.JudgeScores.CountAsync());
}
