using System.Net;
using System.Text.Json;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Services;

/// <summary>
/// GET /api/services/bundles/{code}/trips: the three delivery models side by side from the catalogue as stored and the
/// county's holidays as stored; the newborn bundle is the report's five trips over two days against one.
/// </summary>
public sealed class TripsApiTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task The_newborn_bundle_is_five_trips_on_two_days_each_department_on_its_own_and_one_at_the_bank()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");

        var comparison = await officer.GetJsonAsync("/api/services/bundles/newborn/trips?start=2026-05-12");

        var plans = comparison.GetProperty("plans").EnumerateArray().ToList();
        Assert.Equal(["Separate", "OneWindow", "PartnerWindow"], plans.Select(p => p.GetProperty("model").GetString()));
        Assert.Equal(["各部门分头办", "一窗受理·数据共享", "政银合作"], plans.Select(p => p.GetProperty("label").GetString()));
        Assert.Equal((5, 2), (Int(plans[0], "trips"), Int(plans[0], "tripDays")));
        Assert.Equal((1, 1), (Int(plans[2], "trips"), Int(plans[2], "tripDays")));
        Assert.Equal(["县农信社网点"], plans[2].GetProperty("places").EnumerateArray().Select(p => p.GetString()));
        Assert.True(Int(plans[2], "handedOver") < Int(plans[0], "handedOver"));

        // The trips by day, numbered through, each with what is done there.
        var days = plans[0].GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(2, days.Count);
        var numbers = days.SelectMany(d => d.GetProperty("trips").EnumerateArray()).Select(t => Int(t, "number"));
        Assert.Equal([1, 2, 3, 4, 5], numbers);
        Assert.All(days.SelectMany(d => d.GetProperty("trips").EnumerateArray()), t => Assert.NotEmpty(t.GetProperty("stops").EnumerateArray()));

        // Why: each trip the bank window saves is told by what saved it.
        var savings = plans[2].GetProperty("savings").EnumerateArray().Select(s => s.GetProperty("text").GetString()!).ToList();
        Assert.Contains(savings, s => s.Contains("县农信社网点一次受理", StringComparison.Ordinal));
        Assert.Contains(savings, s => s.Contains("共享", StringComparison.Ordinal));
        Assert.Empty(plans[0].GetProperty("savings").EnumerateArray());
        Assert.Equal(5, comparison.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_holiday_the_county_adds_moves_the_start_to_the_next_working_day_at_once()
    {
        var admin = await app.SessionAsync("admin");
        // Wednesday 3 March 2027: an ordinary day until the county says otherwise.
        var before = await admin.GetJsonAsync("/api/services/bundles/retirement/trips?start=2027-03-03");
        Assert.Equal("2027-03-03", Plan(before, 0).GetProperty("startDay").GetString());

        using (var saved = await admin.SendJsonAsync(HttpMethod.Put, "/api/holidays/2027", new { days = new[] { new { date = "2027-03-03", isWorkingDay = false, name = "测试假日" } } }))
        {
            await saved.JsonAsync(HttpStatusCode.OK);
        }

        var after = await admin.GetJsonAsync("/api/services/bundles/retirement/trips?start=2027-03-03");
        Assert.Equal("2027-03-04", Plan(after, 0).GetProperty("startDay").GetString());
        Assert.NotEqual(Plan(before, 0).GetProperty("finishedOn").GetString(), Plan(after, 0).GetProperty("finishedOn").GetString());
    }

    [Fact]
    public async Task An_unknown_bundle_is_404_and_a_start_that_is_not_a_date_is_a_field_error()
    {
        var grid = await app.SessionAsync("mengqiao.grid");

        using var missing = await grid.GetAsync("/api/services/bundles/no-such/trips");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        foreach (var start in new[] { "2026/05/12", "明天", "1900-01-01" })
        {
            using var bad = await grid.GetAsync($"/api/services/bundles/newborn/trips?start={Uri.EscapeDataString(start)}");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(["日期格式应为 年-月-日，且在今天前后五年内"], (await bad.ProblemAsync()).Errors()["start"]);
        }

        // Without a start the comparison begins today (or the next working day).
        var today = await grid.GetJsonAsync("/api/services/bundles/newborn/trips");
        Assert.Equal(3, today.GetProperty("plans").GetArrayLength());
    }

    private static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    private static JsonElement Plan(JsonElement comparison, int index) => comparison.GetProperty("plans")[index];
}
