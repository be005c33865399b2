using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Testing;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Support.CampaignCalls;

namespace Shigan.Web.Tests.Campaigns;

/// <summary>
/// Work on a target: visits (with the stage they reached), forward moves by anyone on the ground, moves back only by
/// a campaign manager with a reason, every move in the target's history; teams and "my targets first"; and the unit
/// scope: nobody sees or touches another township's targets.
/// </summary>
public sealed class CampaignWorkTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private async Task<(HttpClient Staff, int Campaign)> ImportedAsync(string name)
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var campaign = await staff.CreateHousingAsync(name, await app.RegionIdAsync(Places.Qiuchuan));
        using var import = await staff.ImportAsync(campaign, Sheet(
        [
            Household("老街小区", "1幢", "1单元", "101", "王建国", "13800001111", 4, 56),
            Household("老街小区", "1幢", "1单元", "102", "李美华", "13800002222", 3, 48),
            Household("老街小区", "2幢", "1单元", "101", "张志强", "13800003333", 5, 62),
        ]));
        await import.JsonAsync(HttpStatusCode.OK);
        return (staff, campaign);
    }

    [Fact]
    public async Task A_visit_that_reached_a_stage_moves_the_household_and_both_show_in_its_history()
    {
        var (staff, campaign) = await ImportedAsync("走访推进");
        var officer = await app.SessionAsync("qiuchuan.officer");
        var target = await officer.TargetAsync(campaign, "老街小区/1幢/1单元101");
        var id = target.GetProperty("id").GetInt64();

        using var response = await officer.PostAsJsonAsync($"/api/campaigns/{campaign}/targets/{id}/visits",
            new { place = "Shop", outcome = "在菜场摊位讲解政策，户主同意签约", nextStep = "周五交钥匙", stageReached = 2 });
        var detail = await response.JsonAsync(HttpStatusCode.OK);

        Assert.Equal("签约", detail.GetProperty("target").GetProperty("stageName").GetString());
        var move = Assert.Single(detail.GetProperty("history").EnumerateArray());
        Assert.Equal(("未开始", "签约", "Forward"), (move.GetProperty("fromName").GetString(), move.GetProperty("toName").GetString(), move.GetProperty("kind").GetString()));
        var visit = Assert.Single(detail.GetProperty("visits").EnumerateArray());
        Assert.Equal("Shop", visit.GetProperty("place").GetString());
        Assert.Equal("周五交钥匙", visit.GetProperty("nextStep").GetString());
        Assert.Equal([1, 1, 0, 0], (await staff.OverviewAsync(campaign)).GetProperty("reached").EnumerateArray().Select(c => c.GetInt32()));
    }

    [Fact]
    public async Task A_visit_without_an_outcome_or_with_a_stage_behind_the_current_one_is_refused_and_changes_nothing()
    {
        var (_, campaign) = await ImportedAsync("走访有误");
        var officer = await app.SessionAsync("qiuchuan.officer");
        var id = (await officer.TargetAsync(campaign, "老街小区/1幢/1单元102")).GetProperty("id").GetInt64();
        using (var signed = await officer.PostAsJsonAsync($"/api/campaigns/{campaign}/targets/{id}/stage", new { stage = 2 }))
        {
            await signed.JsonAsync(HttpStatusCode.OK);
        }

        using var empty = await officer.PostAsJsonAsync($"/api/campaigns/{campaign}/targets/{id}/visits", new { place = "Home", outcome = " " });
        Assert.Contains("outcome", (await empty.ProblemAsync()).Errors().Keys);
        using var back = await officer.PostAsJsonAsync($"/api/campaigns/{campaign}/targets/{id}/visits", new { place = "Home", outcome = "回访", stageReached = 1 });
        Assert.Equal(["阶段只能前进"], (await back.ProblemAsync()).Errors()["stageReached"]);

        Assert.Equal(0, await app.WithDbAsync(db => db.CampaignVisits.CountAsync(v => v.TargetId == id)));
        Assert.Equal("签约", (await officer.TargetAsync(campaign, "老街小区/1幢/1单元102")).GetProperty("stageName").GetString());
    }

    [Fact]
    public async Task Only_a_campaign_manager_takes_a_household_back_a_stage_and_only_with_a_reason()
    {
        var (staff, campaign) = await ImportedAsync("阶段回退");
        var officer = await app.SessionAsync("qiuchuan.officer");
        var id = (await officer.TargetAsync(campaign, "老街小区/2幢/1单元101")).GetProperty("id").GetInt64();
        var url = $"/api/campaigns/{campaign}/targets/{id}/stage";
        using (var forward = await officer.PostAsJsonAsync(url, new { stage = 3 }))
        {
            await forward.JsonAsync(HttpStatusCode.OK);
        }

        using (var byOfficer = await officer.PostAsJsonAsync(url, new { stage = 1, reason = "录错了" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        }

        using (var noReason = await staff.PostAsJsonAsync(url, new { stage = 1 }))
        {
            Assert.Equal(["回退阶段须说明原因"], (await noReason.ProblemAsync()).Errors()["stage"]);
        }

        using var reversed = await staff.PostAsJsonAsync(url, new { stage = 1, reason = "交钥匙录错了户" });
        var detail = await reversed.JsonAsync(HttpStatusCode.OK);

        Assert.Equal("告知", detail.GetProperty("target").GetProperty("stageName").GetString());
        var last = detail.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("Reversal", "交钥匙录错了户"), (last.GetProperty("kind").GetString(), last.GetProperty("reason").GetString()));
        Assert.Equal(2, detail.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task A_team_members_own_targets_come_first_and_mine_lists_only_them()
    {
        var (staff, campaign) = await ImportedAsync("我的对象");
        var unit = await app.RegionIdAsync(Places.Qiuchuan);
        using var created = await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/teams", new { name = "二幢工作组", unitId = unit });
        var team = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        using (var added = await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/teams/{team}/members", new { userName = "qiuchuan.officer" }))
        {
            await added.JsonAsync(HttpStatusCode.OK);
        }

        // The building is assigned; its household goes with it.
        var building = await app.WithDbAsync(db => db.CampaignTargets.Where(t => t.CampaignId == campaign && t.Key == "老街小区/2幢").Select(t => t.Id).SingleAsync());
        using (var assigned = await staff.PutAsJsonAsync($"/api/campaigns/{campaign}/targets/{building}/team", new { teamId = team }))
        {
            await assigned.JsonAsync(HttpStatusCode.OK);
        }

        var officer = await app.SessionAsync("qiuchuan.officer");
        var all = await officer.TargetsAsync(campaign);
        Assert.Equal("老街小区/2幢/1单元101", all[0].GetProperty("key").GetString());
        Assert.True(all[0].GetProperty("mine").GetBoolean());
        var mine = await officer.TargetsAsync(campaign, "&mine=true");
        Assert.Equal(["老街小区/2幢/1单元101"], mine.Select(t => t.GetProperty("key").GetString()));
        Assert.Equal("二幢工作组", (await staff.OverviewAsync(campaign)).GetProperty("teams")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Owners_are_masked_for_village_cadres_and_judges_cannot_record_visits()
    {
        var admin = await app.SessionAsync("admin");
        var campaign = await admin.CreateHousingAsync("濛桥危房改造", await app.RegionIdAsync(Places.Daqiaotou));
        using (var import = await admin.ImportAsync(campaign, Sheet([Household("濛桥小区", "1幢", "1单元", "101", "王建国", "13800001111", 4, 56)])))
        {
            await import.JsonAsync(HttpStatusCode.OK);
        }

        var target = await admin.TargetAsync(campaign, "濛桥小区/1幢/1单元101");
        Assert.Equal("王建国", target.GetProperty("owner").GetString());
        var judge = await app.SessionAsync("judge");
        var seen = await judge.TargetAsync(campaign, "濛桥小区/1幢/1单元101");
        Assert.Equal(("王**", "138****1111"), (seen.GetProperty("owner").GetString(), seen.GetProperty("phone").GetString()));
        using var visit = await judge.PostAsJsonAsync($"/api/campaigns/{campaign}/targets/{target.GetProperty("id").GetInt64()}/visits", new { place = "Home", outcome = "评委走访" });
        Assert.Equal(HttpStatusCode.Forbidden, visit.StatusCode);
    }

    [Fact]
    public async Task In_a_campaign_over_two_townships_each_township_sees_and_changes_only_its_own_households()
    {
        var admin = await app.SessionAsync("admin");
        var qiuchuan = await app.RegionIdAsync(Places.Qiuchuan);
        var daqiaotou = await app.RegionIdAsync(Places.Daqiaotou);
        var campaign = await admin.CreateHousingAsync("两乡镇联合行动", qiuchuan, daqiaotou);
        var rows = new[]
        {
            Household("球川小区", "1幢", "1单元", "101", "王建国"),
            Household("濛桥小区", "1幢", "1单元", "101", "李美华"),
        };
        rows[0]["乡镇"] = "球川镇";
        rows[1]["乡镇"] = "大桥头乡";
        using (var import = await admin.ImportAsync(campaign, Sheet(rows)))
        {
            await import.JsonAsync(HttpStatusCode.OK);
        }

        var staff = await app.SessionAsync("qiuchuan.staff");
        var seen = await staff.TargetsAsync(campaign);
        Assert.Equal(["球川小区/1幢/1单元101"], seen.Select(t => t.GetProperty("key").GetString()));
        Assert.Equal(1, (await staff.OverviewAsync(campaign)).GetProperty("total").GetInt32());

        // 大桥头乡's household: hidden to read and to change, as if it did not exist.
        var foreign = await app.WithDbAsync(db => db.CampaignTargets.Where(t => t.CampaignId == campaign && t.Key == "濛桥小区/1幢/1单元101").Select(t => t.Id).SingleAsync());
        using (var read = await staff.GetAsync($"/api/campaigns/{campaign}/targets/{foreign}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }

        using (var move = await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/targets/{foreign}/stage", new { stage = 2 }))
        {
            Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        }

        // A sheet row of the other township is refused, and so is a key that belongs to it.
        rows[0]["乡镇"] = "大桥头乡";
        using var refused = await staff.ImportAsync(campaign, Sheet([rows[0]]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains((await refused.ProblemAsync()).Rows(), r => r is { Row: 2, Column: "乡镇" });
        Assert.Equal(0, await app.WithDbAsync(db => db.StageMoves.CountAsync(m => m.TargetId == foreign)));
    }

    [Fact]
    public async Task A_township_cannot_see_or_set_up_a_campaign_of_another_township()
    {
        var admin = await app.SessionAsync("admin");
        var campaign = await admin.CreateHousingAsync("大桥头乡治危", await app.RegionIdAsync(Places.Daqiaotou));
        var staff = await app.SessionAsync("qiuchuan.staff");

        Assert.DoesNotContain((await staff.GetJsonAsync("/api/campaigns")).Items(), c => c.GetProperty("id").GetInt32() == campaign);
        using (var read = await staff.GetAsync($"/api/campaigns/{campaign}/overview"))
        {
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }

        using var create = await staff.PostAsJsonAsync("/api/campaigns", new
        {
            name = "越权行动",
            template = "DilapidatedHousing",
            regionIds = new[] { await app.RegionIdAsync(Places.Daqiaotou) },
            startDate = "2026-11-01",
            targetDate = "2026-12-01",
        });
        Assert.Contains("regionIds", (await create.ProblemAsync()).Errors().Keys);
    }
}
