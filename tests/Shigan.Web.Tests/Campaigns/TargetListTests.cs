using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Testing;
using Shigan.Web.Hosting;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Support.CampaignCalls;

namespace Shigan.Web.Tests.Campaigns;

/// <summary>
/// The households' list as a cadre reads it: each household named so that no two read alike (compound, building and
/// room, not "1幢 1单元101" in every compound), and numbers in names in numeric order, page after page.
/// </summary>
public sealed class TargetListTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task Two_compounds_households_at_1幢_1单元101_are_told_apart_in_the_list_and_in_the_visit_dialog()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var campaign = await staff.CreateHousingAsync("同名楼幢", await app.RegionIdAsync(Places.Qiuchuan));
        using (var import = await staff.ImportAsync(campaign, Sheet(
        [
            Household("老街小区", "1幢", "1单元", "101", "王建国"),
            Household("新街小区", "1幢", "1单元", "101", "李美华"),
        ])))
        {
            await import.JsonAsync(HttpStatusCode.OK);
        }

        var labels = (await staff.TargetsAsync(campaign)).Select(t => $"{t.GetProperty("group").GetString()} {t.GetProperty("name").GetString()}").ToList();
        Assert.Equal(["新街小区 1幢 1单元101", "老街小区 1幢 1单元101"], labels.Order(StringComparer.Ordinal));

        // The dialog's title and the history come with the same name.
        var id = (await staff.TargetAsync(campaign, "老街小区/1幢/1单元101")).GetProperty("id").GetInt64();
        using var visit = await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/targets/{id}/visits", new { place = "Home", outcome = "入户了解情况" });
        Assert.Equal("老街小区 1幢", (await visit.JsonAsync(HttpStatusCode.OK)).GetProperty("target").GetProperty("group").GetString());
    }

    [Fact]
    public async Task Buildings_and_rooms_sort_by_their_numbers_and_the_pages_follow_that_order()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var campaign = await staff.CreateHousingAsync("门牌顺序", await app.RegionIdAsync(Places.Qiuchuan));
        using (var import = await staff.ImportAsync(campaign, Sheet(
        [
            Household("龙头街小区", "10幢", "1单元", "101"),
            Household("龙头街小区", "2幢", "1单元", "1001"),
            Household("龙头街小区", "1幢", "1单元", "1001"),
            Household("龙头街小区", "2幢", "1单元", "901"),
            Household("龙头街小区", "1幢", "1单元", "101"),
            Household("龙头街小区", "19幢", "1单元", "101"),
            Household("龙头街小区", "1幢", "2单元", "101"),
        ])))
        {
            await import.JsonAsync(HttpStatusCode.OK);
        }

        string[] expected =
        [
            "龙头街小区/1幢/1单元101", "龙头街小区/1幢/1单元1001", "龙头街小区/1幢/2单元101", "龙头街小区/2幢/1单元901",
            "龙头街小区/2幢/1单元1001", "龙头街小区/10幢/1单元101", "龙头街小区/19幢/1单元101",
        ];
        Assert.Equal(expected, (await staff.TargetsAsync(campaign)).Select(t => t.GetProperty("key").GetString()));

        // Three at a time: the pages join up in the same order, none repeated or skipped, with the whole total.
        var paged = new List<string?>();
        for (var page = 1; page <= 3; page++)
        {
            var answer = await staff.GetJsonAsync($"/api/campaigns/{campaign}/targets?pageSize=3&page={page}");
            Assert.Equal(7, answer.GetProperty("total").GetInt32());
            paged.AddRange(answer.Items().Select(t => t.GetProperty("key").GetString()));
        }

        Assert.Equal(expected, paged);
    }

    [Fact]
    public async Task Households_saved_before_the_sort_key_existed_are_listed_in_numeric_order_after_migrating()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var campaign = await staff.CreateHousingAsync("旧库门牌", await app.RegionIdAsync(Places.Qiuchuan));
        using (var import = await staff.ImportAsync(campaign, Sheet(
        [
            Household("龙头街小区", "10幢", "1单元", "101"),
            Household("龙头街小区", "2幢", "1单元", "1001"),
            Household("龙头街小区", "2幢", "1单元", "901"),
            Household("龙头街小区", "9幢", "1单元", "101"),
        ])))
        {
            await import.JsonAsync(HttpStatusCode.OK);
        }

        // As a database migrated from before: the column there, empty; then the app's migrate step (start or verb).
        var filled = await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"CampaignTargets\" SET \"SortKey\" = '' WHERE \"CampaignId\" = {campaign}");
            await DatabaseSetup.MigrateAsync(db);
            return await db.CampaignTargets.Where(t => t.CampaignId == campaign && t.SortKey == "").CountAsync();
        });

        Assert.Equal(0, filled);
        Assert.Equal(
            ["龙头街小区/2幢/1单元901", "龙头街小区/2幢/1单元1001", "龙头街小区/9幢/1单元101", "龙头街小区/10幢/1单元101"],
            (await staff.TargetsAsync(campaign)).Select(t => t.GetProperty("key").GetString()));
    }
}
