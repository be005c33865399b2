using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests;

/// <summary>
/// An account that is disabled or given another role loses what its open sessions could do. The host re-checks
/// cookies every minute; here it re-checks on every request, so the test needs no clock.
/// </summary>
public sealed class SessionRevalidationTests(SessionRevalidationTests.EagerApp app) : IClassFixture<SessionRevalidationTests.EagerApp>
{
    public sealed class EagerApp : ShiganApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_open_sessions()
    {
        using var window = await app.SignInAsync("qiuchuan.window");
        var admin = await app.SessionAsync("admin");
        Assert.Equal("qiuchuan.window", (await window.GetJsonAsync("/api/me")).GetProperty("userName").GetString());

        using (var disable = await admin.SendJsonAsync(HttpMethod.Put, $"/api/accounts/{await app.AccountIdAsync("qiuchuan.window")}",
            new { displayName = "球川镇窗口 徐丽", role = "WindowClerk", isDisabled = true }))
        {
            Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        }

        using var me = await window.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Taking_a_role_away_takes_its_powers_from_open_sessions()
    {
        var admin = await app.SessionAsync("admin");
        using var created = await admin.SendJsonAsync(HttpMethod.Post, "/api/accounts", new
        {
            userName = "demoted.staff",
            displayName = "将被降级",
            role = "TownshipStaff",
            regionId = await app.RegionIdAsync(Places.Qiuchuan),
            password = "Demoted#2026",
        });
        var id = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        using var staff = await app.SignInAsync("demoted.staff", "Demoted#2026");
        using (var before = await staff.GetAsync("/api/accounts"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var demote = await admin.SendJsonAsync(HttpMethod.Put, $"/api/accounts/{id}", new { displayName = "将被降级", role = "WindowClerk" }))
        {
            Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        }

        using var after = await staff.GetAsync("/api/accounts");
        Assert.Contains(after.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
    }
}
