using System.Net;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Data.Cases;
using Shigan.Testing;
using Shigan.Web.Tests.Cases.Open311;
using Shigan.Web.Tests.Contests;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Dashboard;

/// <summary>
/// The dashboard's counters are kept in the same transaction as each change of a case: after every kind of change
/// (a report at the window, an Open311 report through the group commit, status moves, reopening, a split and its
/// children's end, a merge, a refusal) they equal a fresh GROUP BY over the cases.
/// </summary>
public sealed class CaseCounterTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private async Task AssertCountersEqualCasesAsync(string after)
    {
        var (expected, counted, expectedDays, countedDays) = await app.WithDbAsync(async db =>
        {
            var groups = await db.Cases.IgnoreQueryFilters().GroupBy(c => new { c.RegionPath, c.Platform, c.Status })
                .Select(g => new { g.Key.RegionPath, g.Key.Platform, g.Key.Status, Count = g.LongCount() }).ToListAsync();
            var expected = groups.GroupBy(g => $"{CaseCounters.TownshipOf(g.RegionPath)} {g.Platform} {g.Status}")
                .Select(g => $"{g.Key} {g.Sum(x => x.Count)}").Order(StringComparer.Ordinal).ToList();
            var counted = (await db.CaseCounts.AsNoTracking().Where(c => c.Count != 0).ToListAsync())
                .Select(c => $"{c.TownshipPath} {c.Platform} {c.Status} {c.Count}").Order(StringComparer.Ordinal).ToList();
            var reported = await db.Cases.IgnoreQueryFilters().Select(c => new { c.RegionPath, c.ReportedAtUtc }).ToListAsync();
            var expectedDays = reported.GroupBy(c => $"{ChinaTime.DateOf(new DateTimeOffset(c.ReportedAtUtc, TimeSpan.Zero)):yyyy-MM-dd} {CaseCounters.TownshipOf(c.RegionPath)}")
                .Select(g => $"{g.Key} {g.Count()}").Order(StringComparer.Ordinal).ToList();
            var countedDays = (await db.CaseDayCounts.AsNoTracking().Where(c => c.Count != 0).ToListAsync())
                .Select(c => $"{c.Day:yyyy-MM-dd} {c.TownshipPath} {c.Count}").Order(StringComparer.Ordinal).ToList();
            return (expected, counted, expectedDays, countedDays);
        });
        Assert.True(expected.SequenceEqual(counted), $"after {after}: counters\n{string.Join("\n", counted)}\nbut the cases give\n{string.Join("\n", expected)}");
        Assert.True(expectedDays.SequenceEqual(countedDays), $"after {after}: day counters\n{string.Join("\n", countedDays)}\nbut the cases give\n{string.Join("\n", expectedDays)}");
    }

    [Fact]
    public async Task After_every_kind_of_change_the_counters_equal_a_fresh_count_of_the_cases()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var officer = await app.SessionAsync("qiuchuan.officer");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);

        var first = await window.ReportIdAsync(CaseCalls.Report(village));
        await AssertCountersEqualCasesAsync("a report at the window");

        var (_, key) = await app.IssueKeyAsync("计数测试");
        var code = await app.WithDbAsync(db => db.Regions.Where(r => r.Id == village).Select(r => r.Code).SingleAsync());
        await app.Anonymous().FileAsync(Open311Calls.Form(key, code));
        await AssertCountersEqualCasesAsync("an Open311 report");

        await officer.ActAsync(first, "Start");
        await AssertCountersEqualCasesAsync("start");
        await officer.ActAsync(first, "Resolve", new { note = "已下架变质猪肉" });
        await AssertCountersEqualCasesAsync("resolve");
        await officer.ActAsync(first, "Reopen", new { reason = "群众反映仍在出售" });
        await AssertCountersEqualCasesAsync("reopen");

        var parent = await window.ReportIdAsync(CaseCalls.Report(village, description: "市场东门占道经营并出售过期食品"));
        var market = await app.DepartmentIdAsync(Places.Qiuchuan, "市场监管所");
        var enforcement = await app.DepartmentIdAsync(Places.Qiuchuan, "综合执法中队");
        var version = (await officer.CaseAsync(parent)).GetProperty("version").GetInt32();
        using (var split = await officer.SendJsonAsync(HttpMethod.Post, $"/api/cases/{parent}/split", new
        {
            version,
            parts = new object[]
            {
                new { departmentId = market, description = "查处过期食品" },
                new { departmentId = enforcement, description = "清理占道经营", categoryCode = "ZF02" },
            },
        }))
        {
            var children = (await split.JsonAsync(HttpStatusCode.OK)).GetProperty("children").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToList();
            await AssertCountersEqualCasesAsync("a split");
            foreach (var child in children)
            {
                await officer.ActAsync(child, "Start");
                await officer.ActAsync(child, "Resolve", new { note = "已处理" });
            }
        }

        Assert.Equal("Resolved", (await officer.CaseAsync(parent)).Status());
        await AssertCountersEqualCasesAsync("the split's children done (the parent resolved by the system)");

        var duplicate = await window.ReportIdAsync(CaseCalls.Report(village, description: "菜市场有人卖变质猪肉"));
        var survivor = (await officer.CaseAsync(first)).GetProperty("trackingNumber").GetString();
        await officer.ActAsync(duplicate, "Merge", new { mergeInto = survivor, note = "同一摊位" });
        await AssertCountersEqualCasesAsync("a merge");

        await app.AddLateCaseAsync(await app.RegionIdAsync(Places.Mengqiao), ContestCalls.LastWeek, "濛桥村路灯不亮");
        await AssertCountersEqualCasesAsync("a case of another township written as the system");
    }
}
