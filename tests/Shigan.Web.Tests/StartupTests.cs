using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Org;
using Shigan.Data.Demo;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests;

/// <summary>A first start loads Changshan once; a later start on the same database keeps what is there.</summary>
public sealed partial class StartupTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task A_fresh_start_loads_the_whole_Changshan_tree_and_the_demo_accounts()
    {
        var levels = await app.WithDbAsync(db => db.Regions.GroupBy(r => r.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        var accounts = await app.WithDbAsync(db => db.Users.Select(u => u.UserName!).ToListAsync());

        Assert.Equal(1, levels.Single(l => l.Key == RegionLevel.County).Count);
        Assert.Equal(14, levels.Single(l => l.Key == RegionLevel.Township).Count);
        Assert.Equal(198, levels.Single(l => l.Key == RegionLevel.Village).Count);
        Assert.Equal(594, levels.Single(l => l.Key == RegionLevel.Grid).Count);
        Assert.Equal(ChangshanSeed.Accounts.Select(a => a.UserName).Order(), accounts.Order());
        Assert.Equal(12, accounts.Count);
    }

    [Fact]
    public async Task A_second_start_on_the_same_database_keeps_the_data_and_does_not_load_it_again()
    {
        var admin = await app.SessionAsync("admin");
        var department = await app.PoliceStationIdAsync(Places.Qiuchuan);
        using (var renamed = await admin.SendJsonAsync(HttpMethod.Put, $"/api/departments/{department}",
            new { name = "球川派出所（重启前改名）", platform = "ComprehensiveGovernance", isActive = true }))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        }

        var before = await DbSnapshot.TakeAsync(app.Services);

        await using var second = new HostOn(app.Connection);
        _ = second.Server; // starts it: migrations and the seed step run now
        Assert.Equal(before, await DbSnapshot.TakeAsync(second.Services));

        using var client = second.Cookieless();
        client.DefaultRequestHeaders.Add("Cookie", await SignInForm.SessionCookieAsync(client, "admin", ChangshanSeed.DemoPassword));
        var shown = await client.GetJsonAsync($"/api/departments/{department}");
        Assert.Equal("球川派出所（重启前改名）", shown.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_session_opened_before_a_restart_still_works_after_it()
    {
        using var first = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var cookie = await SignInForm.SessionCookieAsync(first, "qiuchuan.staff", ChangshanSeed.DemoPassword);

        await using var second = new HostOn(app.Connection);
        using var client = second.Cookieless();
        client.DefaultRequestHeaders.Add("Cookie", cookie);

        // The cookie keys live in the database, so a restarted (or second) instance reads the same cookies.
        Assert.Equal("qiuchuan.staff", (await client.GetJsonAsync("/api/me")).GetProperty("userName").GetString());
    }

    [Fact]
    public async Task The_openapi_document_lists_every_api_and_public_route()
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync("/openapi/v1.json");
        var document = await response.JsonAsync(HttpStatusCode.OK);

        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Name != "parameters")
                .Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .Order(StringComparer.Ordinal);
        // Route patterns carry constraints and trailing slashes that OpenAPI paths do not.
        var mapped = RouteTable.ApiRoutes(app.Services).Concat(RouteTable.PublicRoutes(app.Services))
            .Select(r => Constraint().Replace(r, "").TrimEnd('/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(mapped, documented);
    }

    [GeneratedRegex(":[^}]+")]
    private static partial Regex Constraint();
}
