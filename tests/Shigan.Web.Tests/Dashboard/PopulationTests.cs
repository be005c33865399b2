using System.Net;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Contests;
using Shigan.Data.Demo;
using Shigan.Testing;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Contests.ContestCalls;

namespace Shigan.Web.Tests.Dashboard;

/// <summary>
/// A unit's resident population (常住人口): set by the county, or by a township's staff for its villages, within range,
/// audited; and the contests' "cases per 1,000 people" built on it, with no data where no population is known.
/// </summary>
public sealed class PopulationTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private static Task<HttpResponseMessage> SetAsync(HttpClient client, int regionId, int? population) =>
        client.SendJsonAsync(HttpMethod.Put, $"/api/regions/{regionId}/population", new { population });

    private Task<int?> StoredAsync(int regionId) => app.WithDbAsync(db => db.Regions.Where(r => r.Id == regionId).Select(r => r.Population).SingleAsync());

    [Fact]
    public async Task The_demo_county_has_about_340000_residents_shared_among_its_townships_and_villages()
    {
        // 东案乡: a township no other test here changes.
        var (county, townships, dongan, villages) = await app.WithDbAsync(async db => (
            await db.Regions.Where(r => r.Code == Places.County).Select(r => r.Population).SingleAsync(),
            await db.Regions.Where(r => r.Level == Core.Org.RegionLevel.Township).Select(r => r.Population).ToListAsync(),
            await db.Regions.Where(r => r.Name == "东案乡").Select(r => r.Population).SingleAsync(),
            await db.Regions.Where(r => r.Parent!.Name == "东案乡").Select(r => r.Population).ToListAsync()));

        Assert.Equal(PopulationSeed.County, county);
        Assert.Equal(14, townships.Count);
        Assert.Equal(PopulationSeed.County, townships.Sum());
        Assert.NotEmpty(villages);
        Assert.All(villages, v => Assert.True(v > 0));
        Assert.InRange(villages.Sum()!.Value, dongan!.Value - (10 * villages.Count), dongan.Value + (10 * villages.Count));
    }

    [Fact]
    public async Task The_county_sets_a_population_and_the_change_is_audited()
    {
        var admin = await app.SessionAsync("admin");
        var daqiaotou = await app.RegionIdAsync(Places.Daqiaotou);

        using var response = await SetAsync(admin, daqiaotou, 8123);

        Assert.Equal(8123, (await response.JsonAsync(HttpStatusCode.OK)).GetProperty("population").GetInt32());
        Assert.Equal(8123, await StoredAsync(daqiaotou));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Region" && a.EntityId == daqiaotou.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderByDescending(a => a.Id).Select(a => new { a.ActorName, a.Changes }).FirstAsync());
        Assert.Contains("\"Population\":[", audit.Changes, StringComparison.Ordinal);
        Assert.Contains("8123", audit.Changes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-20)]
    [InlineData(10_000_000)]
    public async Task A_population_out_of_range_gets_a_field_error_and_changes_nothing(int population)
    {
        var admin = await app.SessionAsync("admin");
        var village = await app.RegionIdAsync(Places.Kenong);
        var before = await StoredAsync(village);

        using var response = await SetAsync(admin, village, population);

        var problem = await response.ProblemAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("population", problem.Errors().Keys);
        Assert.Equal(before, await StoredAsync(village));
    }

    [Fact]
    public async Task Township_staff_set_their_villages_but_not_their_own_township_nor_another_townships_villages()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var qiuchuan = await app.RegionIdAsync(Places.Qiuchuan);
        var foreign = await app.RegionIdAsync(Places.Mengqiao);
        var (ownBefore, foreignBefore) = (await StoredAsync(qiuchuan), await StoredAsync(foreign));

        using (var ok = await SetAsync(staff, village, 2468))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using (var own = await SetAsync(staff, qiuchuan, 99_999))
        {
            Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        }

        using (var other = await SetAsync(staff, foreign, 1234))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        using (var clerk = await SetAsync(await app.SessionAsync("qiuchuan.window"), village, 1357))
        {
            Assert.Equal(HttpStatusCode.Forbidden, clerk.StatusCode);
        }

        Assert.Equal((2468, ownBefore, foreignBefore), (await StoredAsync(village), await StoredAsync(qiuchuan), await StoredAsync(foreign)));
    }

    [Fact]
    public async Task Cases_per_1000_residents_divide_the_periods_reports_by_the_population_and_a_unit_without_one_has_no_data()
    {
        var admin = await app.SessionAsync("admin");
        var mengqiao = await app.RegionIdAsync(Places.Mengqiao);
        var kenong = await app.RegionIdAsync(Places.Kenong);
        var week = LastWeek.AddDays(-7 * 40);
        var first = await app.AddLateCaseAsync(mengqiao, week, "濛桥村水渠堵塞");
        var second = await app.AddLateCaseAsync(mengqiao, week, "濛桥村路面塌陷");
        await app.AddLateCaseAsync(kenong, week, "客弄村路灯不亮");
        using (var set = await SetAsync(admin, mengqiao, 1600))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        using (var cleared = await SetAsync(admin, kenong, null))
        {
            Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        }

        object[] indicators =
        [
            new { name = "每千人事件数", dimension = "Results", weight = 100, direction = "LowerIsBetter", normalisation = "MinMax", source = "Computed", sourceCode = "cases.per-1000", missing = "ZeroPoints" },
        ];
        var contest = await CreateAsync(admin, await app.RegionIdAsync(Places.Daqiaotou), Weekly("千人事件", [mengqiao, kenong], indicators));

        var sheet = await ComputeAsync(admin, contest, week);

        var m = sheet.Row(mengqiao).GetProperty("cells")[0];
        Assert.Equal(1.25m, m.GetProperty("raw").GetDecimal());
        Assert.Equal(2, m.GetProperty("recordCount").GetInt32());
        Assert.Equal([first, second], await RecordsBehindAsync(admin, contest, sheet, mengqiao, kenong, "每千人事件数"));
        var k = sheet.Row(kenong).GetProperty("cells")[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, k.GetProperty("raw").ValueKind);
        Assert.Equal(0m, k.GetProperty("points").GetDecimal());
        Assert.Contains((await admin.GetJsonAsync("/api/contests/sources")).EnumerateArray(), s => s.GetProperty("code").GetString() == "cases.per-1000"
            && s.GetProperty("direction").GetString() == nameof(Direction.LowerIsBetter));
    }
}
