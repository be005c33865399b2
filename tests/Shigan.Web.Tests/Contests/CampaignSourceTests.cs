using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Core.Contests;
using Shigan.Testing;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Contests.ContestCalls;

namespace Shigan.Web.Tests.Contests;

/// <summary>
/// Campaign figures as contest indicators: a village's households across the campaigns running there, pooled by
/// their number, each at the stage its history had reached by the end of the week; the households behind each figure.
/// </summary>
public sealed class CampaignSourceTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task Share_signed_share_done_and_days_ahead_pool_a_villages_campaigns_and_a_village_without_targets_has_no_data()
    {
        var admin = await app.SessionAsync("admin");
        var mengqiao = await app.RegionIdAsync(Places.Mengqiao);
        var kenong = await app.RegionIdAsync(Places.Kenong);
        var week = LastWeek.AddDays(-7 * 33);
        // Housing, 10 households: one moved out on each day of the week, one signed before it, one only notified,
        // one signed after it. Forecast: 3 left at 1 a day, done on day 9 of a 30-day plan, 21 days ahead.
        var housing = await CampaignAsync(CampaignTemplate.DilapidatedHousing, week.AddDays(-14), week.AddDays(30), mengqiao,
        [
            .. Enumerable.Range(0, 7).Select(d => new[] { (week.AddDays(d), 4) }),
            [(week.AddDays(-3), 2)],
            [(week.AddDays(-5), 1)],
            [(week.AddDays(-5), 1), (week.AddDays(8), 2)],
        ]);
        // Toilets, 2 households, both accepted three days before the week, 7 days before the target date.
        await CampaignAsync(CampaignTemplate.ToiletRevolution, week.AddDays(-20), week.AddDays(3), mengqiao,
            [[(week.AddDays(-4), 4)], [(week.AddDays(-10), 2), (week.AddDays(-4), 4)]]);
        // Long over and done before the week: not active, not counted.
        await CampaignAsync(CampaignTemplate.ToiletRevolution, week.AddDays(-200), week.AddDays(-150), mengqiao, [[(week.AddDays(-160), 4)]]);
        object[] indicators =
        [
            new { name = "攻坚签约率", dimension = "Results", weight = 40, direction = "HigherIsBetter", normalisation = "Target", target = 100, source = "Computed", sourceCode = "campaigns.signed", missing = "ZeroPoints" },
            new { name = "攻坚完成率", dimension = "Results", weight = 40, direction = "HigherIsBetter", normalisation = "Target", target = 100, source = "Computed", sourceCode = "campaigns.done", missing = "ZeroPoints" },
            new { name = "攻坚进度提前天数", dimension = "Drive", weight = 20, direction = "HigherIsBetter", normalisation = "MinMax", source = "Computed", sourceCode = "campaigns.days-ahead", missing = "ZeroPoints" },
        ];
        var contest = await CreateAsync(admin, await app.RegionIdAsync(Places.Daqiaotou), Weekly("攻坚指标", [mengqiao, kenong], indicators));

        var sheet = await ComputeAsync(admin, contest, week);

        var m = sheet.Row(mengqiao).GetProperty("cells");
        // Signed: 7 moved out + 1 signed of the housing's 10, and both toilets: 10 of 12.
        Assert.Equal(83.33m, m[0].GetProperty("raw").GetDecimal());
        Assert.Equal([housing[8], housing[9]], Records(m[0]));
        Assert.Equal(75m, m[1].GetProperty("raw").GetDecimal());
        Assert.Equal([housing[7], housing[8], housing[9]], Records(m[1]));
        // (21 × 10 + 7 × 2) / 12 households.
        Assert.Equal(18.7m, m[2].GetProperty("raw").GetDecimal());
        Assert.Equal(housing[..7], Records(m[2]));

        // 客弄 has no household in any campaign: no data, not a zero.
        var k = sheet.Row(kenong).GetProperty("cells");
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(System.Text.Json.JsonValueKind.Null, k[i].GetProperty("raw").ValueKind));

        // The explain page leads to each household on its campaign's page, searched by its key.
        var explain = await admin.GetJsonAsync($"/api/contests/{contest}/sheets/{sheet.Id()}/explain?a={mengqiao}&b={kenong}");
        var signed = explain.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "攻坚签约率");
        Assert.Equal("期末尚未签约的对象", signed.GetProperty("recordsAre").GetString());
        var links = signed.GetProperty("recordsA").EnumerateArray().Select(r => r.GetProperty("url").GetString()).ToList();
        string Link(string key) => $"/campaigns/{housing.Campaign}?q={Uri.EscapeDataString(key)}";
        Assert.Equal([Link("濛桥/1幢/9"), Link("濛桥/1幢/10")], links);
    }

    private static List<long> Records(System.Text.Json.JsonElement cell) => [.. cell.GetProperty("records").EnumerateArray().Select(r => r.GetInt64()).Order()];

    /// <summary>A campaign in 大桥头乡 with one household per history in the village, its moves at noon of the given days; the households' ids in order.</summary>
    private async Task<CampaignHouseholds> CampaignAsync(
        CampaignTemplate template, DateOnly start, DateOnly target, int villageId, IReadOnlyList<(DateOnly Day, int Stage)[]> histories) =>
        await app.WithDbAsync(async db =>
        {
            var village = await db.Regions.SingleAsync(r => r.Id == villageId);
            var township = await db.Regions.SingleAsync(r => r.Id == village.ParentId);
            var campaign = new Campaign
            {
                Name = $"{CampaignTemplates.Name(template)}{start:MMdd}",
                Template = template,
                Stages = [.. CampaignTemplates.Stages(template)],
                StartDate = start,
                TargetDate = target,
                Units = [new CampaignUnit { RegionId = township.Id, RegionPath = township.RegionPath }],
            };
            db.Campaigns.Add(campaign);
            var layout = CampaignTemplates.Layout(CampaignTemplates.DefaultLayout(template));
            CampaignTarget? parent = null;
            var parts = new List<string>();
            foreach (var (header, level) in layout.Groups)
            {
                parts.Add(header == "楼幢" ? "1幢" : "濛桥");
                parent = Target(campaign, SheetLayout.Key(parts), parts[^1], level, parent, village);
                db.CampaignTargets.Add(parent);
            }

            var households = histories.Select((history, i) =>
            {
                var household = Target(campaign, SheetLayout.Key([.. parts, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)]), $"{i + 1}", layout.Leaf, parent, village);
                var from = 0;
                foreach (var (day, stage) in history)
                {
                    db.StageMoves.Add(new StageMove
                    {
                        Campaign = campaign,
                        Target = household,
                        AtUtc = ChinaTime.At(day, new TimeOnly(12, 0)).UtcDateTime,
                        Kind = StageMoveKind.Forward,
                        FromStage = from,
                        ToStage = stage,
                        ActorName = "测试",
                        RegionPath = village.RegionPath,
                    });
                    (from, household.Stage) = (stage, stage);
                }

                return household;
            }).ToList();
            db.CampaignTargets.AddRange(households);
            await db.SaveChangesAsync();
            return new CampaignHouseholds(campaign.Id, [.. households.Select(h => h.Id)]);
        });

    private static CampaignTarget Target(Campaign campaign, string key, string name, TargetLevel level, CampaignTarget? parent, Core.Org.Region village) => new()
    {
        Campaign = campaign,
        Key = key,
        Name = name,
        Level = level,
        Parent = parent,
        RegionId = village.Id,
        RegionPath = village.RegionPath,
        StageSinceUtc = campaign.CreatedAtUtc,
    };

    private sealed record CampaignHouseholds(int Campaign, List<long> Ids)
    {
        public long this[int index] => Ids[index];

        public List<long> this[Range range] => Ids[range];
    }
}
