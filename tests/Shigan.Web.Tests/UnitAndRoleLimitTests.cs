using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests;

/// <summary>Forged unit ids in request bodies, and the limits each role has beside its unit.</summary>
public sealed class UnitAndRoleLimitTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task A_new_department_in_a_forged_foreign_unit_is_refused_and_nothing_is_created()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var response = await staff.PostAsJsonAsync("/api/departments",
            new { name = "伪造单位部门", kind = "TownshipPlatform", platform = "LawEnforcement", regionId = await app.RegionIdAsync(Places.Daqiaotou) });

        AssertRefusedOnRegion(response, await response.ProblemAsync());
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task A_new_account_in_a_forged_foreign_unit_is_refused_and_nothing_is_created()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var response = await staff.PostAsJsonAsync("/api/accounts",
            new { userName = "forged.cadre", displayName = "伪造", role = "VillageCadre", regionId = await app.RegionIdAsync(Places.Kenong), password = "Forged#2026x" });

        AssertRefusedOnRegion(response, await response.ProblemAsync());
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task An_account_cannot_be_moved_into_a_foreign_unit()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var officer = await app.AccountIdAsync("qiuchuan.officer");
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var response = await staff.SendJsonAsync(HttpMethod.Put, $"/api/accounts/{officer}",
            new { displayName = "球川镇平台 郑强", role = "PlatformOfficer", regionId = await app.RegionIdAsync(Places.Daqiaotou), isDisabled = false });

        AssertRefusedOnRegion(response, await response.ProblemAsync());
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Theory]
    [InlineData("CountyAdmin")]
    [InlineData("Judge")]
    public async Task Township_staff_cannot_grant_a_role_above_their_own(string role)
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var qiuchuan = await app.RegionIdAsync(Places.Qiuchuan);
        var window = await app.AccountIdAsync("qiuchuan.window");
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var created = await staff.PostAsJsonAsync("/api/accounts",
            new { userName = "grant." + role.ToLowerInvariant(), displayName = "越级", role, regionId = qiuchuan, password = "Grant#2026xx" });
        using var promoted = await staff.SendJsonAsync(HttpMethod.Put, $"/api/accounts/{window}",
            new { displayName = "球川镇窗口 徐丽", role, regionId = qiuchuan, isDisabled = false });

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Contains("role", (await created.ProblemAsync()).Errors().Keys);
        Assert.Equal(HttpStatusCode.BadRequest, promoted.StatusCode);
        Assert.Contains("role", (await promoted.ProblemAsync()).Errors().Keys);
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task An_account_cannot_sit_at_a_level_its_role_does_not_fit()
    {
        var admin = await app.SessionAsync("admin");
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var response = await admin.PostAsJsonAsync("/api/accounts",
            new { userName = "misplaced.cadre", displayName = "村干部在乡镇", role = "VillageCadre", regionId = await app.RegionIdAsync(Places.Qiuchuan), password = "Level#2026xx" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("regionId", (await response.ProblemAsync()).Errors().Keys);
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Theory]
    [InlineData("GET", "/api/accounts")]
    [InlineData("POST", "/api/accounts")]
    [InlineData("GET", "/api/audit")]
    [InlineData("POST", "/api/departments")]
    public async Task A_village_cadre_is_forbidden_the_administration_endpoints(string method, string url)
    {
        var cadre = await app.SessionAsync("mengqiao.cadre");
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var response = await cadre.SendJsonAsync(new HttpMethod(method), url, method == "POST" ? new { name = "x" } : null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await response.ProblemAsync();
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task A_village_cadre_adds_grids_to_their_own_village_but_not_to_the_neighbours()
    {
        var cadre = await app.SessionAsync("mengqiao.cadre");
        var neighbour = await app.RegionIdAsync(Places.Kenong);
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var refused = await cadre.PostAsJsonAsync($"/api/regions/{neighbour}/grids", new { name = "第四网格" });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        await refused.ProblemAsync();
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));

        using var added = await cadre.PostAsJsonAsync($"/api/regions/{await app.RegionIdAsync(Places.Mengqiao)}/grids", new { name = "第四网格" });
        var grid = await added.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(Places.Mengqiao + "004", grid.GetProperty("code").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Regions.CountAsync(r => r.ParentId == neighbour && r.Name == "第四网格")));
    }

    [Fact]
    public async Task A_grid_worker_cannot_add_grids()
    {
        var worker = await app.SessionAsync("mengqiao.grid");
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var response = await worker.PostAsJsonAsync($"/api/regions/{await app.RegionIdAsync(Places.Mengqiao)}/grids", new { name = "网格员自建网格" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    private static void AssertRefusedOnRegion(HttpResponseMessage response, System.Text.Json.JsonElement problem)
    {
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("regionId", problem.Errors().Keys);
        }
    }
}
