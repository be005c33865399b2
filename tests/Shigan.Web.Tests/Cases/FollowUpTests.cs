using Microsoft.AspNetCore.Hosting;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases;

/// <summary>A host where the follow-up call (回访) is due at once, so a case resolved a moment ago is already on the list.</summary>
public sealed class FollowUpNowApp : ShiganApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Cases:FollowUpDays", "0");
    }
}

/// <summary>The follow-up list: resolved cases still waiting for their rating after N days, and nothing else.</summary>
public sealed class FollowUpTests(FollowUpNowApp app) : IClassFixture<FollowUpNowApp>
{
    [Fact]
    public async Task Resolved_unrated_cases_are_due_for_follow_up_and_rated_or_open_ones_are_not()
    {
        using var window = await app.SignInAsync("qiuchuan.window");
        using var officer = await app.SignInAsync("qiuchuan.officer");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var unrated = await window.ReportIdAsync(CaseCalls.Report(village));
        var rated = await window.ReportIdAsync(CaseCalls.Report(village));
        var open = await window.ReportIdAsync(CaseCalls.Report(village));
        foreach (var id in new[] { unrated, rated })
        {
            await officer.ActAsync(id, "Start");
            await officer.ActAsync(id, "Resolve", new { note = "已整改" });
        }

        await window.ActAsync(rated, "Rate", new { rating = "Satisfied" });

        var due = (await officer.GetJsonAsync("/api/cases?followUp=true")).Items().Select(i => i.GetProperty("id").GetInt64()).ToList();

        Assert.Contains(unrated, due);
        Assert.DoesNotContain(rated, due);
        Assert.DoesNotContain(open, due);
    }
}

/// <summary>With the default of one day, a case resolved a moment ago is not yet due.</summary>
public sealed class FollowUpNotYetTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task A_case_resolved_moments_ago_is_not_yet_due_for_the_next_day_call()
    {
        using var window = await app.SignInAsync("qiuchuan.window");
        using var officer = await app.SignInAsync("qiuchuan.officer");
        var id = await window.ReportIdAsync(CaseCalls.Report(await app.FirstVillageIdAsync(Places.Qiuchuan)));
        await officer.ActAsync(id, "Start");
        await officer.ActAsync(id, "Resolve", new { note = "已整改" });

        var due = (await officer.GetJsonAsync("/api/cases?followUp=true")).Items().Select(i => i.GetProperty("id").GetInt64()).ToList();

        Assert.DoesNotContain(id, due);
        Assert.Contains(id, (await officer.GetJsonAsync("/api/cases?status=Resolved")).Items().Select(i => i.GetProperty("id").GetInt64()));
    }
}
