using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Web.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>拆分 on the case page: the officer splits a case between two departments and sees both children listed.</summary>
public sealed class CaseSplitFlowTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_officer_splits_a_case_between_two_departments_and_sees_both_children_listed()
    {
        var id = await InsertAssignedCaseAsync();
        await Login.SignInAsync("qiuchuan.officer");
        var detail = new CaseDetailPage(Page);
        await detail.GotoAsync(id);
        var parentNumber = await detail.TrackingNumber.InnerTextAsync();
        var split = new CaseSplitForm(Page);

        // The same department twice: the second part is told so, under its own field, and nothing is split.
        await split.OpenAsync();
        await Expect(split.Parts).ToHaveCountAsync(2);
        await split.ChooseDepartmentAsync(0, "市场监管所");
        await split.ChooseDepartmentAsync(1, "市场监管所");
        await split.SaveAsync();
        await Expect(split.FieldError(1)).ToHaveTextAsync("每个部门只分一件子事件");
        await Expect(split.FieldError(0)).ToHaveCountAsync(0);
        await KeepScreenshotAsync("shigan-case-split-form.png");

        await split.ChooseDepartmentAsync(1, "综合执法中队");
        await split.DescribeAsync(1, "清理市场东门的占道摊位");
        await split.SaveAsync();
        await Expect(split.Form).ToHaveCountAsync(0);

        await Expect(detail.Status).ToHaveTextAsync("拆分办理中");
        await Expect(split.Children).ToHaveCountAsync(2);
        await Expect(split.Children.Nth(0).Locator("[data-test=child-department]")).ToHaveTextAsync("市场监管所");
        await Expect(split.Children.Nth(1).Locator("[data-test=child-department]")).ToHaveTextAsync("综合执法中队");
        await Expect(split.Children.Locator("[data-test=child-status]")).ToHaveTextAsync(["已交办", "已交办"]);
        await Expect(detail.History).ToContainTextAsync("拆分为 2 件子事件");
        await KeepScreenshotAsync("shigan-case-split.png");

        // A child links back to the case it was split from.
        var childNumber = await split.Children.Nth(1).Locator("[data-test=child-number]").InnerTextAsync();
        await split.Children.Nth(1).Locator("[data-test=child-number]").ClickAsync();
        await Expect(detail.TrackingNumber).ToHaveTextAsync(childNumber);
        await Expect(Page.Locator("[data-test=case-parent]")).ToContainTextAsync(parentNumber);
        await Expect(detail.Department).ToHaveTextAsync("综合执法中队");
    }

    // A food safety case in 球川镇, assigned to its 市场监管所, with its deadline still ahead.
    private Task<long> InsertAssignedCaseAsync() => App.WithDbAsync(async db =>
        (await StoredCases.InsertAsync(db, new(
            Category: "SC01", Status: CaseStatus.Assigned, Description: "农贸市场东门摊位出售变质猪肉，且占道经营", Department: "市场监管所",
            ReporterName: "王芳", ReporterPhone: "13905701234", DueIn: TimeSpan.FromDays(3)))).Id);
}
