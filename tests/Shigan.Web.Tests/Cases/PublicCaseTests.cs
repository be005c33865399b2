using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases;

/// <summary>/public/cases: a citizen reports without an account, follows the case by its number and rates it.</summary>
public sealed class PublicCaseTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private const string Resolution = "已责令摊主下架变质肉品并处罚款";

    private async Task<string> ReportAnonymouslyAsync(HttpClient citizen)
    {
        using var response = await citizen.SendJsonAsync(HttpMethod.Post, "/public/cases", CaseCalls.Report(await app.FirstVillageIdAsync(Places.Qiuchuan)));
        var receipt = await response.JsonAsync(HttpStatusCode.Created);
        return receipt.GetProperty("trackingNumber").GetString()!;
    }

    private async Task<long> IdOfAsync(string number)
    {
        Assert.True(TrackingNumber.TryParse(number, TrackingNumber.DefaultPrefix, out var parts));
        return (await app.StoredCaseAsync(parts.Sequence)).Id;
    }

    private static string OneDigitChanged(string number)
    {
        var last = number[^1] - '0';
        return number[..^1] + ((last + 1) % 10).ToString(CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_citizen_reports_without_an_account_and_follows_the_case_with_no_personal_data_shown()
    {
        using var citizen = app.Anonymous();
        var officer = await app.SessionAsync("qiuchuan.officer");

        var number = await ReportAnonymouslyAsync(citizen);
        var id = await IdOfAsync(number);
        var stored = await app.StoredCaseAsync(id);
        Assert.Equal((CaseSource.Web, (string?)null, CaseStatus.Assigned), (stored.Source, stored.ReportedById, stored.Status));
        Assert.Equal("群众上报", stored.Events[0].ActorName);
        await officer.ActAsync(id, "Start");
        await officer.ActAsync(id, "Resolve", new { note = Resolution });

        using var response = await citizen.GetAsync($"/public/cases/{number}");
        var text = await response.Content.ReadAsStringAsync();
        var view = await response.JsonAsync(HttpStatusCode.OK);

        Assert.Equal(number, view.GetProperty("trackingNumber").GetString());
        Assert.Equal("Resolved", view.Status());
        Assert.Equal("食品安全", view.GetProperty("category").GetString());
        var village = await app.WithDbAsync(db => db.Regions.Where(r => r.Id == stored.RegionId).Select(r => r.Name).SingleAsync());
        Assert.Contains(village, view.GetProperty("place").GetString(), StringComparison.Ordinal);
        Assert.Contains("球川镇", view.GetProperty("place").GetString(), StringComparison.Ordinal);
        Assert.Equal("市场监管所", view.GetProperty("departmentName").GetString());
        Assert.True(view.GetProperty("canRate").GetBoolean());
        var steps = view.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["Reported", "Assigned", "InProgress", "Resolved"], steps.Select(s => s.GetProperty("status").GetString()));
        Assert.Equal(Resolution, steps[^1].GetProperty("note").GetString());

        var staffNames = await app.WithDbAsync(db => db.Users.Select(u => u.DisplayName).ToListAsync());
        var personal = new[] { CaseCalls.Phone, CaseCalls.ReporterName, "农贸市场东门", "菜市场一摊位出售变质猪肉" }.Concat(staffNames)
            .Where(p => text.Contains(p, StringComparison.Ordinal)).ToList();
        Assert.True(personal.Count == 0, $"the public page shows {string.Join(", ", personal)}: {text}");
    }

    [Fact]
    public async Task A_tracking_number_with_one_digit_changed_finds_nothing()
    {
        using var citizen = app.Anonymous();
        var number = await ReportAnonymouslyAsync(citizen);

        using var mistyped = await citizen.GetAsync($"/public/cases/{OneDigitChanged(number)}");
        using var nonsense = await citizen.GetAsync("/public/cases/CS20260101-0000000");

        Assert.Equal(HttpStatusCode.NotFound, mistyped.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nonsense.StatusCode);
    }

    [Fact]
    public async Task The_reporter_rates_once_with_the_phone_given_at_the_report_however_it_is_written()
    {
        using var citizen = app.Anonymous();
        var officer = await app.SessionAsync("qiuchuan.officer");
        var number = await ReportAnonymouslyAsync(citizen);
        var id = await IdOfAsync(number);
        await officer.ActAsync(id, "Start");
        await officer.ActAsync(id, "Resolve", new { note = Resolution });
        var before = await DbSnapshot.TakeAsync(app.Services);

        using (var wrongPhone = await citizen.SendJsonAsync(HttpMethod.Post, $"/public/cases/{number}/rating", new { phone = "13900009999", rating = "Satisfied" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrongPhone.StatusCode);
        }

        using (var wrongNumber = await citizen.SendJsonAsync(HttpMethod.Post, $"/public/cases/{OneDigitChanged(number)}/rating", new { phone = CaseCalls.Phone, rating = "Satisfied" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrongNumber.StatusCode);
        }

        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));

        using (var rated = await citizen.SendJsonAsync(HttpMethod.Post, $"/public/cases/{number}/rating", new { phone = "138-0000-1234", rating = "Satisfied", comment = "处理及时" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, rated.StatusCode);
        }

        var stored = await app.StoredCaseAsync(id);
        Assert.Equal((CaseStatus.Closed, CaseRating.Satisfied), (stored.Status, stored.Rating));
        Assert.Equal((CaseAction.Rate, "报告人", "处理及时"), (stored.Events[^1].Action, stored.Events[^1].ActorName, stored.Events[^1].Note));
        Assert.False((await citizen.GetJsonAsync($"/public/cases/{number}")).GetProperty("canRate").GetBoolean());

        var closed = await DbSnapshot.TakeAsync(app.Services);
        using (var again = await citizen.SendJsonAsync(HttpMethod.Post, $"/public/cases/{number}/rating", new { phone = CaseCalls.Phone, rating = "Dissatisfied" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            Assert.True((await again.ProblemAsync()).Errors().ContainsKey("rating"));
        }

        Assert.Equal(closed, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task A_rating_before_the_case_is_resolved_is_refused()
    {
        using var citizen = app.Anonymous();
        var number = await ReportAnonymouslyAsync(citizen);
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var early = await citizen.SendJsonAsync(HttpMethod.Post, $"/public/cases/{number}/rating", new { phone = CaseCalls.Phone, rating = "Satisfied" });

        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.True((await early.ProblemAsync()).Errors().ContainsKey("rating"));
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task A_bad_public_report_is_refused_and_creates_nothing()
    {
        using var citizen = app.Anonymous();
        var body = CaseCalls.Report(await app.FirstVillageIdAsync(Places.Qiuchuan), "XX99");
        body["description"] = "";
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var response = await citizen.SendJsonAsync(HttpMethod.Post, "/public/cases", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).Errors();
        Assert.True(errors.ContainsKey("categoryCode") && errors.ContainsKey("description"), string.Join(",", errors.Keys));
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }
}

/// <summary>The public pages are rate-limited per address: a script cannot fill the database.</summary>
public sealed class PublicRateLimitTests(StrictRateLimitApp app) : IClassFixture<StrictRateLimitApp>
{
    private const int Permits = StrictRateLimitApp.Permits;

    [Fact]
    public async Task Requests_beyond_the_limit_are_refused_with_429_and_Retry_After_and_report_nothing()
    {
        using var citizen = app.Anonymous();
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < Permits; i++)
        {
            using var response = await citizen.GetAsync("/public/cases/CS20260101-0000000");
            answers.Add(response.StatusCode);
        }

        var before = await DbSnapshot.TakeAsync(app.Services);
        using var blocked = await citizen.SendJsonAsync(HttpMethod.Post, "/public/cases", CaseCalls.Report(village));

        Assert.All(answers, s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.True(blocked.Headers.RetryAfter is not null, "no Retry-After header");
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }
}
