using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shigan.Data.Demo;
using Shigan.Web.Access;
using Shigan.Web.Campaigns;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Campaigns;

/// <summary>
/// The demo data replays the report's campaign: 73 buildings, 2,111 households, about 10,000 people, all signed in 24
/// days and all moved out in 27, against a 30-day plan; and a toilet campaign in 球川镇 still under way.
/// </summary>
public sealed class CampaignDemoTests(CampaignDemoApp app) : IClassFixture<CampaignDemoApp>
{
    private static async Task<JsonElement> HousingAsync(HttpClient client)
    {
        var campaign = (await client.GetJsonAsync("/api/campaigns")).Items().Single(c => c.GetProperty("name").GetString() == CampaignSeed.HousingName);
        return await client.OverviewAsync(campaign.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task The_housing_campaign_has_the_reports_buildings_households_and_people()
    {
        var overview = await HousingAsync(await app.SessionAsync("admin"));

        Assert.Equal(2111, overview.GetProperty("total").GetInt32());
        Assert.Equal(73, overview.GetProperty("buildings").GetInt32());
        Assert.Equal(20, overview.GetProperty("behind").GetArrayLength());
        Assert.InRange(overview.GetProperty("people").GetInt32(), 9_000, 11_000);
        Assert.Equal(["天马街道", "金川街道"], overview.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("name").GetString()).Order());
    }

    [Fact]
    public async Task Everyone_signed_on_day_24_and_moved_out_on_day_27_of_a_30_day_plan()
    {
        var overview = await HousingAsync(await app.SessionAsync("admin"));
        var forecasts = overview.GetProperty("forecasts").EnumerateArray().ToList();
        var signing = overview.GetProperty("series")[1].GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()).ToList();

        Assert.All(forecasts, f => Assert.Equal("Done", f.GetProperty("status").GetString()));
        Assert.Equal(6, forecasts[1].GetProperty("daysAhead").GetInt32());
        Assert.Equal(3, forecasts[3].GetProperty("daysAhead").GetInt32());
        // The burn-up: signing climbs over the days and reaches all on day 24, not before.
        Assert.True(signing[22] < 2111 && signing[23] == 2111);
        Assert.True(signing[5] < signing[11] && signing[11] < signing[17]);
        Assert.Empty(overview.GetProperty("stuck").EnumerateArray());
    }

    [Fact]
    public async Task A_township_sees_only_its_own_campaign_and_its_staff_member_sees_own_targets_first()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var campaigns = (await staff.GetJsonAsync("/api/campaigns")).Items().ToList();
        var toilets = Assert.Single(campaigns);
        Assert.Equal(CampaignSeed.ToiletName, toilets.GetProperty("name").GetString());

        var id = toilets.GetProperty("id").GetInt32();
        var targets = await staff.TargetsAsync(id);
        Assert.True(targets[0].GetProperty("mine").GetBoolean());
        var overview = await staff.OverviewAsync(id);
        // Under way: the survey ahead of the building work, some households not reached, the rest forecast.
        Assert.NotEmpty(overview.GetProperty("stuck").EnumerateArray());
        Assert.Contains(overview.GetProperty("forecasts").EnumerateArray(), f => f.GetProperty("status").GetString() is "OnTrack" or "Late");
    }

    [Fact]
    public async Task Every_demo_targets_history_reads_in_time_order_one_stage_after_another()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<Shigan.Data.ShiganDb>();
        // As the history dialog lists them: by the order they were recorded.
        var moves = await db.StageMoves.AsNoTracking().OrderBy(m => m.Id)
            .Select(m => new { m.TargetId, m.AtUtc, m.FromStage, m.ToStage, Key = m.Target!.Key, Campaign = m.Campaign!.Name })
            .ToListAsync();

        Assert.Equal(2, moves.Select(m => m.Campaign).Distinct().Count());
        var wrong = moves.GroupBy(m => m.TargetId)
            .Where(h => h.Zip(h.Skip(1)).Any(p => p.Second.AtUtc <= p.First.AtUtc)
                || h.Select((m, i) => (m.FromStage, m.ToStage) != (i, i + 1)).Any(bad => bad))
            .Select(h => $"{h.First().Campaign} {h.First().Key}")
            .ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task The_toilet_stages_trail_each_other_each_at_its_own_pace()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var id = Assert.Single((await staff.GetJsonAsync("/api/campaigns")).Items()).GetProperty("id").GetInt32();
        var forecasts = (await staff.OverviewAsync(id)).GetProperty("forecasts").EnumerateArray().ToList();
        var rates = forecasts.Select(f => f.GetProperty("rate").GetDouble()).ToList();
        var reached = forecasts.Select(f => f.GetProperty("reached").GetInt32()).ToList();

        // Surveyed 39 in the last seven whole days (today, not yet worked, is not a day of zero); building and
        // acceptance slower, each stage behind the one before it.
        Assert.Equal(39.0 / 7, rates[0], 6);
        Assert.True(rates[0] > rates[1] && rates[1] > rates[2] && rates[2] > rates[3], string.Join(", ", rates));
        Assert.True(reached[0] > reached[1] && reached[1] > reached[2] && reached[2] > reached[3], string.Join(", ", reached));
        Assert.Equal(4, forecasts.Select(f => f.GetProperty("expected").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Every_household_of_the_housing_campaign_is_listed_under_a_name_of_its_own()
    {
        var admin = await app.SessionAsync("admin");
        var id = (await admin.GetJsonAsync("/api/campaigns")).Items().Single(c => c.GetProperty("name").GetString() == CampaignSeed.HousingName).GetProperty("id").GetInt32();
        var labels = new List<string>();
        for (var page = 1; page <= 11; page++)
        {
            labels.AddRange((await admin.GetJsonAsync($"/api/campaigns/{id}/targets?pageSize=200&page={page}")).Items()
                .Select(t => $"{t.GetProperty("group").GetString()} {t.GetProperty("name").GetString()}"));
        }

        // "1幢 1单元101" alone stood for a household in each of eight compounds.
        Assert.Equal(2111, labels.Count);
        Assert.Equal(labels.Count, labels.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task The_toilet_campaign_shows_the_households_stuck_longest_in_each_stage_not_only_the_first()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var id = Assert.Single((await staff.GetJsonAsync("/api/campaigns")).Items()).GetProperty("id").GetInt32();
        var overview = await staff.OverviewAsync(id);
        var total = overview.GetProperty("total").GetInt32();
        var reached = overview.GetProperty("reached").EnumerateArray().Select(r => r.GetInt32()).ToList();
        var stuck = overview.GetProperty("stuck").EnumerateArray()
            .Select(s => (Stage: s.GetProperty("stage").GetInt32(), Days: s.GetProperty("days").GetInt32())).ToList();

        // How many stand at each stage not done: up to five of each, the longest first; none of those done.
        var standing = Enumerable.Range(0, reached.Count).Select(s => (s == 0 ? total : reached[s - 1]) - reached[s]).ToList();
        Assert.True(standing.Count(n => n > 0) > 1, "the demo has households at more than one stage under way");
        for (var stage = 0; stage < reached.Count; stage++)
        {
            var own = stuck.Where(s => s.Stage == stage).Select(s => s.Days).ToList();
            Assert.Equal(Math.Min(5, standing[stage]), own.Count);
            Assert.Equal(own.OrderDescending(), own);
        }

        Assert.DoesNotContain(stuck, s => s.Stage == reached.Count);
    }

    [Fact]
    public async Task Contest_figures_give_each_street_its_share_signed_and_moved_out_and_days_ahead()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<Shigan.Data.ShiganDb>();
        var campaign = await db.Campaigns.Where(c => c.Name == CampaignSeed.HousingName).SingleAsync();
        var streets = await db.Regions.Where(r => r.Code == "330822001000" || r.Code == "330822003000").Select(r => r.Id).ToListAsync();

        // The whole campaign, and its first ten days, when signing had only begun.
        var whole = await CampaignFigures.ForUnitsAsync(db, campaign.Id, streets, campaign.StartDate, campaign.StartDate.AddDays(40));
        var early = await CampaignFigures.ForUnitsAsync(db, campaign.Id, streets, campaign.StartDate, campaign.StartDate.AddDays(9));

        Assert.Equal(2111, whole.Sum(f => f.Total));
        Assert.All(whole, f => Assert.Equal((1.0, 1.0, 3), (f.ShareSigned, f.ShareDone, f.DaysAhead!.Value)));
        Assert.All(early, f => Assert.InRange(f.ShareSigned, 0.01, 0.6));
        Assert.All(early, f => Assert.Equal(f.Shares[1], f.Gains[1], 6));
    }
}
