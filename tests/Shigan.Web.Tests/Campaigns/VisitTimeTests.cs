using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Testing;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Support.CampaignCalls;

namespace Shigan.Web.Tests.Campaigns;

/// <summary>
/// A visit written up the next day is dated when it took place, and the stage it reached counts on that day in the
/// burn-up; not in the future, not before the campaign, and not before the household's last stage change.
/// </summary>
public sealed class VisitTimeTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private static DateOnly Today => ChinaTime.DateOf(DateTimeOffset.UtcNow);

    // Noon of a day on the county's clock, as the visit's time (UTC).
    private static DateTime Noon(DateOnly day) => ChinaTime.At(day, new TimeOnly(12, 0)).UtcDateTime;

    private async Task<(HttpClient Staff, int Campaign, long Target)> HouseholdAsync(string name)
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var campaign = await staff.CreateHousingAsync(name, await app.RegionIdAsync(Places.Qiuchuan));
        using (var import = await staff.ImportAsync(campaign, Sheet([Household("老街小区", "1幢", "1单元", "101", "王建国")])))
        {
            await import.JsonAsync(HttpStatusCode.OK);
        }

        return (staff, campaign, (await staff.TargetAsync(campaign, "老街小区/1幢/1单元101")).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task A_signature_recorded_today_for_yesterdays_visit_counts_on_yesterday_in_the_burn_up()
    {
        var (staff, campaign, target) = await HouseholdAsync("补录走访");
        var yesterday = Today.AddDays(-1);

        using var visit = await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/targets/{target}/visits",
            new { place = "Home", outcome = "户主同意签约", stageReached = 2, atUtc = Noon(yesterday) });
        var detail = await visit.JsonAsync(HttpStatusCode.OK);

        var move = Assert.Single(detail.GetProperty("history").EnumerateArray());
        Assert.Equal(yesterday, ChinaTime.DateOf(new DateTimeOffset(move.GetProperty("atUtc").GetDateTime(), TimeSpan.Zero)));
        var overview = await staff.OverviewAsync(campaign);
        var days = overview.GetProperty("days").EnumerateArray().Select(d => DateOnly.Parse(d.GetString()!, CultureInfo.InvariantCulture)).ToList();
        var signed = overview.GetProperty("series")[1].GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()).ToList();
        Assert.Equal((0, 1, 1), (signed[days.IndexOf(yesterday) - 1], signed[days.IndexOf(yesterday)], signed[days.IndexOf(Today)]));
    }

    [Fact]
    public async Task A_visit_dated_in_the_future_or_before_the_campaign_began_is_refused_and_nothing_is_written()
    {
        var (staff, campaign, target) = await HouseholdAsync("走访时间有误");
        var url = $"/api/campaigns/{campaign}/targets/{target}/visits";

        using var future = await staff.PostAsJsonAsync(url, new { place = "Home", outcome = "明天的走访", stageReached = 1, atUtc = DateTime.UtcNow.AddHours(3) });
        Assert.Equal(["走访时间不能晚于现在"], (await future.ProblemAsync()).Errors()["atUtc"]);
        // The campaign began ten days ago.
        using var early = await staff.PostAsJsonAsync(url, new { place = "Home", outcome = "开始前的走访", stageReached = 1, atUtc = Noon(Today.AddDays(-12)) });
        Assert.Equal(["走访时间不能早于行动开始日期"], (await early.ProblemAsync()).Errors()["atUtc"]);

        Assert.Equal((0, 0), await app.WithDbAsync(async db =>
            (await db.CampaignVisits.CountAsync(v => v.TargetId == target), await db.StageMoves.CountAsync(m => m.TargetId == target))));
    }

    [Fact]
    public async Task A_stage_dated_before_the_households_last_stage_change_is_refused_but_a_plain_visit_then_is_recorded()
    {
        var (staff, campaign, target) = await HouseholdAsync("走访先后");
        var url = $"/api/campaigns/{campaign}/targets/{target}/visits";
        using (var notified = await staff.PostAsJsonAsync(url, new { place = "Home", outcome = "入户告知", stageReached = 1, atUtc = Noon(Today.AddDays(-2)) }))
        {
            await notified.JsonAsync(HttpStatusCode.OK);
        }

        using var earlier = await staff.PostAsJsonAsync(url, new { place = "Phone", outcome = "电话里答应签约", stageReached = 2, atUtc = Noon(Today.AddDays(-3)) });
        Assert.Equal(["该对象在此时间之后已变更过阶段：带阶段的走访不能早于上次阶段变更"], (await earlier.ProblemAsync()).Errors()["atUtc"]);
        var household = await staff.TargetAsync(campaign, "老街小区/1幢/1单元101");
        Assert.Equal("告知", household.GetProperty("stageName").GetString());

        using var plain = await staff.PostAsJsonAsync(url, new { place = "Phone", outcome = "电话了解家里情况", atUtc = Noon(Today.AddDays(-3)) });
        var detail = await plain.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, detail.GetProperty("visits").GetArrayLength());
        Assert.Single(detail.GetProperty("history").EnumerateArray());
    }
}
