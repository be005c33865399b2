using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shigan.Core.Cases;
using Shigan.Core.Contests;
using Shigan.Data.Demo;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>
/// The weekly 五比亮剑 of 大桥头乡: last week is computed and published, the arena shows it, and the gap between two
/// villages leads down to the late case behind it.
/// </summary>
public sealed class ContestFlowTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    private const string Mengqiao = "330822213214";

    [Fact]
    public async Task A_week_is_published_shown_in_the_arena_and_a_gap_is_followed_down_to_its_late_case()
    {
        var week = ContestPeriod.Previous(PeriodKind.Week, ContestPeriod.StartOf(PeriodKind.Week, ChinaTime.DateOf(DateTimeOffset.UtcNow)));
        var label = ContestPeriod.Label(PeriodKind.Week, week);
        var late = await AddLateCaseAsync(Mengqiao, week, "濛桥村口路灯坏了一周没人修");
        var contest = await App.WithDbAsync(db => db.Contests.Where(c => c.Name == ContestSeed.WeeklyName).Select(c => c.Id).SingleAsync());

        // (a) The county administrator computes last week and publishes it.
        await Login.SignInAsync("admin");
        await Page.GotoAsync($"/contests/{contest}");
        await Layout.WaitForAppAsync();
        var period = Page.Locator($"[data-test=period][data-period='{label}']");
        await Expect(period).ToContainTextAsync("未计算");
        await period.Locator("[data-test=compute]").ClickAsync();
        await Expect(Page.Locator("[data-test=sheet-status]")).ToHaveTextAsync("待发布");
        await Expect(Page.Locator("[data-test=sheet-row]")).ToHaveCountAsync(8);
        await Page.Locator("[data-test=publish] button").ClickAsync();
        await Expect(Page.Locator("[data-test=sheet-status]")).ToHaveTextAsync("已发布");
        await KeepScreenshotAsync("shigan-contest-sheet.png");

        // (b) The arena turns to the published week.
        var arena = await OpenAnotherPageAsync();
        await new Pages.LoginPage(arena).SignInAsync("admin");
        await arena.GotoAsync("/arena?seconds=600");
        await Expect(arena.Locator("[data-test=arena][data-interactive=yes]")).ToBeVisibleAsync();
        // Each turn waits for the screen to change: a second click before the first has landed would skip past it.
        var title = arena.Locator("[data-test=arena-title]");
        for (var turns = 0; turns < 5 && await title.InnerTextAsync() is var shown && shown != ContestSeed.WeeklyName; turns++)
        {
            await arena.Locator("[data-test=arena-next]").ClickAsync();
            await Expect(title).Not.ToHaveTextAsync(shown);
        }

        await Expect(arena.Locator("[data-test=arena-title]")).ToHaveTextAsync(ContestSeed.WeeklyName);
        await Expect(arena.Locator(".shigan-arena-period")).ToHaveTextAsync(label);
        await Expect(arena.Locator("[data-test=arena-row]")).ToHaveCountAsync(8);
        await KeepScreenshotAsync(arena, "shigan-contest-arena.png");

        // (c) 客弄 against 濛桥: the late-cases indicator explains part of the gap, and opens to the late case.
        await Page.Locator("[data-test=sheet-row][data-unit^='客弄'] [data-test=pick]").CheckAsync();
        await Page.Locator("[data-test=sheet-row][data-unit^='濛桥'] [data-test=pick]").CheckAsync();
        await Page.Locator("[data-test=explain]").ClickAsync();
        var part = Page.Locator("[data-test=gap-part][data-indicator='逾期事件数']");
        await Expect(part.Locator("[data-test=gap-points]")).ToHaveTextAsync("+10.00");
        await part.Locator("[data-test=show-records]").ClickAsync();
        await KeepScreenshotAsync("shigan-contest-explain.png");
        await part.Locator("[data-test=record-link]").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/cases/{late}$"));
        await Expect(Page.GetByText("濛桥村口路灯坏了一周没人修")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_contest_is_defined_on_the_form_and_weights_that_do_not_add_up_are_refused_there()
    {
        await Login.SignInAsync("admin");
        await Page.GotoAsync("/contests/new");
        await Layout.WaitForAppAsync();
        var form = Page.Locator("[data-test=contest-form]");
        await form.Locator("input[data-test=contest-name-input]").FillAsync("大桥头乡治理比拼");
        var picker = form.Locator("[data-test=unit-picker]");
        await picker.Locator("input[data-test=unit-search]").FillAsync("大桥头");
        await picker.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await picker.Locator("[data-test=unit-option][data-code='330822213000']").ClickAsync();
        await Expect(form.Locator(".shigan-check")).ToHaveCountAsync(9); // eight villages and the rescale box

        var row = form.Locator("[data-test=indicator-row]").First;
        await row.Locator("[data-test=indicator-name]").FillAsync("逾期事件数");
        await row.Locator("[data-test=indicator-weight]").FillAsync("80");
        await row.Locator("select[data-test=indicator-source]").SelectOptionAsync("cases.late");
        await row.Locator("select[data-test=indicator-missing]").SelectOptionAsync("ZeroPoints");
        await form.Locator("[data-test=save-contest] button").ClickAsync();
        await Expect(form.Locator("[data-field=weights] [data-test=field-error]")).ToHaveTextAsync("权重合计为 80，应为一百（或选择按比例折算）");
        await KeepScreenshotAsync("shigan-contest-define.png");

        await row.Locator("[data-test=indicator-weight]").FillAsync("100");
        await form.Locator("[data-test=save-contest] button").ClickAsync();
        await Expect(Page.Locator("[data-test=contest-name]")).ToHaveTextAsync("大桥头乡治理比拼");
        await Expect(Page.Locator("[data-test=indicators]")).ToContainTextAsync("无数据记 0 分");
        await KeepScreenshotAsync("shigan-contest-page.png");
    }

    private Task<long> AddLateCaseAsync(string villageCode, DateOnly week, string description) =>
        App.WithDbAsync(async db =>
        {
            var village = await db.Regions.SingleAsync(r => r.Code == villageCode);
            var category = await db.CaseCategories.OrderBy(c => c.Id).FirstAsync();
            var (from, _) = ContestPeriod.UtcRange(PeriodKind.Week, week);
            var added = new Case
            {
                CategoryId = category.Id,
                Platform = category.Platform,
                Status = CaseStatus.InProgress,
                Source = CaseSource.GridWorker,
                RegionId = village.Id,
                RegionPath = village.RegionPath,
                Description = description,
                ReportedAtUtc = from.AddHours(1),
                DeadlineUtc = from.AddDays(2),
            };
            db.Cases.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
}
