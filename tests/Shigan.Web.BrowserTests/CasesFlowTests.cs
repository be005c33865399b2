using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shigan.Core.Cases;
using Shigan.Web.BrowserTests.Pages;
using Shigan.Web.Cases;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>
/// A case from end to end: the window takes a report, the platform officer handles it, the citizen follows it and
/// rates it on the public page with the tracking number; and a late case shows as supervised (督办).
/// </summary>
public sealed class CasesFlowTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    private const string Clerk = "qiuchuan.window";
    private const string Officer = "qiuchuan.officer";
    private const string Phone = "13905701234";

    [Fact]
    public async Task The_window_takes_a_report_the_officer_resolves_it_and_the_citizen_rates_it_on_the_public_page()
    {
        // (a) The window clerk reports a food safety case in a village of 球川镇, with the reporter's phone.
        await Login.SignInAsync(Clerk);
        var list = new CasesListPage(Page);
        await list.GotoAsync();
        await list.NewCaseLink.ClickAsync();
        var form = new NewCasePage(Page);
        await form.WaitUntilReadyAsync();
        await form.ChooseCategoryAsync("食品安全");
        await form.ChoosePlaceAsync("龙头街");
        await form.FillAddressAsync("龙头街 18 号");
        await form.FillDescriptionAsync("小吃店后厨卫生差，顾客吃后腹泻");
        await form.FillReporterNameAsync("王芳");
        await form.FillReporterPhoneAsync(Phone);
        await form.SubmitAsync();
        var number = await form.ReadTrackingNumberAsync();
        Assert.Matches(@"^\S+$", number);
        await KeepScreenshotAsync("shigan-case-reported.png");

        // (b) The platform officer, at another desk, finds it in the work list, takes it up and resolves it.
        var desk = await OpenAnotherPageAsync();
        await new LoginPage(desk).SignInAsync(Officer);
        var officerList = new CasesListPage(desk);
        await officerList.GotoAsync();
        await Expect(officerList.StatusOf(number)).ToHaveTextAsync("已交办");
        await officerList.OpenAsync(number);
        var detail = new CaseDetailPage(desk);
        await new Layout(desk).WaitForAppAsync();
        await Expect(detail.Department).ToHaveTextAsync("市场监管所");
        await Expect(detail.ReporterPhone).ToHaveTextAsync(Phone);
        await detail.ActAsync("Start");
        await Expect(detail.Status).ToHaveTextAsync("办理中");
        await detail.ActAsync("Resolve", note: "已责令停业整改，后厨已消毒");
        await Expect(detail.Status).ToHaveTextAsync("已办结");
        await Expect(detail.History).ToContainTextAsync("已责令停业整改，后厨已消毒");
        await Expect(detail.HistoryItems).ToHaveCountAsync(4); // reported, routed, started, resolved
        await KeepScreenshotAsync(desk, "shigan-case-resolved.png");

        // (c) The citizen, with no account, follows the case from the sign-in page's link and rates it.
        var citizen = await OpenAnotherPageAsync();
        await new LoginPage(citizen).GotoAsync();
        await citizen.Locator("[data-test=public-track-link]").ClickAsync();
        await Expect(citizen).ToHaveURLAsync(PublicTrackPage.Address());
        var track = new PublicTrackPage(citizen);
        await track.LookUpAsync(number);
        await Expect(track.StatusText).ToHaveTextAsync("已办结");
        await Expect(track.Notes).ToContainTextAsync(["已责令停业整改，后厨已消毒"]);
        await Expect(track.Status).ToContainTextAsync("食品安全");
        // Nothing personal on the public page: no phone, no name, no staff member.
        await Expect(citizen.Locator("body")).Not.ToContainTextAsync(Phone);
        await Expect(citizen.Locator("body")).Not.ToContainTextAsync("王芳");
        await Expect(citizen.Locator("body")).Not.ToContainTextAsync("郑强");
        await KeepScreenshotAsync(citizen, "shigan-case-track.png");

        // A wrong phone number is refused and changes nothing.
        await track.RateAsync("13900000000", "Satisfied");
        await Expect(track.RateErrors).ToContainTextAsync(["电话与该事件上报时留的电话不一致"]);
        await Expect(track.StatusText).ToHaveTextAsync("已办结");

        await track.RateAsync(Phone, "Satisfied", "处理及时");
        await Expect(track.Rated).ToBeVisibleAsync();
        await Expect(track.StatusText).ToHaveTextAsync("已关闭");
        await Expect(track.RateForm).ToHaveCountAsync(0);
        await KeepScreenshotAsync(citizen, "shigan-case-rated.png");

        // The officer's page, reloaded, shows the rating in the history.
        await desk.ReloadAsync();
        await new Layout(desk).WaitForAppAsync();
        await Expect(detail.Status).ToHaveTextAsync("已关闭");
        await Expect(detail.History).ToContainTextAsync("满意");
        await Expect(detail.History).ToContainTextAsync("处理及时");
    }

    [Fact]
    public async Task A_case_past_its_deadline_is_supervised_and_the_officer_sees_the_tag_in_the_work_list()
    {
        var (id, number) = await InsertOpenCaseAsync();
        var now = DateTimeOffset.UtcNow;
        // A deadline far enough back that the township leader is told today, not yet the county.
        var deadline = now.AddDays(-1);
        for (var i = 0; i < 30 && Supervision.Due(deadline, now, WorkingCalendar.Default) != SupervisionLevel.TownshipLeader; i++)
        {
            deadline = deadline.AddDays(-1);
        }

        await App.WithDbAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == id);
            c.DeadlineUtc = deadline.UtcDateTime;
            return await db.SaveChangesAsync();
        });
        var raised = await App.WithDbAsync(db => SupervisionRun.RunOnceAsync(db, WorkingCalendar.Default, now));
        Assert.True(raised >= 1 || await App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Supervision).SingleAsync()) > SupervisionLevel.None);

        await Login.SignInAsync(Officer);
        var list = new CasesListPage(Page);
        await list.GotoAsync();
        await Expect(list.SupervisionOf(number)).ToHaveTextAsync("督办");
        await Expect(list.DeadlineOf(number)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("case-late"));

        // The late view lists it too, and its page shows the supervision in the tags and the history.
        await list.ShowViewAsync("late");
        await Expect(list.SupervisionOf(number)).ToHaveTextAsync("督办");
        await KeepScreenshotAsync("shigan-cases-supervised.png");
        await list.OpenAsync(number);
        var detail = new CaseDetailPage(Page);
        await Expect(detail.Supervision).ToHaveTextAsync("督办");
        await Expect(detail.History).ToContainTextAsync("已超过办理时限，督办乡镇领导");
    }

    [Fact]
    public async Task A_case_reported_at_the_window_and_left_past_its_deadline_is_supervised_first_by_the_township_then_the_county()
    {
        const string description = "桥头熟食摊无证经营，多次反映无人处理";
        await Login.SignInAsync(Clerk);
        var form = new NewCasePage(Page);
        await Page.GotoAsync("/cases/new");
        await form.WaitUntilReadyAsync();
        await form.ChooseCategoryAsync("无证经营");
        await form.ChoosePlaceAsync("龙头街");
        await form.FillDescriptionAsync(description);
        await form.SubmitAsync();
        var number = await form.ReadTrackingNumberAsync();
        var id = await App.WithDbAsync(db => db.Cases.Where(c => c.Description == description).Select(c => c.Id).SingleAsync());

        // Time passes with nobody acting: the deadline is moved back until the township leader is due, and the job's
        // pass runs with the app's own calendar.
        var calendar = await App.WithDbAsync(db => App.Services.GetRequiredService<CalendarSource>().GetAsync(db));
        await MoveDeadlineBackAsync(id, calendar, SupervisionLevel.TownshipLeader);
        await SuperviseAsync(calendar);
        Assert.Equal(SupervisionLevel.TownshipLeader, await LevelAsync(id));

        // The officer, at another desk, finds it among the late cases, marked as supervised by the township.
        var desk = await OpenAnotherPageAsync();
        await new LoginPage(desk).SignInAsync(Officer);
        var list = new CasesListPage(desk);
        await list.GotoAsync();
        await list.ShowViewAsync("late");
        await Expect(list.SupervisionOf(number)).ToHaveTextAsync("督办");
        await Expect(list.DeadlineOf(number)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("case-late"));

        await MoveDeadlineBackAsync(id, calendar, SupervisionLevel.County);
        await SuperviseAsync(calendar);
        Assert.Equal(SupervisionLevel.County, await LevelAsync(id));

        // Five working days on, the county is told: the list and the case's page say so, and its history has both steps.
        await desk.ReloadAsync();
        await new Layout(desk).WaitForAppAsync();
        await list.ShowViewAsync("late");
        await Expect(list.SupervisionOf(number)).ToHaveTextAsync("督办（已报县通报）");
        await list.OpenAsync(number);
        var detail = new CaseDetailPage(desk);
        await Expect(detail.Supervision).ToHaveTextAsync("督办（已报县通报）");
        await Expect(detail.History).ToContainTextAsync("已超过办理时限，督办乡镇领导");
        await Expect(detail.History).ToContainTextAsync("超期 5 个工作日以上，报县里通报");
        await Expect(detail.HistoryItems).ToHaveCountAsync(4); // reported, routed, supervised twice
        await KeepScreenshotAsync(desk, "shigan-case-county-supervised.png");
    }

    [Fact]
    public async Task A_citizen_reports_on_the_public_page_is_told_what_is_missing_and_then_gets_a_tracking_number()
    {
        await Login.GotoAsync();
        await Page.Locator("[data-test=public-report-link]").ClickAsync();
        var form = Page.Locator("[data-test=report-form]");
        await Expect(form).ToBeVisibleAsync();

        // Nothing chosen: each missing field says so, and no case is made.
        await Page.Locator("#description").EvaluateAsync("e => e.removeAttribute('required')");
        await form.Locator("[data-test=save]").ClickAsync();
        await Expect(form.Locator("[data-test=field-error][data-field=categoryCode]")).ToHaveTextAsync("事件类别不存在");
        await Expect(form.Locator("[data-test=field-error][data-field=regionId]")).ToHaveTextAsync("所在地点不存在");
        await Expect(form.Locator("[data-test=field-error][data-field=description]")).ToHaveTextAsync("必填");

        await form.Locator("[data-test=public-category]").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "占道经营" });
        await form.Locator("[data-test=public-place]").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "龙头街居委会" });
        await form.Locator("[data-test=public-description]").FillAsync("菜市场门口占道摆摊，堵住了路");
        await form.Locator("[data-test=public-phone]").FillAsync("abc");
        await form.Locator("[data-test=save]").ClickAsync();
        await Expect(form.Locator("[data-test=field-error][data-field=reporterPhone]")).ToHaveTextAsync("电话号码格式不正确");
        // What was typed stays in the form.
        await Expect(form.Locator("[data-test=public-description]")).ToHaveValueAsync("菜市场门口占道摆摊，堵住了路");

        await form.Locator("[data-test=public-phone]").FillAsync("0570-5012345");
        await form.Locator("[data-test=save]").ClickAsync();
        var number = Page.Locator("[data-test=report-done] [data-test=tracking-number]");
        await Expect(number).ToBeVisibleAsync();
        var text = (await number.InnerTextAsync()).Trim();
        await KeepScreenshotAsync("shigan-public-reported.png");

        await Page.Locator("[data-test=track-link]").ClickAsync();
        var track = new PublicTrackPage(Page);
        await Expect(track.Status).ToContainTextAsync(text);
        await Expect(track.Status).ToContainTextAsync("占道经营");
        await Expect(track.Status).ToContainTextAsync("球川镇 龙头街居委会");
        await Expect(track.RateForm).ToHaveCountAsync(0);

        // An unknown number is told plainly.
        await track.LookUpAsync("CS-NOPE");
        await Expect(track.NotFound).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_village_cadre_who_opens_another_township_s_case_by_its_address_is_told_it_is_not_found()
    {
        var (id, number) = await InsertOpenCaseAsync();
        await Login.SignInAsync("mengqiao.cadre");

        var detail = new CaseDetailPage(Page);
        await detail.GotoAsync(id);

        await Expect(detail.NotFound).ToBeVisibleAsync();
        await Expect(Page.Locator("body")).Not.ToContainTextAsync(number);
        await detail.GotoAsync(999_999_999);
        await Expect(detail.NotFound).ToBeVisibleAsync();
    }

    /// <summary>An open case reported at the 球川镇 window, written straight to the database as the system.</summary>
    private Task<(long Id, string Number)> InsertOpenCaseAsync() => App.WithDbAsync(async db =>
    {
        var c = await StoredCases.InsertAsync(db, new(ReportedAgo: TimeSpan.FromDays(20), DueIn: TimeSpan.FromDays(1)));
        return (c.Id, c.TrackingNumber);
    });

    /// <summary>One pass of the supervision job, as the job runs it: as the system, now.</summary>
    private Task<int> SuperviseAsync(WorkingCalendar calendar) =>
        App.WithDbAsync(db => SupervisionRun.RunOnceAsync(db, calendar, DateTimeOffset.UtcNow));

    /// <summary>Moves the case's deadline back a day at a time until its lateness today calls for <paramref name="level"/>.</summary>
    private Task<int> MoveDeadlineBackAsync(long id, WorkingCalendar calendar, SupervisionLevel level) => App.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var deadline = now.AddDays(-1);
        for (var i = 0; i < 60 && Supervision.Due(deadline, now, calendar) < level; i++)
        {
            deadline = deadline.AddDays(-1);
        }

        (await db.Cases.SingleAsync(c => c.Id == id)).DeadlineUtc = deadline.UtcDateTime;
        return await db.SaveChangesAsync();
    });

    private Task<SupervisionLevel> LevelAsync(long id) =>
        App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Supervision).SingleAsync());
}
