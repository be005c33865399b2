using System.Text.RegularExpressions;
using Shigan.Web.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>
/// 出生一件事 at the 信用社 counter (政银合作): the bank clerk takes it once, each department works its own part from its
/// own desk, and the parents find it done in one trip on the public page.
/// </summary>
public sealed partial class ApplicationFlowTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    private static readonly (string Department, string Account)[] Desks =
    [
        ("球川镇卫生院", "clinic.clerk"),
        ("常山县公安局球川派出所", "hukou.clerk"),
        ("常山县医疗保障局", "yibao.clerk"),
        ("县农信社网点", "card.clerk"),
    ];

    [GeneratedRegex(@"/services/applications/\d+$")]
    private static partial Regex DetailAddress();

    [Fact]
    public async Task A_newborn_taken_at_the_bank_goes_through_each_department_and_the_public_page_shows_it_done_in_one_trip()
    {
        await Login.SignInAsync("qiuchuan.bank");
        var intake = new ApplicationIntakePage(Page);
        await intake.GotoAsync();
        await intake.ChooseAsync("newborn");
        await Expect(intake.Window).ToContainTextAsync("球川信用社");
        await Expect(intake.Materials).ToHaveCountAsync(3);
        await Expect(intake.Parts).ToHaveCountAsync(4);
        await intake.CheckAllAsync();
        await KeepScreenshotAsync("shigan-application-intake.png");
        await intake.TakeAsync("毛建国", "13905701234");

        await Expect(Page).ToHaveURLAsync(DetailAddress());
        var detail = new ApplicationDetailPage(Page);
        await Expect(detail.Status).ToHaveTextAsync("办理中");
        await Expect(detail.PartStatus("常山县医疗保障局")).ToHaveTextAsync("待受理");
        await Expect(detail.Parts).ToHaveCountAsync(4);
        var number = await detail.TrackingNumber.InnerTextAsync();
        var address = new Uri(Page.Url).AbsolutePath;

        foreach (var (department, account) in Desks)
        {
            var desk = await OpenAnotherPageAsync();
            await new LoginPage(desk).SignInAsync(account);
            var own = new ApplicationDetailPage(desk);
            await own.GotoAsync(address);

            // A desk acts only on its own department's row.
            await Expect(desk.Locator("[data-test=part] [data-test^=part-action-]")).ToHaveCountAsync(2);
            await own.ActAsync(department, "Accept", "已受理");
            await own.ActAsync(department, "Complete", "已办结");
        }

        await detail.GotoAsync(address);
        await Expect(detail.Status).ToHaveTextAsync("已办结");
        await Expect(detail.Trips).ToHaveCountAsync(1);
        await Expect(detail.TripCount).ToHaveTextAsync("跑动 1 次");
        await KeepScreenshotAsync("shigan-application-done.png");

        var citizen = await OpenAnotherPageAsync();
        var track = new PublicApplicationPage(citizen);
        await track.LookUpAsync(number);
        await Expect(track.Status).ToHaveTextAsync("已办结");
        await Expect(track.Trips).ToHaveTextAsync("已全部办结，共跑 1 次");
        await Expect(track.PartStatuses).ToHaveTextAsync(["已办结", "已办结", "已办结", "已办结"]);
        await Expect(track.View).Not.ToContainTextAsync("毛建国");
        await Expect(track.View).Not.ToContainTextAsync("13905701234");
        await KeepScreenshotAsync(citizen, "shigan-application-public.png");
    }

    [Fact]
    public async Task The_figures_page_shows_every_township_and_item_from_the_demo_applications()
    {
        await Login.SignInAsync("admin");
        await Page.GotoAsync("/services/figures");
        await Layout.WaitForAppAsync();

        var townships = Page.Locator("[data-test=figures-units] [data-test=figure-row]");
        await Expect(townships.First).ToBeVisibleAsync();
        Assert.True(await townships.CountAsync() >= 14, "a row per township with demo applications");
        await Expect(Page.Locator("[data-test=figures-units] [data-test=figure-row][data-name=球川镇] [data-test=average-trips]")).ToHaveTextAsync(new Regex(@"^\d\.\d\d$"));
        await Expect(Page.Locator("[data-test=figures-items] [data-test=figure-row][data-name='社会保障卡（市民卡）申领']")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-test=figures-export] a")).ToHaveAttributeAsync("href", new Regex("^/api/application-figures/export\\?from="));
        await KeepScreenshotAsync("shigan-application-figures.png");
    }
}
