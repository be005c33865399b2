using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shigan.Core.Cases;
using Shigan.Web.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>
/// The pages work under the site's Content-Security-Policy: the browser refuses nothing they load or run (a refused
/// script or style would leave a page dead or unstyled), from sign-in through the case pages to the citizens' pages.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_main_pages_load_and_work_with_nothing_refused_by_the_content_security_policy()
    {
        var (caseId, trackingNumber) = await ReportedCaseAsync();
        // Chromium reports every refusal on the console; the page's own event says the same for what the console misses.
        var refused = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add($"{Page.Url}: {message.Text}");
            }
        };
        await Page.Context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy refused ' + e.violatedDirective + ' ' + e.blockedURI));");

        var signIn = await Page.GotoAsync("/account/login");
        Assert.Contains("frame-ancestors 'none'", await signIn!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        await Login.SubmitAsync("admin", Shigan.Data.Demo.ChangshanSeed.DemoPassword);
        await Expect(Layout.UserName).ToBeVisibleAsync();
        await Layout.WaitForAppAsync();

        var cases = new CasesListPage(Page);
        await cases.GotoAsync();
        // An AntDesign dropdown: positioned by its script through inline styles.
        await Page.Locator("[data-test=status-filter] .ant-select-selector").ClickAsync();
        await Expect(Page.Locator(".ant-select-dropdown:visible")).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Escape");
        await cases.OpenAsync(trackingNumber);
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/cases/{caseId}$"));

        foreach (var path in new[] { "/", "/cases/new", "/org", "/settings/holidays" })
        {
            await Page.GotoAsync(path);
            await Layout.WaitForAppAsync();
        }

        // The citizens' pages, without an account.
        var citizen = await OpenAnotherPageAsync();
        citizen.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add($"{citizen.Url}: {message.Text}");
            }
        };
        await citizen.GotoAsync("/report");
        await Expect(citizen.Locator("#reporterName")).ToBeVisibleAsync();
        var track = new PublicTrackPage(citizen);
        await track.GotoAsync();
        await track.LookUpAsync(trackingNumber);
        await Expect(track.Status).ToBeVisibleAsync();

        Assert.Empty(refused);
    }

    /// <summary>A case waiting at 球川镇's market office, as the window would have filed it.</summary>
    private Task<(long Id, string TrackingNumber)> ReportedCaseAsync() => App.WithDbAsync(async db =>
    {
        var category = await db.CaseCategories.SingleAsync(c => c.Code == "SC01");
        var place = await db.Regions.SingleAsync(r => r.Code == "330822111000");
        var department = await db.Departments.SingleAsync(d => d.RegionPath == place.RegionPath && d.Name == "市场监管所");
        var now = DateTime.UtcNow;
        var c = new Case
        {
            CategoryId = category.Id,
            Platform = category.Platform,
            Status = CaseStatus.Assigned,
            Source = CaseSource.Window,
            RegionId = place.Id,
            RegionPath = place.RegionPath,
            Description = "农贸市场东门摊位出售变质猪肉",
            ReporterName = "王芳",
            ReporterPhone = "13905701234",
            ReportedAtUtc = now.AddHours(-2),
            DeadlineUtc = now.AddDays(3),
            DepartmentId = department.Id,
            Version = 1,
        };
        c.Events.Add(new CaseEvent { AtUtc = c.ReportedAtUtc, Kind = CaseEventKind.Reported, ToStatus = CaseStatus.Reported, ActorName = "测试", RegionPath = place.RegionPath });
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return (c.Id, c.TrackingNumber);
    });
}
