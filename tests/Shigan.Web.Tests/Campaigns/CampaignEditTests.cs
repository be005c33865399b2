using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Testing;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Support.CampaignCalls;

namespace Shigan.Web.Tests.Campaigns;

/// <summary>
/// A campaign's manager corrects its name and dates: the change is saved and audited; a stale form, a start after the
/// first recorded step, and a township changing a county-wide campaign are refused, and nothing changes.
/// </summary>
public sealed class CampaignEditTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task The_manager_moves_the_target_date_and_renames_it_and_the_audit_keeps_the_old_values()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var id = await staff.CreateHousingAsync("老街治危", await app.RegionIdAsync(Places.Qiuchuan));
        var before = await staff.GetJsonAsync($"/api/campaigns/{id}");
        var target = DateOnly.Parse(before.GetProperty("targetDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture).AddDays(15);

        using var response = await staff.PutAsJsonAsync($"/api/campaigns/{id}", new
        {
            name = "老街危旧房治理",
            startDate = before.GetProperty("startDate").GetString(),
            targetDate = target,
            version = before.GetProperty("version").GetInt32(),
        });

        var after = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("老街危旧房治理", after.GetProperty("name").GetString());
        Assert.Equal(target.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), after.GetProperty("targetDate").GetString());
        var trail = (await staff.GetJsonAsync($"/api/audit?entityType=Campaign&entityId={id}")).Items().ToList();
        Assert.Contains(trail, e => e.GetProperty("action").GetString() == "Updated" && e.GetProperty("changes").GetString()!.Contains("老街治危", StringComparison.Ordinal));

        // The same form sent again is stale now: someone (here, the same manager) saved in between.
        using var stale = await staff.PutAsJsonAsync($"/api/campaigns/{id}", new
        {
            name = "又改一次",
            startDate = before.GetProperty("startDate").GetString(),
            targetDate = target,
            version = before.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("老街危旧房治理", (await staff.GetJsonAsync($"/api/campaigns/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_start_cannot_move_past_the_first_recorded_step()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var id = await staff.CreateHousingAsync("起始日期", await app.RegionIdAsync(Places.Qiuchuan));
        using (var import = await staff.ImportAsync(id, Sheet([Household("起始小区", "1幢", "1单元", "101")])))
        {
            await import.JsonAsync(HttpStatusCode.OK);
        }

        var household = (await staff.TargetAsync(id, "起始小区/1幢/1单元101")).GetProperty("id").GetInt64();
        using (var moved = await staff.PostAsJsonAsync($"/api/campaigns/{id}/targets/{household}/stage", new { stage = 1 }))
        {
            await moved.JsonAsync(HttpStatusCode.OK);
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        using var response = await staff.PutAsJsonAsync($"/api/campaigns/{id}", new { name = "起始日期", startDate = today.AddDays(2), targetDate = today.AddDays(40) });

        Assert.Equal(["开始日期不能晚于已记录的第一次进展"], (await response.ProblemAsync()).Errors()["startDate"]);
    }

    [Fact]
    public async Task A_township_cannot_change_a_campaign_that_covers_another_township_too()
    {
        var admin = await app.SessionAsync("admin");
        var id = await admin.CreateHousingAsync("两乡联动", await app.RegionIdAsync(Places.Qiuchuan), await app.RegionIdAsync(Places.Daqiaotou));
        var staff = await app.SessionAsync("qiuchuan.staff");

        using var response = await staff.PutAsJsonAsync($"/api/campaigns/{id}", new { name = "改成球川的", startDate = "2026-11-01", targetDate = "2026-12-31" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("两乡联动", await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.Name).SingleAsync()));
    }
}
