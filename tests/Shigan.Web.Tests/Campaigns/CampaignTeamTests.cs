using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Audit;
using Shigan.Testing;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Support.CampaignCalls;

namespace Shigan.Web.Tests.Campaigns;

/// <summary>
/// A campaign's teams: members added and taken off one at a time, whole buildings (or single households) handed to a
/// team in one command that changes all or nothing, each change audited; another township's manager finds nothing.
/// </summary>
public sealed class CampaignTeamTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private async Task<(HttpClient Staff, int Campaign, int Team)> TeamAsync(string name)
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var campaign = await staff.CreateHousingAsync(name, await app.RegionIdAsync(Places.Qiuchuan));
        using (var import = await staff.ImportAsync(campaign, Sheet(
        [
            Household("老街小区", "1幢", "1单元", "101", "王建国"),
            Household("老街小区", "1幢", "1单元", "102", "李美华"),
            Household("老街小区", "2幢", "1单元", "101", "张志强"),
            Household("老街小区", "3幢", "1单元", "101", "赵卫东"),
        ])))
        {
            await import.JsonAsync(HttpStatusCode.OK);
        }

        using var created = await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/teams", new { name = "一组", unitId = await app.RegionIdAsync(Places.Qiuchuan) });
        return (staff, campaign, (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32());
    }

    private Task<long> IdOfAsync(int campaign, string key) =>
        app.WithDbAsync(db => db.CampaignTargets.Where(t => t.CampaignId == campaign && t.Key == key).Select(t => t.Id).SingleAsync());

    private Task<List<string>> KeysOfTeamAsync(int campaign, int team) =>
        app.WithDbAsync(db => db.CampaignTargets.Where(t => t.CampaignId == campaign && t.TeamId == team && t.Level == Core.Campaigns.TargetLevel.Household)
            .OrderBy(t => t.Key).Select(t => t.Key).ToListAsync());

    private static List<string?> Members(JsonElement team) => [.. team.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString())];

    [Fact]
    public async Task Members_join_one_at_a_time_and_one_taken_off_leaves_the_others_and_the_audit_records_it()
    {
        var (staff, campaign, team) = await TeamAsync("成员增减");
        await staff.PostOkAsync($"/api/campaigns/{campaign}/teams/{team}/members", new { userName = "qiuchuan.officer" });
        var two = await staff.PostOkAsync($"/api/campaigns/{campaign}/teams/{team}/members", new { name = "村干部老周" });
        Assert.Equal(2, Members(two).Count);
        var officer = two.GetProperty("members").EnumerateArray().First(m => m.GetProperty("hasAccount").GetBoolean()).GetProperty("id").GetInt32();

        using var removed = await staff.DeleteAsync($"/api/campaigns/{campaign}/teams/{team}/members/{officer}");

        Assert.Equal(["村干部老周"], Members(await removed.JsonAsync(HttpStatusCode.OK)));
        var teams = await staff.GetJsonAsync($"/api/campaigns/{campaign}/teams");
        Assert.Equal(["村干部老周"], Members(teams.EnumerateArray().Single()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.EntityType == "CampaignTeamMember" && a.EntityId == officer.ToString(CultureInfo.InvariantCulture) && a.Action == AuditAction.Deleted)));

        // The same member again, or one of another team: not there.
        using var again = await staff.DeleteAsync($"/api/campaigns/{campaign}/teams/{team}/members/{officer}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task A_building_and_a_household_go_to_a_team_in_one_command_and_the_team_counts_them()
    {
        var (staff, campaign, team) = await TeamAsync("整幢分配");
        var building = await IdOfAsync(campaign, "老街小区/1幢");
        var household = await IdOfAsync(campaign, "老街小区/3幢/1单元101");

        using var response = await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/teams/{team}/targets", new { targetIds = new[] { building, household } });

        Assert.Equal("一组", (await response.JsonAsync(HttpStatusCode.OK)).GetProperty("name").GetString());
        Assert.Equal(["老街小区/1幢/1单元101", "老街小区/1幢/1单元102", "老街小区/3幢/1单元101"], await KeysOfTeamAsync(campaign, team));
        var ranked = (await staff.OverviewAsync(campaign)).GetProperty("teams").EnumerateArray().Single();
        Assert.Equal(("一组", 3), (ranked.GetProperty("name").GetString(), ranked.GetProperty("total").GetInt32()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.EntityType == "CampaignTarget" && a.EntityId == household.ToString(CultureInfo.InvariantCulture) && a.Action == AuditAction.Updated)));
    }

    [Fact]
    public async Task One_wrong_target_in_the_list_changes_nothing_and_says_why()
    {
        var (staff, campaign, team) = await TeamAsync("整幢分配有误");
        var building = await IdOfAsync(campaign, "老街小区/2幢");

        using var unknown = await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/teams/{team}/targets", new { targetIds = new[] { building, 999_999_999L } });
        var problem = await unknown.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["对象不存在"], problem.Errors()["targetIds"]);
        using var none = await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/teams/{team}/targets", new { targetIds = Array.Empty<long>() });
        Assert.Equal(["请选择楼幢或住户"], (await none.JsonAsync(HttpStatusCode.BadRequest)).Errors()["targetIds"]);
        using var noTeam = await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/teams/999999/targets", new { targetIds = new[] { building } });
        Assert.Equal(HttpStatusCode.NotFound, noTeam.StatusCode);

        Assert.Empty(await KeysOfTeamAsync(campaign, team));
    }

    [Fact]
    public async Task A_team_takes_only_targets_of_its_own_township_and_another_townships_manager_finds_nothing()
    {
        var admin = await app.SessionAsync("admin");
        var qiuchuan = await app.RegionIdAsync(Places.Qiuchuan);
        var campaign = await admin.CreateHousingAsync("两乡镇分组", qiuchuan, await app.RegionIdAsync(Places.Daqiaotou));
        var rows = new[] { Household("球川小区", "1幢", "1单元", "101"), Household("濛桥小区", "1幢", "1单元", "101") };
        (rows[0]["乡镇"], rows[1]["乡镇"]) = ("球川镇", "大桥头乡");
        using (var import = await admin.ImportAsync(campaign, Sheet(rows)))
        {
            await import.JsonAsync(HttpStatusCode.OK);
        }

        using var created = await admin.PostAsJsonAsync($"/api/campaigns/{campaign}/teams", new { name = "球川组", unitId = qiuchuan });
        var team = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var foreignBuilding = await IdOfAsync(campaign, "濛桥小区/1幢");

        using var elsewhere = await admin.PostAsJsonAsync($"/api/campaigns/{campaign}/teams/{team}/targets", new { targetIds = new[] { foreignBuilding } });
        Assert.Equal(["对象不在该工作组所属乡镇"], (await elsewhere.JsonAsync(HttpStatusCode.BadRequest)).Errors()["targetIds"]);
        using var one = await admin.PutAsJsonAsync($"/api/campaigns/{campaign}/targets/{await IdOfAsync(campaign, "濛桥小区/1幢/1单元101")}/team", new { teamId = team });
        Assert.Equal(["对象不在该工作组所属乡镇"], (await one.JsonAsync(HttpStatusCode.BadRequest)).Errors()["teamId"]);
        Assert.Empty(await KeysOfTeamAsync(campaign, team));

        // 大桥头乡's own campaign: 球川镇's staff neither assign in it nor take members off its teams.
        var daqiaotou = await admin.CreateHousingAsync("大桥头乡分组", await app.RegionIdAsync(Places.Daqiaotou));
        using (var import = await admin.ImportAsync(daqiaotou, Sheet([Household("濛桥小区", "2幢", "1单元", "101")])))
        {
            await import.JsonAsync(HttpStatusCode.OK);
        }

        using var theirs = await admin.PostAsJsonAsync($"/api/campaigns/{daqiaotou}/teams", new { name = "濛桥组", unitId = await app.RegionIdAsync(Places.Daqiaotou) });
        var theirTeam = (await theirs.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var member = (await admin.PostOkAsync($"/api/campaigns/{daqiaotou}/teams/{theirTeam}/members", new { name = "老王" }))
            .GetProperty("members")[0].GetProperty("id").GetInt32();
        var staff = await app.SessionAsync("qiuchuan.staff");
        using var assign = await staff.PostAsJsonAsync($"/api/campaigns/{daqiaotou}/teams/{theirTeam}/targets", new { targetIds = new[] { await IdOfAsync(daqiaotou, "濛桥小区/2幢") } });
        using var remove = await staff.DeleteAsync($"/api/campaigns/{daqiaotou}/teams/{theirTeam}/members/{member}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (assign.StatusCode, remove.StatusCode));
        Assert.Empty(await KeysOfTeamAsync(daqiaotou, theirTeam));
        Assert.Equal(1, await app.WithDbAsync(db => db.CampaignTeamMembers.CountAsync(m => m.TeamId == theirTeam)));
    }

    [Fact]
    public async Task A_village_cadres_account_is_refused_with_the_way_to_add_them_and_a_county_account_joins()
    {
        var admin = await app.SessionAsync("admin");
        var campaign = await admin.CreateHousingAsync("村干部入组", await app.RegionIdAsync(Places.Daqiaotou));
        using var created = await admin.PostAsJsonAsync($"/api/campaigns/{campaign}/teams", new { name = "濛桥组", unitId = await app.RegionIdAsync(Places.Daqiaotou) });
        var team = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();

        // 濛桥村's cadre would see none of the township's households: joined by name, not by account.
        using var cadre = await admin.PostAsJsonAsync($"/api/campaigns/{campaign}/teams/{team}/members", new { userName = "mengqiao.cadre" });
        Assert.Equal(["该账号只能看到本村，看不到本工作组的对象；村干部请按姓名加入"], (await cadre.JsonAsync(HttpStatusCode.BadRequest)).Errors()["userName"]);
        // Another township's account reads as missing; the county's own account (sent down) joins.
        using var other = await admin.PostAsJsonAsync($"/api/campaigns/{campaign}/teams/{team}/members", new { userName = "qiuchuan.officer" });
        Assert.Equal(["该乡镇没有这个账号"], (await other.JsonAsync(HttpStatusCode.BadRequest)).Errors()["userName"]);
        var joined = await admin.PostOkAsync($"/api/campaigns/{campaign}/teams/{team}/members", new { userName = "admin" });
        var byName = await admin.PostOkAsync($"/api/campaigns/{campaign}/teams/{team}/members", new { name = "濛桥村 姜平" });

        Assert.Single(joined.GetProperty("members").EnumerateArray(), m => m.GetProperty("hasAccount").GetBoolean());
        Assert.Equal(2, Members(byName).Count);
    }
}
