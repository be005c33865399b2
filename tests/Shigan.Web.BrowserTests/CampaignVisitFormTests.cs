using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Web.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>
/// The campaign page as a cadre uses it every day: the visit form opens empty each time (one click on 保存 must not
/// record the last visit again), a visit written up the next day is dated when it took place, and a toilet campaign's
/// page speaks of its own hamlets and households, lists their numbers in order and shows who is stuck stage by stage.
/// </summary>
public sealed class CampaignVisitFormTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    private static byte[] Sheet(string[] headers, params object?[][] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => headers.Select((h, i) => (h, r[i])).ToDictionary(c => c.h, c => c.Item2)), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    [Fact]
    public async Task The_visit_form_opens_empty_again_after_a_visit_and_a_visit_dated_yesterday_counts_on_yesterday()
    {
        var campaign = await CampaignAsync("球川老街走访", CampaignTemplate.DilapidatedHousing);
        await Login.SignInAsync("qiuchuan.staff");
        var page = new CampaignPage(Page);
        await page.GotoAsync(campaign);
        await page.ImportAsync("老街.xlsx", Sheet(
            ["小区", "楼幢", "单元", "房号", "户主"],
            ["老街小区", "1幢", "1单元", 101, "王建国"],
            ["老街小区", "1幢", "1单元", 102, "李美华"]));
        await Expect(page.Targets).ToHaveCountAsync(2);

        // Yesterday's visit, written up today.
        var yesterday = ChinaTime.DateOf(DateTimeOffset.UtcNow).AddDays(-1);
        var typed = yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T09:30";
        await page.OpenVisitAsync("1单元101");
        var form = page.VisitForm;
        await Expect(page.VisitAt).Not.ToHaveValueAsync("");
        await page.VisitAt.FillAsync(typed);
        await form.Field("outcome").Locator("textarea").FillAsync("讲解补偿政策，户主同意告知书");
        await form.Field("nextStep").Locator("input").FillAsync("周五再来签约");
        await form.ChooseAsync("visit-stage", "告知");
        await Expect(page.VisitAt).ToHaveValueAsync(typed);
        await form.SaveAsync();
        await form.ExpectClosedAsync();
        await Expect(page.StageOf("1单元101")).ToHaveTextAsync("告知");
        Assert.Equal(yesterday, await App.WithDbAsync(async db => ChinaTime.DateOf(new DateTimeOffset(
            await db.CampaignVisits.Where(v => v.CampaignId == campaign).Select(v => v.AtUtc).SingleAsync(), TimeSpan.Zero))));

        // The same household again: nothing of the last visit is left to be saved twice.
        await page.OpenVisitAsync("1单元101");
        await Expect(form.Field("outcome").Locator("textarea")).ToHaveValueAsync("");
        await Expect(form.Field("nextStep").Locator("input")).ToHaveValueAsync("");
        await Expect(page.VisitAt).Not.ToHaveValueAsync(typed);
        await Expect(form.Field("stageReached").Locator(".ant-select-selection-item")).ToHaveCountAsync(0);
        await Expect(form.Form.Locator("[data-test=visit-history] li")).ToHaveCountAsync(1);
        await form.SaveAsync();
        await Expect(form.FieldError("outcome")).ToBeVisibleAsync();

        var moved = await App.WithDbAsync(db => db.StageMoves.Where(m => m.CampaignId == campaign).Select(m => m.AtUtc).SingleAsync());
        Assert.Equal(yesterday, ChinaTime.DateOf(new DateTimeOffset(moved, TimeSpan.Zero)));
        Assert.Equal(1, await App.WithDbAsync(db => db.CampaignVisits.CountAsync(v => v.CampaignId == campaign)));
    }

    [Fact]
    public async Task A_toilet_campaign_speaks_of_hamlets_orders_household_numbers_and_shows_the_stuck_stage_by_stage()
    {
        var campaign = await CampaignAsync("球川厕所革命", CampaignTemplate.ToiletRevolution);
        var day = DateTime.Today.AddDays(-2);
        await Login.SignInAsync("qiuchuan.staff");
        var page = new CampaignPage(Page);
        await page.GotoAsync(campaign);
        await page.ImportAsync("厕改.xlsx", Sheet(
            ["自然村", "户号", "户主", "阶段", "阶段日期"],
            ["龙头村", "10号", "王一", null, null],
            ["龙头村", "2号", "王二", "摸底", day],
            ["龙头村", "1号", "王三", null, null],
            ["龙头村", "19号", "王四", "开工", day],
            ["龙头村", "20号", "王五", "验收", day]));

        await Expect(page.Targets).ToHaveCountAsync(5);
        await Expect(page.TargetNames).ToHaveTextAsync(["龙头村 1号", "龙头村 2号", "龙头村 10号", "龙头村 19号", "龙头村 20号"]);
        await Expect(page.GroupsTitle).ToHaveTextAsync("各自然村");
        await Expect(page.SearchBox).ToHaveAttributeAsync("placeholder", "搜索自然村、户号或户主");
        // Every stage under way has its own, the finished household none.
        await Expect(page.StuckStageNames).ToHaveTextAsync(["未开始", "摸底", "开工"]);
        await Expect(page.StuckIn("未开始")).ToHaveCountAsync(2);
        await Expect(page.StuckIn("开工")).ToHaveCountAsync(1);
    }

    private Task<int> CampaignAsync(string name, CampaignTemplate template) => App.WithDbAsync(db => StoredCampaigns.InsertAsync(db, name, template));
}
