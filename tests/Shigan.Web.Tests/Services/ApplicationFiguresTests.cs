using System.Globalization;
using System.Net;
using MiniExcelLibs;
using Shigan.Core.Cases;
using Shigan.Testing;
using Shigan.Web.Services.Applications;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Support.ApplicationCalls;

namespace Shigan.Web.Tests.Services;

/// <summary>
/// /api/application-figures: per township and per service item, the average trips, the share done in at most one trip,
/// the share on time and the materials missed most, on the page's API, in Excel, and for contest indicators.
/// </summary>
public sealed class ApplicationFiguresTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    // xUnit makes an instance per test; today's applications are taken once per host.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ShiganApp, Lazy<Task>> Taken = [];

    private static readonly string[] Newborn = [Clinic, Police, MedicalInsurance, CardDesk];

    private static string Today => ChinaTime.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task TakenTodayAsync() => Taken.GetValue(app, a => new Lazy<Task>(TakeTodayAsync)).Value;

    /// <summary>
    /// Today in 球川镇: two newborns at the bank done in one trip, one at the township window whose police part needed the
    /// marriage certificate brought back (two trips), and one just taken.
    /// </summary>
    private async Task TakeTodayAsync()
    {
        var bank = await app.SessionAsync("qiuchuan.bank");
        var window = await app.SessionAsync("qiuchuan.window");
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var id = (await bank.TakeAsync()).GetProperty("id").GetInt64();
            foreach (var department in Newborn)
            {
                await (await app.SessionAsync(AccountOf(department))).AcceptAndCompleteAsync(id, department);
            }
        }

        var back = (await window.TakeAsync()).GetProperty("id").GetInt64();
        var police = await app.SessionAsync("hukou.clerk");
        await police.PartActAsync(back, Police, "Accept");
        await police.PartActAsync(back, Police, "RequestMaterial", new { material = "结婚证", mustReturn = true });
        (await window.TripAsync(back)).Dispose();
        await police.PartActAsync(back, Police, "MaterialReceived");
        await police.PartActAsync(back, Police, "Complete");
        await (await app.SessionAsync("yibao.clerk")).AcceptAndCompleteAsync(back, MedicalInsurance);
        await (await app.SessionAsync("clinic.clerk")).AcceptAndCompleteAsync(back, Clinic);

        await window.TakeAsync("retirement");
    }

    [Fact]
    public async Task A_townships_figures_count_trips_one_trip_share_time_and_missing_materials_of_its_finished_applications()
    {
        await TakenTodayAsync();
        var staff = await app.SessionAsync("qiuchuan.staff");
        var qiuchuan = await app.RegionIdAsync(Places.Qiuchuan);

        var report = await staff.GetJsonAsync($"/api/application-figures?from={Today}&to={Today}&regionId={qiuchuan}");

        var unit = Assert.Single(report.GetProperty("units").EnumerateArray());
        Assert.Equal("球川镇", unit.GetProperty("name").GetString());
        var figures = unit.GetProperty("figures");
        Assert.Equal((4, 3), (figures.GetProperty("applications").GetInt32(), figures.GetProperty("done").GetInt32()));
        Assert.Equal(4.0 / 3, figures.GetProperty("averageTrips").GetDouble(), 6);
        Assert.Equal(2.0 / 3, figures.GetProperty("shareInOneTrip").GetDouble(), 6);
        Assert.Equal(1.0, figures.GetProperty("shareOnTime").GetDouble(), 6);
        var missed = Assert.Single(figures.GetProperty("mostMissed").EnumerateArray());
        Assert.Equal(("结婚证", 1), (missed.GetProperty("name").GetString(), missed.GetProperty("count").GetInt32()));

        // The card is made only at the bank: its two applications were each done in one trip.
        var card = report.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "BIRTH-SSCARD").GetProperty("figures");
        Assert.Equal((2, 1.0, 1.0), (card.GetProperty("applications").GetInt32(), card.GetProperty("averageTrips").GetDouble(), card.GetProperty("shareInOneTrip").GetDouble()));
        var hukou = report.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "BIRTH-HUKOU").GetProperty("figures");
        Assert.Equal("结婚证", hukou.GetProperty("mostMissed")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_excel_export_has_a_sheet_per_township_and_one_per_item_with_the_same_figures()
    {
        await TakenTodayAsync();
        var staff = await app.SessionAsync("qiuchuan.staff");
        var qiuchuan = await app.RegionIdAsync(Places.Qiuchuan);

        using var response = await staff.GetAsync($"/api/application-figures/export?from={Today}&to={Today}&regionId={qiuchuan}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var sheet = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var units = MiniExcel.Query(sheet, useHeaderRow: true, sheetName: "按乡镇").Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(units);
        Assert.Equal(("球川镇", "4", "1.33", "66.7%", "结婚证（1）"),
            (row["乡镇（窗口所在单位）"]?.ToString(), row["受理件数"]?.ToString(), row["平均跑动次数"]?.ToString(), row["最多跑一次占比"]?.ToString(), row["常缺材料"]?.ToString()));
        sheet.Position = 0;
        var items = MiniExcel.Query(sheet, useHeaderRow: true, sheetName: "按事项").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(items, i => i["事项"]?.ToString() == "社会保障卡（市民卡）申领" && i["平均跑动次数"]?.ToString() == "1.00");
    }

    [Fact]
    public async Task Contest_indicators_get_each_units_figures_and_nothing_for_a_unit_without_applications()
    {
        await TakenTodayAsync();
        var qiuchuan = await app.RegionIdAsync(Places.Qiuchuan);
        var daqiaotou = await app.RegionIdAsync(Places.Daqiaotou);
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);

        var units = await app.WithDbAsync(db => ApplicationFigures.ForUnitsAsync(db, [qiuchuan, daqiaotou], new FigurePeriod(today, today)));

        Assert.Equal([(qiuchuan, 4, 3), (daqiaotou, 0, 0)], units.Select(u => (u.RegionId, u.Figures.Applications, u.Figures.Done)));
        Assert.Null(units[1].Figures.AverageTrips);
    }

    [Fact]
    public async Task On_a_fresh_start_the_demo_applications_give_every_township_figures_with_most_done_in_one_trip()
    {
        await TakenTodayAsync();
        var admin = await app.SessionAsync("admin");

        var report = await admin.GetJsonAsync("/api/application-figures");

        Assert.Equal(14, report.GetProperty("units").EnumerateArray().Count(u => u.GetProperty("name").GetString()!.EndsWith('镇') || u.GetProperty("name").GetString()!.EndsWith('乡') || u.GetProperty("name").GetString()!.EndsWith("街道", StringComparison.Ordinal)));
        var overall = report.GetProperty("overall");
        Assert.InRange(overall.GetProperty("shareInOneTrip").GetDouble(), 0.6, 0.99);
        Assert.InRange(overall.GetProperty("averageTrips").GetDouble(), 1.0, 1.5);
        Assert.InRange(overall.GetProperty("shareOnTime").GetDouble(), 0.5, 0.99);
        Assert.NotEmpty(overall.GetProperty("mostMissed").EnumerateArray());
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("qiuchuan.staff")]
    [InlineData("hukou.clerk")]
    public async Task The_dashboards_one_trip_card_shows_the_figures_pages_overall_line_for_the_same_ninety_days(string account)
    {
        await TakenTodayAsync();
        var session = await app.SessionAsync(account);

        var overall = (await session.GetJsonAsync("/api/application-figures")).GetProperty("overall");
        var card = (await session.GetJsonAsync("/api/dashboard")).GetProperty("trips");

        Assert.Equal(overall.GetProperty("applications").GetInt32(), card.GetProperty("applications").GetInt32());
        Assert.True(overall.GetProperty("applications").GetInt32() > 0);
        Assert.Equal(overall.GetProperty("averageTrips").GetDouble(), card.GetProperty("averageTrips").GetDouble(), 9);
        Assert.Equal(overall.GetProperty("shareInOneTrip").GetDouble(), card.GetProperty("shareInOneTrip").GetDouble(), 9);
    }

    [Fact]
    public async Task A_backwards_period_is_refused_with_a_message()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");

        using var response = await staff.GetAsync("/api/application-figures?from=2026-06-01&to=2026-05-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([ApplicationFiguresApi.PeriodMessage], (await response.ProblemAsync()).Errors()["to"]);
    }
}
