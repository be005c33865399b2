using System.Net;
using System.Net.Http.Json;
using Shigan.Testing;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Support.CampaignCalls;

namespace Shigan.Web.Tests.Campaigns;

/// <summary>
/// A custom campaign chooses how its targets are grouped (buildings, hamlets, river sections) when it is set up; its
/// sheet then has that layout's columns. A template brings its own layout and keeps it.
/// </summary>
public sealed class CustomLayoutTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private static readonly string[] RiverStages = ["巡查", "清理", "复查"];
    private static readonly string[] TwoStages = ["登记", "完成"];

    [Fact]
    public async Task A_custom_campaign_of_river_sections_imports_a_sheet_of_rivers_and_sections()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var create = await staff.PostAsJsonAsync("/api/campaigns", new
        {
            name = "球川河道保洁",
            template = "Custom",
            layout = "Rivers",
            stages = RiverStages,
            regionIds = new[] { await app.RegionIdAsync(Places.Qiuchuan) },
            startDate = today.AddDays(-3),
            targetDate = today.AddDays(30),
        });
        var created = await create.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Rivers", created.GetProperty("layout").GetString());
        var campaign = created.GetProperty("id").GetInt32();

        // A housing sheet is refused by the columns it lacks; a sheet of rivers and sections is taken.
        using (var wrong = await staff.ImportAsync(campaign, Sheet([Household("老街小区", "1幢", "1单元", "101")])))
        {
            var problem = await wrong.ProblemAsync();
            Assert.Contains(problem.Errors()["file"], e => e.Contains("河道", StringComparison.Ordinal));
        }

        using (var import = await staff.ImportAsync(campaign, Sheet([Section("常山港", "球川段一", "清理"), Section("常山港", "球川段二", null), Section("球川溪", "上游段", "巡查")])))
        {
            Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        }

        var overview = await staff.OverviewAsync(campaign);
        Assert.Equal(3, overview.GetProperty("total").GetInt32());
        Assert.Equal(["常山港", "球川溪"], (await staff.GroupNamesAsync(campaign)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_template_keeps_its_own_layout_and_a_custom_campaign_without_one_groups_households_in_buildings()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var township = await app.RegionIdAsync(Places.Qiuchuan);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        using var refused = await staff.PostAsJsonAsync("/api/campaigns", new
        {
            name = "厕所改河道",
            template = "ToiletRevolution",
            layout = "Rivers",
            regionIds = new[] { township },
            startDate = today,
            targetDate = today.AddDays(30),
        });
        Assert.Equal(["该类型的对象层级已定"], (await refused.ProblemAsync()).Errors()["layout"]);

        using var custom = await staff.PostAsJsonAsync("/api/campaigns", new
        {
            name = "球川自定义行动",
            template = "Custom",
            stages = TwoStages,
            regionIds = new[] { township },
            startDate = today,
            targetDate = today.AddDays(30),
        });
        Assert.Equal("Buildings", (await custom.JsonAsync(HttpStatusCode.Created)).GetProperty("layout").GetString());
    }

    private static Dictionary<string, object?> Section(string river, string section, string? stage) =>
        new(StringComparer.Ordinal) { ["乡镇"] = "球川镇", ["河道"] = river, ["河段"] = section, ["阶段"] = stage };
}
