using Microsoft.EntityFrameworkCore;
using Shigan.Core.Projects;
using Shigan.Data.Demo;
using Shigan.Web.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>
/// The demo projects used as a township's staff use them each day: a milestone finished on its day and entered the
/// next morning is marked done on that day and counts as on time; a "done" marked by mistake is undone, and both
/// steps stay in the history. The county board fits its card on a 1,400-pixel screen.
/// </summary>
public sealed class ProjectDailyUseTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_milestone_done_on_its_day_is_entered_later_with_that_day_and_a_mistaken_done_is_undone()
    {
        await SeedAsync();
        await Login.SignInAsync("qiuchuan.staff");
        var pages = new ProjectPages(Page);
        await pages.GotoBoardAsync();
        await pages.OpenAsync("球川老街改造");
        var pipes = pages.Milestone("管线下地");
        await Expect(pipes.Locator("[data-test=milestone-state]")).ToHaveTextAsync("逾期");
        var planned = await App.WithDbAsync(db => db.ProjectMilestones.Where(m => m.Name == "管线下地").Select(m => m.PlannedDate).SingleAsync());

        // Finished on its planned day, entered today: the form offers today, the user gives the day it was done.
        await pipes.Locator("[data-test=milestone-done]").ClickAsync();
        var form = pages.DoneForm;
        var date = form.Form.Locator("[data-test=milestone-done-date]");
        await Expect(date).ToHaveValueAsync(Core.Cases.ChinaTime.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await date.FillAsync(planned.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await form.SaveAsync();
        await form.ExpectClosedAsync();

        await Expect(pipes.Locator("[data-test=milestone-state]")).ToHaveTextAsync("按时完成");
        Assert.Equal(planned, await App.WithDbAsync(db => db.ProjectMilestones.Where(m => m.Name == "管线下地").Select(m => m.DoneDate).SingleAsync()));

        // 立面整治 marked done by a slip of the mouse: undone, and it is due again, with both steps in the history.
        var facade = pages.Milestone("立面整治");
        await facade.Locator("[data-test=milestone-done]").ClickAsync();
        await form.SaveAsync();
        await form.ExpectClosedAsync();
        await Expect(facade.Locator("[data-test=milestone-state]")).ToHaveTextAsync("按时完成");
        await pages.UndoMilestoneAsync("立面整治");
        await Expect(facade.Locator("[data-test=milestone-state]")).ToHaveTextAsync("未到期");
        await Expect(facade.Locator("[data-test=milestone-done]")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-test=history-item]").First).ToContainTextAsync("撤销里程碑完成");
        Assert.Null(await App.WithDbAsync(db => db.ProjectMilestones.Where(m => m.Name == "立面整治").Select(m => m.DoneDate).SingleAsync()));
        Assert.Equal(
            [ProjectEventKind.MilestoneReopened, ProjectEventKind.MilestoneDone, ProjectEventKind.MilestoneDone],
            await App.WithDbAsync(db => db.ProjectEvents.Where(e => e.Project!.Name == "球川老街改造").OrderByDescending(e => e.Id).Take(3).Select(e => e.Kind).ToListAsync()));
    }

    [Fact]
    public async Task On_a_1400_pixel_screen_the_county_board_keeps_every_column_inside_its_card()
    {
        await SeedAsync();
        await Page.SetViewportSizeAsync(1400, 900);
        await Login.SignInAsync("admin");
        var pages = new ProjectPages(Page);
        await pages.GotoBoardAsync();
        await Expect(Page.Locator("[data-test=project-row]")).ToHaveCountAsync(14);

        var card = (await Page.Locator(".shigan-content").BoundingBoxAsync())!;
        var table = (await pages.Board.BoundingBoxAsync())!;
        var status = (await Page.Locator("[data-test=project-board] th").Last.BoundingBoxAsync())!;
        // The card's padding is 24 px: the table ends inside it, its last column (状态) with it.
        Assert.True(table.X + table.Width <= card.X + card.Width - 24 + 0.5, $"table ends at {table.X + table.Width}, the card's content at {card.X + card.Width - 24}");
        Assert.True(status.X + status.Width <= card.X + card.Width - 24 + 0.5, $"状态 ends at {status.X + status.Width}");
        await KeepScreenshotAsync("shigan-project-board.png");
    }

    // The demo projects (球川老街改造 among them), once per host.
    private Task<bool> SeedAsync() => App.WithDbAsync(db => ProjectSeed.RunAsync(db, TimeProvider.System));
}
