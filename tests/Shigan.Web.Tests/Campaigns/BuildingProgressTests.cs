using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;
using Shigan.Testing;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Support.CampaignCalls;

namespace Shigan.Web.Tests.Campaigns;

/// <summary>
/// The campaign page lists its buildings a page at a time (GET /api/campaigns/{id}/groups) and shows the furthest
/// behind with the figures: page after page they must be the households counted afresh, building by building, and
/// only those of the caller's townships.
/// </summary>
public sealed class BuildingProgressTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task The_buildings_page_by_page_equal_a_fresh_count_and_a_township_sees_only_its_own()
    {
        var admin = await app.SessionAsync("admin");
        var campaign = await admin.CreateHousingAsync("楼幢分页", await app.RegionIdAsync(Places.Qiuchuan), await app.RegionIdAsync(Places.Daqiaotou));
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Dictionary<string, object?> At(string township, string compound, string building, string room, string? stage)
        {
            var row = Household(compound, building, "1单元", room, "户主" + room, null, 3, 50, stage, stage is null ? null : day);
            row["乡镇"] = township;
            return row;
        }

        using (var import = await admin.ImportAsync(campaign, Sheet(
        [
            At("球川镇", "东园", "1幢", "101", "告知"), At("球川镇", "东园", "1幢", "102", "签约"), At("球川镇", "东园", "1幢", "103", null),
            At("球川镇", "东园", "2幢", "201", "腾空"), At("球川镇", "东园", "2幢", "202", "交钥匙"),
            At("球川镇", "西园", "1幢", "101", "腾空"),
            At("球川镇", "西园", "2幢", "201", null), At("球川镇", "西园", "2幢", "202", null),
            At("大桥头乡", "濛桥小区", "1幢", "101", "签约"), At("大桥头乡", "濛桥小区", "1幢", "102", null),
        ])))
        {
            await import.JsonAsync(HttpStatusCode.OK);
        }

        var fresh = await FreshAsync(campaign);
        var listed = await AllPagesAsync(admin, campaign, "sheet");
        Assert.Equal(fresh.OrderBy(r => r, StringComparer.Ordinal), listed.Select(Row).OrderBy(r => r, StringComparer.Ordinal));
        Assert.Equal(5, listed.Count);

        // Furthest behind first, and the overview's few are that order's first page.
        var behind = await AllPagesAsync(admin, campaign, "behind");
        Assert.Equal(["西园 2幢", "东园 1幢", "濛桥小区 1幢", "东园 2幢", "西园 1幢"], behind.Select(Name));
        var overview = await admin.OverviewAsync(campaign);
        Assert.Equal(5, overview.GetProperty("buildings").GetInt32());
        Assert.Equal(behind.Select(Name), overview.GetProperty("behind").EnumerateArray().Select(Name));

        // qiuchuan.staff: 大桥头乡's building is neither listed nor counted.
        var staff = await app.SessionAsync("qiuchuan.staff");
        var own = await AllPagesAsync(staff, campaign, "ahead");
        Assert.Equal(["西园 1幢", "东园 2幢", "东园 1幢", "西园 2幢"], own.Select(Name));
        Assert.Equal(4, (await staff.OverviewAsync(campaign)).GetProperty("buildings").GetInt32());
        Assert.Equal(fresh.Where(r => !r.StartsWith("濛桥", StringComparison.Ordinal)).OrderBy(r => r, StringComparer.Ordinal),
            own.Select(Row).OrderBy(r => r, StringComparer.Ordinal));

        using var wrong = await admin.GetAsync($"/api/campaigns/{campaign}/groups?sort=fastest");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.ProblemAsync()).GetProperty("errors").TryGetProperty("sort", out _));
    }

    private static string Name(JsonElement row) => row.GetProperty("name").GetString()!;

    // A building as the table shows it: name, households, and how many stand at each stage or beyond.
    private static string Row(JsonElement row) =>
        $"{Name(row)}:{row.GetProperty("total").GetInt32()}:{string.Join(',', row.GetProperty("reached").EnumerateArray().Select(c => c.GetInt32()))}";

    // Two a page, so that the paging itself is crossed.
    private static async Task<List<JsonElement>> AllPagesAsync(HttpClient client, int campaign, string sort)
    {
        var rows = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var answer = await client.GetJsonAsync($"/api/campaigns/{campaign}/groups?sort={sort}&page={page}&pageSize=2");
            var items = answer.GetProperty("items").EnumerateArray().ToList();
            rows.AddRange(items);
            if (items.Count == 0 || rows.Count >= answer.GetProperty("total").GetInt32())
            {
                return rows;
            }
        }
    }

    // The households grouped afresh by building, as the full table would count them.
    private async Task<List<string>> FreshAsync(int campaign) => await app.WithDbAsync(async db =>
    {
        var targets = await db.CampaignTargets.IgnoreQueryFilters().AsNoTracking().Where(t => t.CampaignId == campaign).ToListAsync();
        var byId = targets.ToDictionary(t => t.Id);
        return targets.Where(t => t.Level == TargetLevel.Household).GroupBy(t => t.ParentId!.Value).Select(g =>
        {
            var building = byId[g.Key];
            var name = $"{byId[building.ParentId!.Value].Name} {building.Name}";
            return $"{name}:{g.Count()}:{string.Join(',', Enumerable.Range(1, 4).Select(s => g.Count(t => t.Stage >= s)))}";
        }).ToList();
    });
}
