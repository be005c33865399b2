using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Testing;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Support.CampaignCalls;

namespace Shigan.Web.Tests.Campaigns;

/// <summary>
/// The campaign page counts households per stage, unit, team and building from counters kept by every save
/// (TargetCounts). After each kind of change they must equal a fresh count of the households themselves.
/// </summary>
public sealed class TargetCountTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task The_pages_counts_equal_a_fresh_count_after_an_import_a_move_a_reversal_a_reimport_and_a_removal()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var campaign = await staff.CreateHousingAsync("计数核对", await app.RegionIdAsync(Places.Qiuchuan));
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        byte[] Households(int people, string team, string? stage) => Sheet(
        [
            Household("计数小区", "1幢", "1单元", "101", "王建国", "13800001111", people, 56.5, stage, stage is null ? null : day, team),
            Household("计数小区", "1幢", "1单元", "102", "李美华", "13800002222", 3, 48, "签约", day, "第一工作组"),
            Household("计数小区", "2幢", "1单元", "201", "张志强", "13800003333", 5, 62, null, null, null),
            Household("计数小区", "2幢", "1单元", "202", "赵卫东", "13800004444", 2, 40),
        ]);

        await ImportAsync(staff, campaign, Households(4, "第一工作组", "告知"));
        await AssertCountsAsync(campaign, 4);

        var id = (await staff.TargetAsync(campaign, "计数小区/1幢/1单元101")).GetProperty("id").GetInt64();
        var url = $"/api/campaigns/{campaign}/targets/{id}/stage";
        using (var forward = await staff.PostAsJsonAsync(url, new { stage = 3 }))
        {
            await forward.JsonAsync(HttpStatusCode.OK);
        }

        await AssertCountsAsync(campaign, 4);
        using (var back = await staff.PostAsJsonAsync(url, new { stage = 2, reason = "交钥匙录错了户" }))
        {
            await back.JsonAsync(HttpStatusCode.OK);
        }

        await AssertCountsAsync(campaign, 4);
        // Another team and more people for one household: it leaves its old cell for a new one.
        await ImportAsync(staff, campaign, Households(6, "第二工作组", null));
        await AssertCountsAsync(campaign, 4);

        // A household with no history taken out (as a correction would): its cell counts one less.
        await app.WithDbAsync(async db =>
        {
            db.CampaignTargets.Remove(await db.CampaignTargets.SingleAsync(t => t.CampaignId == campaign && t.Key == "计数小区/2幢/1单元202"));
            return await db.SaveChangesAsync();
        });
        await AssertCountsAsync(campaign, 3);
        Assert.Equal(3, (await staff.OverviewAsync(campaign)).GetProperty("total").GetInt32());
    }

    private static async Task ImportAsync(HttpClient staff, int campaign, byte[] sheet)
    {
        using var response = await staff.ImportAsync(campaign, sheet);
        await response.JsonAsync(HttpStatusCode.OK);
    }

    // Counters with a count, against the households and groups grouped afresh, cell by cell.
    private async Task AssertCountsAsync(int campaign, int households)
    {
        var (counted, kept) = await app.WithDbAsync(async db =>
        {
            var counted = await db.CampaignTargets.IgnoreQueryFilters().Where(t => t.CampaignId == campaign)
                .GroupBy(t => new { t.Level, ParentId = t.ParentId ?? 0, t.RegionId, TeamId = t.TeamId ?? 0, t.Stage, t.RegionPath })
                .Select(g => new Cell((int)g.Key.Level, g.Key.ParentId, g.Key.RegionId, g.Key.TeamId, g.Key.Stage, g.Key.RegionPath, g.Count(), g.Sum(t => t.People ?? 0)))
                .ToListAsync();
            var kept = await db.TargetCounts.IgnoreQueryFilters().Where(c => c.CampaignId == campaign && c.Count != 0)
                .Select(c => new Cell((int)c.Level, c.ParentId, c.RegionId, c.TeamId, c.Stage, c.RegionPath, c.Count, c.People))
                .ToListAsync();
            return (counted, kept);
        });

        Assert.Equal(counted.Order(), kept.Order());
        Assert.Equal(households, kept.Where(c => c.Level == (int)Core.Campaigns.TargetLevel.Household).Sum(c => c.Count));
    }

    private sealed record Cell(int Level, long ParentId, int RegionId, int TeamId, int Stage, string RegionPath, int Count, int People) : IComparable<Cell>
    {
        public int CompareTo(Cell? other) => string.CompareOrdinal(ToString(), other?.ToString());
    }
}
