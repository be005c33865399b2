using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases;

/// <summary>/api/routing-rules and what the rules do to a new case: the smallest area wins, then the category default.</summary>
public sealed class RoutingRuleTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task A_village_rule_routes_that_villages_cases_of_its_category_and_no_other_villages()
    {
        var admin = await app.SessionAsync("admin");
        var window = await app.SessionAsync("qiuchuan.window");
        var (ruled, other) = (await VillageAsync(Places.Qiuchuan, 0), await VillageAsync(Places.Qiuchuan, 1));
        var enforcement = await app.DepartmentIdAsync(Places.Qiuchuan, "综合执法中队");

        var rule = await CreateAsync(admin, "SC02", ruled, enforcement, "该村无证经营由执法中队直接处理");
        Assert.Equal("综合执法中队", rule.GetProperty("departmentName").GetString());
        Assert.True(rule.GetProperty("isActive").GetBoolean());

        var id = (await window.ReportAsync(CaseCalls.Report(ruled, "SC02", "村口无证摆摊"))).GetProperty("id").GetInt64();
        Assert.Equal(enforcement, (await app.StoredCaseAsync(id)).DepartmentId);
        var routed = (await window.CaseAsync(id)).History()[1];
        Assert.Equal(("Routed", "自动分拨", "Rule"), (routed.GetProperty("kind").GetString(), routed.GetProperty("actorName").GetString(), routed.GetProperty("routeBasis").GetString()));
        Assert.Equal(RuleId(rule), routed.GetProperty("note").GetString());
        Assert.Equal("综合执法中队", routed.GetProperty("departmentName").GetString());

        var elsewhere = await app.StoredCaseAsync((await window.ReportAsync(CaseCalls.Report(other, "SC02", "隔壁村无证摆摊"))).GetProperty("id").GetInt64());
        Assert.Equal(await app.DepartmentIdAsync(Places.Qiuchuan, "市场监管所"), elsewhere.DepartmentId);
        Assert.Equal(Core.Cases.RouteBasis.CategoryDefault, elsewhere.Events.Single(e => e.Kind == Core.Cases.CaseEventKind.Routed).RouteBasis);
    }

    [Fact]
    public async Task A_township_rule_beats_the_default_a_village_rule_beats_the_township_rule_and_an_inactive_rule_is_ignored()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var window = await app.SessionAsync("qiuchuan.window");
        var township = await app.RegionIdAsync(Places.Qiuchuan);
        var (village, neighbour) = (await VillageAsync(Places.Qiuchuan, 2), await VillageAsync(Places.Qiuchuan, 3));
        var office = await app.DepartmentIdAsync(Places.Qiuchuan, "综治办");
        var justice = await app.DepartmentIdAsync(Places.Qiuchuan, "司法所");

        var townshipRule = await CreateAsync(staff, "SC03", township, office);
        var villageRule = await CreateAsync(staff, "SC03", village, justice);

        Assert.Equal((office, RuleId(townshipRule)), await RoutedAsync(window, neighbour));
        Assert.Equal((justice, RuleId(villageRule)), await RoutedAsync(window, village));

        using (var off = await staff.SendJsonAsync(HttpMethod.Put, $"/api/routing-rules/{RuleId(villageRule)}", new { departmentId = justice, isActive = false }))
        {
            Assert.False((await off.JsonAsync(HttpStatusCode.OK)).GetProperty("isActive").GetBoolean());
        }

        Assert.Equal((office, RuleId(townshipRule)), await RoutedAsync(window, village));
    }

    [Fact]
    public async Task Bad_rules_are_refused_with_a_field_error_and_create_nothing()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var village = await VillageAsync(Places.Qiuchuan, 4);
        var office = await app.DepartmentIdAsync(Places.Qiuchuan, "综治办");
        var closed = await app.WithDbAsync(async db =>
        {
            var credit = await db.Departments.SingleAsync(d => d.Region!.Code == Places.Qiuchuan && d.Kind == Core.Org.DepartmentKind.ServicePartner);
            credit.IsActive = false;
            await db.SaveChangesAsync();
            return credit.Id;
        });
        var category = await CategoryIdAsync("SC04");
        await CreateAsync(staff, "SC04", village, office);
        var before = await CountAsync();

        var cases = new (object Body, string Field)[]
        {
            (new { categoryId = 999_999, regionId = village, departmentId = office }, "categoryId"),
            (new { categoryId = category, regionId = await app.RegionIdAsync(Places.Mengqiao), departmentId = office }, "regionId"),
            (new { categoryId = category, regionId = await app.RegionIdAsync(Places.County), departmentId = office }, "regionId"),
            (new { categoryId = category, regionId = await VillageAsync(Places.Qiuchuan, 5), departmentId = await app.PoliceStationIdAsync(Places.Daqiaotou) }, "departmentId"),
            (new { categoryId = category, regionId = await VillageAsync(Places.Qiuchuan, 5), departmentId = closed }, "departmentId"),
            (new { categoryId = category, regionId = village, departmentId = office }, "regionId"),
            (new { categoryId = category, regionId = await VillageAsync(Places.Qiuchuan, 5), departmentId = office, note = new string('长', 201) }, "note"),
        };
        foreach (var (body, field) in cases)
        {
            using var response = await staff.SendJsonAsync(HttpMethod.Post, "/api/routing-rules", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, (await response.ProblemAsync()).Errors().Keys);
        }

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Township_staff_neither_see_nor_edit_another_townships_rules_and_a_village_cadre_manages_none()
    {
        var admin = await app.SessionAsync("admin");
        var staff = await app.SessionAsync("qiuchuan.staff");
        var cadre = await app.SessionAsync("mengqiao.cadre");
        var grid = await app.SessionAsync("mengqiao.grid");
        var mengqiao = await app.RegionIdAsync(Places.Mengqiao);
        var justice = await app.DepartmentIdAsync(Places.Daqiaotou, "司法所");
        var foreign = RuleId(await CreateAsync(admin, "ZZ01", mengqiao, justice));

        var list = await staff.GetJsonAsync("/api/routing-rules?pageSize=100");
        Assert.DoesNotContain(list.Items(), r => r.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture) == foreign);
        Assert.Contains((await admin.GetJsonAsync("/api/routing-rules?pageSize=100")).Items(), r => r.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture) == foreign);
        using (var get = await staff.GetAsync(new Uri($"/api/routing-rules/{foreign}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        }

        using (var put = await staff.SendJsonAsync(HttpMethod.Put, $"/api/routing-rules/{foreign}", new { departmentId = justice, isActive = false }))
        {
            Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        }

        Assert.True(await app.WithDbAsync(db => db.CaseRoutingRules.Where(r => r.Id == int.Parse(foreign, CultureInfo.InvariantCulture)).Select(r => r.IsActive).SingleAsync()));

        foreach (var (method, url, body) in new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Get, "/api/routing-rules", null),
            (HttpMethod.Get, $"/api/routing-rules/{foreign}", null),
            (HttpMethod.Post, "/api/routing-rules", new { categoryId = await CategoryIdAsync("ZZ02"), regionId = mengqiao, departmentId = justice }),
            (HttpMethod.Put, $"/api/routing-rules/{foreign}", new { departmentId = justice, isActive = false }),
        })
        {
            using var response = await cadre.SendJsonAsync(method, url, body);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        // The rule applies to a grid worker's report although the grid worker can see neither the rule nor the department.
        var place = await app.RegionIdAsync(Places.Mengqiao + "001");
        var stored = await app.StoredCaseAsync((await grid.ReportAsync(CaseCalls.Report(place, "ZZ01", "两户为宅基地争吵"))).GetProperty("id").GetInt64());
        Assert.Equal(justice, stored.DepartmentId);
        Assert.Equal(foreign, stored.Events.Single(e => e.Kind == Core.Cases.CaseEventKind.Routed).Note);
    }

    [Fact]
    public async Task The_rules_page_lists_the_rules_for_those_who_manage_them_only()
    {
        var admin = await app.SessionAsync("admin");
        var cadre = await app.SessionAsync("mengqiao.cadre");
        await CreateAsync(admin, "ZF05", await VillageAsync(Places.Qiuchuan, 6), await app.DepartmentIdAsync(Places.Qiuchuan, "综合执法中队"));

        var page = await admin.GetStringAsync(new Uri("/routing-rules", UriKind.Relative));
        Assert.Contains("data-test=\"routing-rules-table\"", page, StringComparison.Ordinal);
        Assert.Contains("data-test=\"rule-category-cell\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/routing-rules\"", await admin.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        using var refused = await cadre.GetAsync(new Uri("/routing-rules", UriKind.Relative));
        Assert.DoesNotContain("data-test=\"routing-rules-table\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/routing-rules\"", await cadre.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }

    private async Task<JsonElement> CreateAsync(HttpClient client, string categoryCode, int regionId, int departmentId, string? note = null)
    {
        using var response = await client.SendJsonAsync(
            HttpMethod.Post, "/api/routing-rules", new { categoryId = await CategoryIdAsync(categoryCode), regionId, departmentId, note });
        return await response.JsonAsync(HttpStatusCode.Created);
    }

    private async Task<(int? Department, string? Rule)> RoutedAsync(HttpClient window, int place)
    {
        var stored = await app.StoredCaseAsync((await window.ReportAsync(CaseCalls.Report(place, "SC03", "商店标价与结算价不一致"))).GetProperty("id").GetInt64());
        var routed = stored.Events.Single(e => e.Kind == Core.Cases.CaseEventKind.Routed);
        Assert.Equal(Core.Cases.RouteBasis.Rule, routed.RouteBasis);
        return (stored.DepartmentId, routed.Note);
    }

    private static string RuleId(JsonElement rule) => rule.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture);

    private Task<int> CategoryIdAsync(string code) =>
        app.WithDbAsync(db => db.CaseCategories.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());

    private Task<int> CountAsync() => app.WithDbAsync(db => db.CaseRoutingRules.CountAsync());

    private Task<int> VillageAsync(string townshipCode, int index) =>
        app.WithDbAsync(db => db.Regions.Where(r => r.Parent!.Code == townshipCode).OrderBy(r => r.Code).Select(r => r.Id).Skip(index).FirstAsync());
}
