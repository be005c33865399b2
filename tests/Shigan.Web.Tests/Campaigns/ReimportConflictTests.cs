using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Support.CampaignCalls;

namespace Shigan.Web.Tests.Campaigns;

/// <summary>
/// A re-import writes its households past the change tracker, each checked against the version it was read at: a
/// household someone else changed meanwhile fails the whole import (409), as a save through EF would.
/// </summary>
public sealed class ReimportConflictTests(TransactionHookApp app) : IClassFixture<TransactionHookApp>
{
    [Fact]
    public async Task A_household_changed_by_someone_else_while_a_reimport_runs_fails_it_with_409_and_nothing_of_the_sheet_is_written()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var officer = await app.SessionAsync("qiuchuan.officer");
        var campaign = await staff.CreateHousingAsync("导入时被改", await app.RegionIdAsync(Places.Qiuchuan));
        static byte[] Households(string mark) =>
            Sheet(Enumerable.Range(1, 3).Select(i => Household("冲突小区", "1幢", "1单元", $"{100 + i}", $"户主{mark}{i}", $"1380000{i:0000}", 3, 50)));
        using (var first = await staff.ImportAsync(campaign, Households("甲")))
        {
            await first.JsonAsync(HttpStatusCode.OK);
        }

        var visited = (await staff.TargetAsync(campaign, "冲突小区/1幢/1单元102")).GetProperty("id").GetInt64();
        var staffId = await app.AccountIdAsync("qiuchuan.staff");
        var lastEntry = await app.WithDbAsync(db => db.AuditEntries.MaxAsync(e => e.Id));

        // The officer's visit (签约) lands after the re-import has read the households and before it writes them.
        HttpStatusCode? visit = null;
        app.Hook.Once(async () =>
        {
            using var response = await officer.PostAsJsonAsync(
                $"/api/campaigns/{campaign}/targets/{visited}/visits", new { place = "Home", outcome = "上门讲解政策，户主同意签约", stageReached = 2 });
            visit = response.StatusCode;
        });
        using (var second = await staff.ImportAsync(campaign, Households("乙")))
        {
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        }

        // The visit stands; none of the sheet's new owners is written, nor anything in the importer's name.
        Assert.Equal(HttpStatusCode.OK, visit);
        var households = (await staff.TargetsAsync(campaign)).Where(t => t.GetProperty("key").GetString()!.StartsWith("冲突小区/1幢/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["户主甲1", "户主甲2", "户主甲3"], households.Select(t => t.GetProperty("owner").GetString()).Order());
        Assert.Equal("签约", households.Single(t => t.GetProperty("id").GetInt64() == visited).GetProperty("stageName").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Id > lastEntry && e.ActorId == staffId)));
    }
}
