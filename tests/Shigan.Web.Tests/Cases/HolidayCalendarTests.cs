using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases;

/// <summary>
/// /api/holidays (节假日设置): the county enters a year's holidays and make-up working days, and the next case reported
/// already counts its working days by them; nobody else may, and a wrong row is named and changes nothing.
/// </summary>
public sealed class HolidayCalendarTests : IClassFixture<ClockedApp>
{
    // Wednesday 29 September 2027, 10:00 in Changshan: two days before National Day. Set before anyone signs in.
    private static readonly DateTimeOffset Today = new(2027, 9, 29, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly ClockedApp app;

    public HolidayCalendarTests(ClockedApp app)
    {
        this.app = app;
        app.Clock.Now = Today;
    }

    /// <summary>National Day 2027 off from Friday 1 to Thursday 7 October, Saturday 9 October worked in exchange.</summary>
    private static object[] NationalDay2027() =>
    [
        .. Enumerable.Range(1, 7).Select(d => Day($"2027-10-{d:D2}", false, "国庆节")),
        Day("2027-09-26", true, "调休上班"),
        Day("2027-10-09", true, "调休上班"),
    ];

    private static Dictionary<string, object?> Day(string? date, bool? worked, string? name) =>
        new() { ["date"] = date, ["isWorkingDay"] = worked, ["name"] = name };

    [Fact]
    public async Task Once_the_county_saves_2027_a_food_case_reported_before_national_day_is_due_after_it()
    {
        var admin = await app.SessionAsync("admin");
        var window = await app.SessionAsync("qiuchuan.window");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);

        // Before: 2027 is not configured, so the 3 working days of a food safety case skip only the weekend.
        var before = await window.ReportIdAsync(CaseCalls.Report(village, "SC01", "国庆前发现的变质月饼"));
        Assert.Equal(new DateTimeOffset(2027, 10, 4, 17, 30, 0, TimeSpan.FromHours(8)), await DeadlineAsync(before));

        using (var saved = await admin.SendJsonAsync(HttpMethod.Put, "/api/holidays/2027", new { days = NationalDay2027() }))
        {
            var body = await saved.JsonAsync(HttpStatusCode.OK);
            Assert.Equal(9, body.GetProperty("days").GetArrayLength());
        }

        // At once, not a minute later: Thursday 30 September, Friday 8 and the make-up Saturday 9 October.
        var after = await window.ReportIdAsync(CaseCalls.Report(village, "SC01", "国庆前发现的过期糕点"));
        Assert.Equal(new DateTimeOffset(2027, 10, 9, 17, 30, 0, TimeSpan.FromHours(8)), await DeadlineAsync(after));
        Assert.Equal(new DateTimeOffset(2027, 10, 4, 17, 30, 0, TimeSpan.FromHours(8)), await DeadlineAsync(before));
    }

    [Fact]
    public async Task The_year_reads_back_sorted_the_years_list_names_it_and_saving_the_same_list_again_changes_and_records_nothing()
    {
        var admin = await app.SessionAsync("admin");
        // Entered out of order, as someone adds a forgotten day at the end.
        object[] days = [Day("2028-02-05", true, "调休上班"), Day("2028-01-01", false, "元旦"), Day("2028-01-29", false, "春节")];

        using var first = await admin.SendJsonAsync(HttpMethod.Put, "/api/holidays/2028", new { days });
        var firstBody = await first.JsonAsync(HttpStatusCode.OK);
        var audited = await AuditCountAsync();
        var stored = await HolidaysAsync();
        using var second = await admin.SendJsonAsync(HttpMethod.Put, "/api/holidays/2028", new { days });
        var secondBody = await second.JsonAsync(HttpStatusCode.OK);

        Assert.Equal(firstBody.GetRawText(), secondBody.GetRawText());
        Assert.Equal(stored, await HolidaysAsync());
        Assert.Equal(audited, await AuditCountAsync());

        var year = await admin.GetJsonAsync("/api/holidays?year=2028");
        Assert.Equal(2028, year.GetProperty("year").GetInt32());
        var read = year.GetProperty("days").EnumerateArray()
            .Select(d => (d.GetProperty("date").GetString(), d.GetProperty("isWorkingDay").GetBoolean(), d.GetProperty("name").GetString()))
            .ToList();
        Assert.Equal([("2028-01-01", false, "元旦"), ("2028-01-29", false, "春节"), ("2028-02-05", true, "调休上班")], read);

        var years = (await admin.GetJsonAsync("/api/holidays/years")).EnumerateArray().Select(y => y.GetInt32()).ToList();
        Assert.Contains(2026, years);
        Assert.Contains(2028, years);
        Assert.Equal(years.Order(), years);
    }

    [Fact]
    public async Task Bad_rows_are_refused_each_named_by_its_row_and_nothing_is_written()
    {
        var admin = await app.SessionAsync("admin");
        var stored = await HolidaysAsync();
        var audited = await AuditCountAsync();
        object[] days =
        [
            Day("2027-05-01", false, "劳动节"),
            Day("2026-12-31", false, "元旦"),
            Day("2027-05-01", false, "劳动节"),
            Day("2027-05-07", true, "调休上班"),
            Day("2027-05-02", false, " "),
            Day("2027/05/03", false, "劳动节"),
            Day("2027-05-04", null, new string('节', 33)),
            Day(null, false, "劳动节"),
        ];

        using var response = await admin.SendJsonAsync(HttpMethod.Put, "/api/holidays/2027", new { days });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).Errors();
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["days[1].date"] = "日期不在该年内",
                ["days[2].date"] = "日期重复",
                ["days[3].date"] = "调休上班日应为周六或周日",
                ["days[4].name"] = "必填",
                ["days[5].date"] = "日期格式应为 年-月-日",
                ["days[6].isWorkingDay"] = "必填",
                ["days[6].name"] = "最多 32 个字",
                ["days[7].date"] = "必填",
            },
            errors.ToDictionary(e => e.Key, e => Assert.Single(e.Value)));

        foreach (var (url, body, field) in new (string, object, string)[]
        {
            ("/api/holidays/1999", new { days = Array.Empty<object>() }, "year"),
            ("/api/holidays/2027", new { }, "days"),
        })
        {
            using var refused = await admin.SendJsonAsync(HttpMethod.Put, url, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(field, (await refused.ProblemAsync()).Errors().Keys);
        }

        Assert.Equal(stored, await HolidaysAsync());
        Assert.Equal(audited, await AuditCountAsync());
    }

    [Theory]
    [InlineData("qiuchuan.staff")]
    [InlineData("qiuchuan.window")]
    [InlineData("judge")]
    public async Task Only_the_county_admin_may_read_or_change_the_calendar(string userName)
    {
        var other = await app.SessionAsync(userName);
        var stored = await HolidaysAsync();

        foreach (var (method, url) in new[] { (HttpMethod.Get, "/api/holidays?year=2026"), (HttpMethod.Get, "/api/holidays/years"), (HttpMethod.Put, "/api/holidays/2026") })
        {
            using var response = await other.SendJsonAsync(method, url, method == HttpMethod.Put ? new { days = Array.Empty<object>() } : null);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{userName} {method} {url}: {(int)response.StatusCode}");
            await response.ProblemAsync();
        }

        // A PUT of an empty list would have cleared 2026.
        Assert.Equal(stored, await HolidaysAsync());
    }

    [Fact]
    public async Task Each_added_renamed_and_removed_day_is_in_the_audit_under_the_county_with_the_admin_as_actor()
    {
        var admin = await app.SessionAsync("admin");
        var staff = await app.SessionAsync("qiuchuan.staff");
        const string url = "/api/audit?entityType=HolidayDay&entityId=2029-01-01";

        await PutAsync(admin, 2029, Day("2029-01-01", false, "元旦"));
        await PutAsync(admin, 2029, Day("2029-01-01", false, "元旦节"));
        await PutAsync(admin, 2029);

        var trail = (await admin.GetJsonAsync(url)).Items().OrderBy(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(["Created", "Updated", "Deleted"], trail.Select(e => e.GetProperty("action").GetString()));
        Assert.All(trail, e => Assert.Equal("县管理员 陈立", e.GetProperty("actorName").GetString()));
        var renamed = JsonDocument.Parse(trail[1].GetProperty("changes").GetString()!).RootElement.GetProperty("Name");
        Assert.Equal(["元旦", "元旦节"], renamed.EnumerateArray().Select(v => v.GetString()));

        // Filed under the county: a township's staff, who read their own township's trail, do not see it.
        Assert.Empty((await staff.GetJsonAsync(url)).Items());
    }

    private static async Task PutAsync(HttpClient client, int year, params object[] days)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Put, $"/api/holidays/{year.ToString(CultureInfo.InvariantCulture)}", new { days });
        await response.JsonAsync(HttpStatusCode.OK);
    }

    private async Task<DateTimeOffset> DeadlineAsync(long id) =>
        new DateTimeOffset((await app.StoredCaseAsync(id)).DeadlineUtc, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(8));

    /// <summary>Every configured day, read as the system.</summary>
    private Task<string> HolidaysAsync() => app.WithDbAsync(async db =>
        string.Join("\n", (await db.HolidayDays.AsNoTracking().OrderBy(d => d.Date).ToListAsync())
            .Select(d => FormattableString.Invariant($"{d.Date:yyyy-MM-dd}|{d.IsWorkingDay}|{d.Name}"))));

    private Task<int> AuditCountAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "HolidayDay"));
}
