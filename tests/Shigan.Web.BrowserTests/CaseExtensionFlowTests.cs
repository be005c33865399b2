using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Web.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>申请延期 on the case page: the officer asks before the deadline, the township leader approves, the deadline moves.</summary>
public sealed class CaseExtensionFlowTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_officer_asks_for_two_more_working_days_and_the_township_leader_approves_them()
    {
        var id = await InsertOpenCaseAsync();
        var before = await App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.DeadlineUtc).SingleAsync());

        await Login.SignInAsync("qiuchuan.officer");
        var detail = new CaseDetailPage(Page);
        await detail.GotoAsync(id);
        await Expect(detail.ExtensionButton("approve")).ToHaveCountAsync(0);
        await detail.RequestExtensionAsync("2", "工作日", "需等待环保部门检测结果");
        await Expect(detail.PendingExtension).ToContainTextAsync("需等待环保部门检测结果");
        await Expect(detail.ExtensionButton("request")).ToHaveCountAsync(0);

        var leaderDesk = await OpenAnotherPageAsync();
        await new LoginPage(leaderDesk).SignInAsync("qiuchuan.staff");
        var leader = new CaseDetailPage(leaderDesk);
        await leader.GotoAsync(id);
        await Expect(leader.PendingExtension).ToContainTextAsync("2");
        await leader.DecideExtensionAsync(approve: true, note: "同意延期");
        await Expect(leader.PendingExtension).ToHaveCountAsync(0);
        await Expect(leader.History).ToContainTextAsync("批准延期");

        var calendar = await App.WithDbAsync(async db =>
        {
            var days = await db.HolidayDays.AsNoTracking().ToListAsync();
            return new WorkingCalendar(days.Where(d => !d.IsWorkingDay).Select(d => d.Date), days.Where(d => d.IsWorkingDay).Select(d => d.Date));
        });
        var expected = Extension.Approve(new DateTimeOffset(before, TimeSpan.Zero), TimeLimit.WorkingDays(2), calendar).UtcDateTime;
        Assert.Equal(expected, await App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.DeadlineUtc).SingleAsync()));
        await Expect(leader.Deadline).ToContainTextAsync(new DateTimeOffset(expected, TimeSpan.Zero).ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    // An assigned case in 球川镇 whose deadline is still ahead: the page offers 申请延期.
    private Task<long> InsertOpenCaseAsync() => App.WithDbAsync(async db =>
        (await StoredCases.InsertAsync(db, new(Description: "河道漂浮垃圾需要清理", ReportedAgo: TimeSpan.FromDays(1), DueIn: TimeSpan.FromDays(2)))).Id);
}
