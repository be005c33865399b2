using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Web.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>
/// The county administrator opens the dashboard: the ECharts charts draw (a canvas in each), and a click on a
/// platform × status figure lands on the work list showing exactly those cases; a township's late figure likewise.
/// </summary>
public sealed class DashboardFlowTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_admin_sees_the_charts_and_a_figure_opens_the_list_of_that_many_cases()
    {
        var platform = await App.WithDbAsync(async db =>
        {
            await StoredCases.InsertAsync(db, new(Description: "路边垃圾堆放多日无人清运"));
            await StoredCases.InsertAsync(db, new(Description: "河边垃圾无人清理"));
            await StoredCases.InsertAsync(db, new(Status: CaseStatus.InProgress, Description: "村道垃圾桶满溢", ReportedAgo: TimeSpan.FromDays(5), DueIn: TimeSpan.FromDays(-1)));
            return await db.CaseCategories.Where(c => c.Code == "ZF03").Select(c => c.Platform).SingleAsync();
        });
        await Login.SignInAsync("admin");
        var dashboard = new DashboardPage(Page);
        await dashboard.GotoAsync();

        await Expect(dashboard.Total).ToContainTextAsync("3");
        await Expect(dashboard.CasesChart).ToHaveAttributeAsync("data-rendered", "2");
        await Expect(dashboard.CasesChart.Locator("canvas")).ToHaveCountAsync(1);
        await Expect(dashboard.DailyChart).ToHaveAttributeAsync("data-rendered", "30");
        await Expect(dashboard.DailyChart.Locator("canvas")).ToHaveCountAsync(1);
        await Expect(dashboard.LateChart.Locator("canvas")).ToHaveCountAsync(1);
        var reported = dashboard.Cell(platform, CaseStatus.Reported);
        await Expect(reported).ToHaveTextAsync("2");
        await KeepScreenshotAsync("shigan-dashboard.png");

        await reported.ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($@"/cases\?platform={platform}&status=Reported$"));
        var list = new CasesListPage(Page);
        await Expect(list.CaseLinks).ToHaveCountAsync(2);
        await Expect(Page.Locator("[data-test=shown]")).ToContainTextAsync("2");

        // The late figure of 球川镇: its one late case, and the list says which unit it is filtered to.
        await dashboard.GotoAsync();
        await Expect(dashboard.LateLinks).ToHaveTextAsync(["1"]);
        await dashboard.LateLinks.ClickAsync();
        await Expect(Page.Locator("[data-test=unit-filter]")).ToContainTextAsync("球川镇");
        await Expect(list.CaseLinks).ToHaveCountAsync(1);
        await Expect(Page.Locator("[data-test=view-late] button.ant-btn-primary")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Leaving_the_dashboard_before_its_charts_are_drawn_leaves_the_next_page_working()
    {
        await Login.SignInAsync("qiuchuan.staff");
        // The charts' script is held back, so the user is gone before any chart is drawn.
        var held = new TaskCompletionSource();
        var gone = new TaskCompletionSource();
        var released = new TaskCompletionSource();
        await Page.RouteAsync("**/js/dashboard-chart.js", async route =>
        {
            held.TrySetResult();
            await gone.Task;
            await route.ContinueAsync();
            released.TrySetResult();
        });
        var dashboard = new DashboardPage(Page);
        await dashboard.GotoAsync();
        await held.Task;

        await Layout.OpenFromMenuAsync("行政区划");

        await Expect(Org.Code).ToHaveTextAsync("330822111000");
        // The held script now arrives for a page that is gone; the circuit must live on.
        gone.SetResult();
        await released.Task;
        // Once the browser has the module, the dashboard's import has answered the server too: the search below
        // travels after that answer on the same connection, so a circuit it ended would not serve it.
        await Page.EvaluateAsync("() => import('/js/dashboard-chart.js')");
        await Org.SearchAsync("龙头街");
        await Expect(Org.SearchResultsHeading).ToBeVisibleAsync();
        await Expect(Org.Table).ToContainTextAsync("龙头街居委会");
        Assert.Equal(0, await dashboard.CasesChart.CountAsync());
    }
}
