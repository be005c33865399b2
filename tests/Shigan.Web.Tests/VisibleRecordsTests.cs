using System.Net;
using Microsoft.EntityFrameworkCore;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests;

/// <summary>Lists and searches return exactly the records inside the caller's unit, checked against the database.</summary>
public sealed class VisibleRecordsTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Theory]
    [InlineData("mengqiao.cadre", Places.Mengqiao, "网格")]
    [InlineData("mengqiao.cadre", Places.Mengqiao, "村")]
    [InlineData("mengqiao.cadre", Places.Mengqiao, "330822213")]
    [InlineData("mengqiao.grid", Places.Mengqiao + "001", "网格")]
    [InlineData("qiuchuan.staff", Places.Qiuchuan, "村")]
    [InlineData("qiuchuan.staff", Places.Qiuchuan, "3308221")]
    [InlineData("qiuchuan.staff", Places.Qiuchuan, "大桥")]
    public async Task A_unit_search_finds_exactly_the_matching_units_inside_the_callers_unit(string user, string unit, string q)
    {
        var client = await app.SessionAsync(user);
        var scope = await app.RegionPathAsync(unit);
        var digits = q.All(char.IsAsciiDigit);
        var expected = await app.WithDbAsync(db => db.Regions
            .Where(r => r.RegionPath.StartsWith(scope) && (digits ? r.Code.StartsWith(q) : r.Name.Contains(q)))
            .Select(r => r.Id).OrderBy(id => id).ToListAsync());

        var page = await client.GetJsonAsync($"/api/regions?q={Uri.EscapeDataString(q)}&pageSize=200");

        Assert.Equal(expected, page.Items().Select(r => r.GetProperty("id").GetInt32()).Order().ToList());
        Assert.Equal(expected.Count, page.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("[村]")]
    public async Task Wildcard_characters_in_a_search_are_taken_literally(string q)
    {
        var admin = await app.SessionAsync("admin");

        var regions = await admin.GetJsonAsync($"/api/regions?q={Uri.EscapeDataString(q)}");
        var departments = await admin.GetJsonAsync($"/api/departments?q={Uri.EscapeDataString(q)}");
        var accounts = await admin.GetJsonAsync($"/api/accounts?q={Uri.EscapeDataString(q)}");

        Assert.Equal(0, regions.GetProperty("total").GetInt32());
        Assert.Equal(0, departments.GetProperty("total").GetInt32());
        Assert.Equal(0, accounts.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_village_cadre_sees_their_village_as_the_top_of_the_tree_without_the_units_above()
    {
        var cadre = await app.SessionAsync("mengqiao.cadre");

        var roots = await cadre.GetJsonAsync("/api/regions");
        var village = Assert.Single(roots.Items());
        Assert.Equal(Places.Mengqiao, village.GetProperty("code").GetString());
        var detail = await cadre.GetJsonAsync($"/api/regions/{village.GetProperty("id").GetInt32()}");
        // The trail up the tree stops at the caller's own unit: the township and county above are not shown.
        Assert.Equal([Places.Mengqiao], detail.GetProperty("trail").EnumerateArray().Select(t => t.GetProperty("code").GetString()));
        using var township = await cadre.GetAsync($"/api/regions/{await app.RegionIdAsync(Places.Daqiaotou)}");
        Assert.Equal(HttpStatusCode.NotFound, township.StatusCode);
        using var neighbour = await cadre.GetAsync($"/api/regions/{await app.RegionIdAsync(Places.Kenong)}");
        Assert.Equal(HttpStatusCode.NotFound, neighbour.StatusCode);
    }

    [Fact]
    public async Task Township_staff_list_exactly_their_townships_departments()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var scope = await app.RegionPathAsync(Places.Qiuchuan);
        var expected = await app.WithDbAsync(db => db.Departments.Where(d => d.RegionPath.StartsWith(scope)).Select(d => d.Id).OrderBy(id => id).ToListAsync());

        var page = await staff.GetJsonAsync("/api/departments?pageSize=200");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, page.Items().Select(d => d.GetProperty("id").GetInt32()).Order().ToList());
        Assert.All(page.Items(), d => Assert.StartsWith("330822111", d.GetProperty("regionCode").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Township_staff_list_exactly_their_townships_accounts()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var scope = await app.RegionPathAsync(Places.Qiuchuan);
        var expected = await app.WithDbAsync(db => db.Users.Where(u => u.RegionPath.StartsWith(scope)).Select(u => u.UserName!).OrderBy(n => n).ToListAsync());

        var page = await staff.GetJsonAsync("/api/accounts?pageSize=200");

        Assert.Equal(["qiuchuan.bank", "qiuchuan.officer", "qiuchuan.staff", "qiuchuan.window"], expected);
        Assert.Equal(expected, page.Items().Select(a => a.GetProperty("userName").GetString()!).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Township_staff_read_exactly_their_townships_audit_trail()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var scope = await app.RegionPathAsync(Places.Qiuchuan);
        var expected = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.RegionPath.StartsWith(scope)).Select(a => a.Id).ToListAsync());

        var page = await staff.GetJsonAsync("/api/audit?pageSize=200");

        Assert.InRange(expected.Count, 1, 200);
        Assert.Equal(expected.Order(), page.Items().Select(a => a.GetProperty("id").GetInt64()).Order());
        Assert.Equal(expected.Count, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_village_cadre_lists_no_departments_since_none_sit_in_a_village()
    {
        var cadre = await app.SessionAsync("mengqiao.cadre");

        var page = await cadre.GetJsonAsync("/api/departments?pageSize=200");

        Assert.Equal(0, page.GetProperty("total").GetInt32());
        Assert.Empty(page.Items());
    }
}
