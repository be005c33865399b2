using System.Net;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases;

/// <summary>POST /api/cases: a report is checked, given its deadline and routed to the township's department.</summary>
public sealed class CaseIntakeTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task A_window_report_is_routed_to_the_townships_department_for_its_category_with_the_deadline_of_the_calendar()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);

        var receipt = await window.ReportAsync(CaseCalls.Report(village, "SC01"));

        Assert.Equal("Assigned", receipt.Status());
        Assert.Equal("市场监管所", receipt.GetProperty("departmentName").GetString());
        var id = receipt.GetProperty("id").GetInt64();
        var stored = await app.StoredCaseAsync(id);
        Assert.Equal(await app.DepartmentIdAsync(Places.Qiuchuan, "市场监管所"), stored.DepartmentId);
        Assert.Equal(CaseStatus.Assigned, stored.Status);
        Assert.Equal(CaseSource.Window, stored.Source);
        Assert.Equal(receipt.GetProperty("trackingNumber").GetString(), stored.TrackingNumber);

        // SC01 食品安全: 3 working days from the moment of the report, on the county's seeded calendar.
        var limit = await app.WithDbAsync(db => db.CaseCategories.Where(c => c.Code == "SC01").Select(c => new { c.TimeLimitValue, c.TimeLimitUnit }).SingleAsync());
        Assert.Equal((3, TimeLimitUnit.WorkingDays), (limit.TimeLimitValue, limit.TimeLimitUnit));
        var expected = DeadlineCalculator.Due(new DateTimeOffset(stored.ReportedAtUtc, TimeSpan.Zero), TimeLimit.WorkingDays(3), await app.SeededCalendarAsync());
        Assert.Equal(expected.UtcDateTime, stored.DeadlineUtc, TimeSpan.FromMilliseconds(1));
        Assert.Equal(stored.DeadlineUtc, receipt.GetProperty("deadlineUtc").GetDateTime().ToUniversalTime(), TimeSpan.FromMilliseconds(1));

        var history = (await window.CaseAsync(id)).History();
        Assert.Equal(2, history.Count);
        Assert.Equal(("Reported", "Reported", "球川镇窗口 徐丽"), (history[0].GetProperty("kind").GetString(), history[0].GetProperty("toStatus").GetString(), history[0].GetProperty("actorName").GetString()));
        Assert.Equal("Routed", history[1].GetProperty("kind").GetString());
        Assert.Equal("自动分拨", history[1].GetProperty("actorName").GetString());
        Assert.Equal("CategoryDefault", history[1].GetProperty("routeBasis").GetString());
        Assert.Equal(("Reported", "Assigned"), (history[1].GetProperty("fromStatus").GetString(), history[1].GetProperty("toStatus").GetString()));
        Assert.Equal("市场监管所", history[1].GetProperty("departmentName").GetString());
    }

    [Fact]
    public async Task A_grid_workers_report_in_the_grid_is_recorded_as_from_a_grid_worker_and_routed_in_the_grids_township()
    {
        var grid = await app.SessionAsync("mengqiao.grid");
        var place = await app.RegionIdAsync(Places.Mengqiao + "001");

        var id = (await grid.ReportAsync(CaseCalls.Report(place, "ZZ04", "村口有人聚众赌博"))).GetProperty("id").GetInt64();

        var stored = await app.StoredCaseAsync(id);
        Assert.Equal(CaseSource.GridWorker, stored.Source);
        Assert.Equal(place, stored.RegionId);
        Assert.Equal(await app.PoliceStationIdAsync(Places.Daqiaotou), stored.DepartmentId);
    }

    [Fact]
    public async Task Bad_reports_are_refused_with_a_field_error_and_create_nothing()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var grid = await app.SessionAsync("mengqiao.grid");
        var admin = await app.SessionAsync("admin");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var county = await app.RegionIdAsync(Places.County);
        await app.WithDbAsync(async db =>
        {
            (await db.CaseCategories.SingleAsync(c => c.Code == "ZF08")).IsActive = false;
            return await db.SaveChangesAsync();
        });

        Dictionary<string, object?> With(string field, object? value, int? place = null)
        {
            var body = CaseCalls.Report(place ?? village);
            body[field] = value;
            return body;
        }

        var cases = new (string What, HttpClient Client, object Body, string Field)[]
        {
            ("an unknown category", window, With("categoryCode", "XX99"), "categoryCode"),
            ("an inactive category", window, With("categoryCode", "ZF08"), "categoryCode"),
            ("no category", window, With("categoryCode", null), "categoryCode"),
            ("a village of another township, named by a grid worker", grid, CaseCalls.Report(village), "regionId"),
            ("the county as the place", admin, With("regionId", county), "regionId"),
            ("no place", window, With("regionId", null), "regionId"),
            ("a place that does not exist", window, With("regionId", 999_999), "regionId"),
            ("no description", window, With("description", null), "description"),
            ("a blank description", window, With("description", "   "), "description"),
            ("a 2001-character description", window, With("description", new string('述', 2001)), "description"),
            ("letters in the phone number", window, With("reporterPhone", "call-me-maybe"), "reporterPhone"),
            ("a latitude without longitude", window, With("latitude", 28.9), "latitude"),
            ("a latitude beyond the pole", window, new Dictionary<string, object?>(With("latitude", 91.0)) { ["longitude"] = 118.5 }, "latitude"),
            ("a longitude beyond 180", window, new Dictionary<string, object?>(With("latitude", 28.9)) { ["longitude"] = 200.0 }, "latitude"),
        };

        var failures = new List<string>();
        foreach (var (what, client, body, field) in cases)
        {
            var before = await DbSnapshot.TakeAsync(app.Services);
            using var response = await client.SendJsonAsync(HttpMethod.Post, "/api/cases", body);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{what}: {(int)response.StatusCode} {text}");
            }
            else if (!(await response.ProblemAsync()).Errors().ContainsKey(field))
            {
                failures.Add($"{what}: no error on {field}: {text}");
            }

            if (await DbSnapshot.TakeAsync(app.Services) != before)
            {
                failures.Add($"{what}: the database changed");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_10_MB_description_is_refused_with_a_4xx_and_creates_nothing()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var body = CaseCalls.Report(await app.FirstVillageIdAsync(Places.Qiuchuan), "SC01", new string('x', 10 * 1024 * 1024));
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var response = await window.SendJsonAsync(HttpMethod.Post, "/api/cases", body);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode}");
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task A_judge_may_not_report()
    {
        var judge = await app.SessionAsync("judge");
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var response = await judge.SendJsonAsync(HttpMethod.Post, "/api/cases", CaseCalls.Report(await app.FirstVillageIdAsync(Places.Qiuchuan)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }
}
