using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MiniExcelLibs;
using Shigan.Core.Campaigns;
using Shigan.Web.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>
/// Door-to-door work is done on a phone: the pages a team member and a township officer use there fit a 390 px screen
/// without the whole page scrolling sideways (a wide table scrolls inside its own box), and the visit button is on screen.
/// </summary>
public sealed class PhoneLayoutTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    private const int Width = 390;

    private static readonly int[] Rooms = [101, 102, 201];

    [Theory]
    [InlineData("/")]
    [InlineData("/projects")]
    [InlineData("/cases")]
    [InlineData("/campaigns")]
    public async Task The_page_fits_a_phone_screen(string url)
    {
        var phone = await PhoneAsync();
        await phone.GotoAsync(url);
        await new Layout(phone).WaitForAppAsync();

        await AssertFitsAsync(phone);
    }

    [Fact]
    public async Task A_team_member_records_a_visit_on_a_phone_from_a_campaign_page_that_fits_it()
    {
        var campaignId = await CampaignAsync();
        var phone = await PhoneAsync();
        var campaign = new CampaignPage(phone);
        await campaign.GotoAsync(campaignId);
        await campaign.ImportAsync("老街.xlsx", Sheet());
        await Expect(campaign.Targets).ToHaveCountAsync(3);

        await AssertFitsAsync(phone);
        await campaign.OpenVisitAsync("1单元102");
        await Expect(campaign.VisitForm.Form).ToBeVisibleAsync();
        await AssertFitsAsync(phone);
        await KeepScreenshotAsync("phone-campaign-visit.png");
    }

    private static byte[] Sheet()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(Rooms.Select(room => new Dictionary<string, object>
        {
            ["小区"] = "老街小区",
            ["楼幢"] = $"{room / 100}幢",
            ["单元"] = "1单元",
            ["房号"] = room,
            ["户主"] = $"户主{room}",
            ["联系电话"] = 13800000000L + room,
            ["人数"] = 3,
            ["工作组"] = "第一工作组",
        }), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private Task<int> CampaignAsync() => App.WithDbAsync(db => StoredCampaigns.InsertAsync(db, "球川老街危旧房（手机）"));

    private async Task<IPage> PhoneAsync()
    {
        await Login.SignInAsync("qiuchuan.staff");
        await Page.SetViewportSizeAsync(Width, 844);
        return Page;
    }

    // The page settles as its parts render: it must come to fit (the test's usual wait), else what sticks out is named.
    private static async Task AssertFitsAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= window.innerWidth");
        }
        catch (TimeoutException)
        {
            Assert.Fail(await WidestAsync(page));
        }
    }

    // What sticks out, for the failure message: the widest elements past the screen's edge, not inside a box that scrolls.
    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>("""
        () => `page ${document.documentElement.scrollWidth}px wide: ` + [...document.querySelectorAll('body *')]
          .filter(e => { for (let a = e.parentElement; a; a = a.parentElement) { if (getComputedStyle(a).overflowX !== 'visible') return false; } return true; })
          .map(e => [e, e.getBoundingClientRect()]).filter(([e, r]) => r.right > window.innerWidth + 1)
          .sort((a, b) => b[1].right - a[1].right).slice(0, 12)
          .map(([e, r]) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}[${e.getAttribute('data-test') ?? ''}] ${Math.round(r.left)}-${Math.round(r.right)}`).join('; ')
        """);
}
