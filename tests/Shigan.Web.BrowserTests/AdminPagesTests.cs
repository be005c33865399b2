using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Web.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>
/// An admin manages departments, accounts, routing rules and the holiday calendar, within their own unit and the roles
/// they may grant; every change is recorded with who made it and what changed, and can be read back on the audit page.
/// </summary>
public sealed class AdminPagesTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    private const string Admin = "admin";
    private const string AdminName = "县管理员 陈立";
    private const string TownshipStaff = "qiuchuan.staff";
    private const string Cadre = "mengqiao.cadre";
    private const string Qiuchuan = "330822111000";

    [Fact]
    public async Task The_county_admin_creates_and_edits_a_department_and_reads_both_changes_back_in_the_audit_log()
    {
        const string name = "球川镇测试综治中心";
        const string phone = "0570-5012345";
        await Login.SignInAsync(Admin);
        var departments = new DepartmentsPage(Page);
        await departments.GotoAsync();

        // Create: a platform department of 球川镇, with no phone yet.
        await departments.NewButton.ClickAsync();
        var create = departments.CreateForm;
        await create.FillAsync("name", name);
        await create.ChooseAsync("department-kind", "乡镇平台部门");
        await create.ChooseAsync("department-platform", "综治工作");
        await create.PickUnitAsync("球川镇", "330822111000");
        await create.SaveAsync();
        await create.ExpectClosedAsync();

        await departments.SearchAsync(name);
        var row = departments.Row(name);
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("综治工作");
        await Expect(row).ToContainTextAsync("330822111000");

        // Edit: give it a phone.
        await departments.EditAsync(name);
        var edit = departments.EditForm;
        await Expect(edit.Field("name").Locator("input")).ToHaveValueAsync(name);
        await edit.FillAsync("phone", phone);
        await edit.SaveAsync();
        await edit.ExpectClosedAsync();
        await Expect(row).ToContainTextAsync(phone);

        // The department's own change record, reached from its edit form.
        await departments.EditAsync(name);
        await edit.Form.Locator("[data-test=audit-link]").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/audit\?entityType=Department&entityId=\d+$"));
        var audit = new AuditPage(Page);
        await Expect(audit.EntityFilter).ToBeVisibleAsync();
        await Expect(audit.Rows).ToHaveCountAsync(2);

        var created = audit.RowsWithAction("新建");
        await Expect(created).ToHaveCountAsync(1);
        await Expect(AuditPage.ActorOf(created)).ToHaveTextAsync(AdminName);
        await Expect(AuditPage.ChangesOf(created)).ToContainTextAsync(name);
        await Expect(AuditPage.ChangesOf(created)).ToContainTextAsync("330822111000");

        var updated = audit.RowsWithAction("修改");
        await Expect(updated).ToHaveCountAsync(1);
        await Expect(AuditPage.ActorOf(updated)).ToHaveTextAsync(AdminName);
        await Expect(AuditPage.ChangesOf(updated)).ToContainTextAsync("电话");
        await Expect(AuditPage.ChangesOf(updated)).ToContainTextAsync(phone);
        await KeepScreenshotAsync("shigan-audit-department.png");
    }

    [Fact]
    public async Task A_township_staff_member_creates_a_village_cadre_who_can_then_sign_in_and_sees_their_village()
    {
        const string userName = "dongkeng.cadre";
        const string displayName = "东坑村 徐明";
        const string password = "Dongkeng#2026";
        await Login.SignInAsync(TownshipStaff);
        var accounts = new AccountsPage(Page);
        await accounts.GotoAsync();
        await accounts.NewButton.ClickAsync();
        var form = accounts.CreateForm;

        // Only the roles below a township's own staff are offered: no county admin, no judge, no peer.
        var roles = await form.ReadOptionsAndChooseAsync("account-role", "村干部");
        Assert.Contains("村干部", roles);
        Assert.DoesNotContain("县管理员", roles);
        Assert.DoesNotContain("评委", roles);
        Assert.DoesNotContain("乡镇干部", roles);

        await form.FillAsync("userName", userName);
        await form.FillAsync("displayName", displayName);
        await form.PickUnitAsync("东坑", "330822111209");

        // A password too short is told under its field, and nothing is created.
        await form.FillAsync("password", "Ab#1");
        await form.SaveAsync();
        await Expect(form.FieldError("password")).ToBeVisibleAsync();
        await Expect(form.FieldErrors).ToHaveCountAsync(1);
        await Expect(form.Form).ToBeVisibleAsync();
        await Expect(accounts.Row(userName)).ToHaveCountAsync(0);

        // Had the refused attempt created the account, this one would be told the user name is taken.
        await form.FillAsync("password", password);
        await form.SaveAsync();
        await form.ExpectClosedAsync();
        await accounts.SearchAsync(userName);
        var row = accounts.Row(userName);
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(displayName);
        await Expect(row).ToContainTextAsync("村干部");
        await Expect(row).ToContainTextAsync("东坑村委会");

        // The new cadre, at a desk of their own, signs in and finds their village as their unit.
        var desk = await OpenAnotherPageAsync();
        await new LoginPage(desk).SignInAsync(userName, password);
        await Expect(new Layout(desk).UserName).ToHaveTextAsync(displayName);
        await Expect(desk.Locator("[data-test=my-unit-name]")).ToHaveTextAsync("东坑村委会");
        await Expect(desk.Locator("[data-test=my-unit-code]")).ToHaveTextAsync("330822111209");
    }

    [Fact]
    public async Task A_village_cadre_has_no_accounts_or_audit_in_the_menu_and_is_refused_the_accounts_page()
    {
        await Login.SignInAsync(Cadre);
        await Layout.WaitForAppAsync();
        await Expect(Layout.NavLink("部门")).ToBeVisibleAsync();
        await Expect(Layout.NavLink("账号")).ToHaveCountAsync(0);
        await Expect(Layout.NavLink("审计日志")).ToHaveCountAsync(0);
        await Expect(Layout.NavLink("节假日设置")).ToHaveCountAsync(0);

        await Page.GotoAsync("/accounts");

        await Expect(Page.Locator("[data-test=access-denied]")).ToBeVisibleAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/account/denied\?returnUrl=%2Faccounts$", RegexOptions.IgnoreCase));
        await Expect(Page.Locator("[data-test=accounts-table]")).ToHaveCountAsync(0);
        // No account of anyone shows: not the cadre's neighbours, not the admin.
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("mengqiao");
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("admin");
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("陈立");
    }

    [Fact]
    public async Task The_county_admin_gives_a_rule_another_department_in_its_edit_form_and_the_list_shows_it()
    {
        // A rule of 球川镇 sending its 占道经营 cases to the township's law-enforcement squad.
        var squad = await DepartmentIdAsync("综合执法中队");
        var market = await DepartmentIdAsync("市场监管所");
        var justice = await DepartmentIdAsync("司法所");
        var rule = await App.WithDbAsync(async db =>
        {
            var added = new CaseRoutingRule
            {
                CategoryId = await db.CaseCategories.Where(c => c.Code == "ZF02").Select(c => c.Id).SingleAsync(),
                RegionId = await db.Regions.Where(r => r.Code == Qiuchuan).Select(r => r.Id).SingleAsync(),
                RegionPath = "",
                DepartmentId = squad,
            };
            db.CaseRoutingRules.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
        await Login.SignInAsync(Admin);
        var rules = new RoutingRulesPage(Page);
        await rules.GotoAsync();
        await Expect(rules.DepartmentOf("占道经营", "球川镇")).ToHaveTextAsync("综合执法中队");

        await rules.EditAsync("占道经营", "球川镇");
        var form = rules.EditForm;
        await Expect(form.Field("departmentId").Locator(".ant-select-selection-item")).ToHaveTextAsync("球川镇 · 综合执法中队");

        // An office closed after the page was opened is refused under its field; the form stays open, the rule unchanged.
        await form.SearchAndChooseAsync("rule-edit-department", "球川镇 · 司法所");
        await App.WithDbAsync(async db =>
        {
            (await db.Departments.SingleAsync(d => d.Id == justice)).IsActive = false;
            return await db.SaveChangesAsync();
        });
        await form.SaveAsync();
        await Expect(form.FieldError("departmentId")).ToHaveTextAsync("该部门已停用");
        await Expect(form.Form).ToBeVisibleAsync();
        Assert.Equal(squad, await RuleDepartmentAsync(rule));

        await form.SearchAndChooseAsync("rule-edit-department", "球川镇 · 市场监管所");
        await form.FillAsync("note", "流动摊贩多卖熟食，先由市场监管所处理");
        await form.SaveAsync();
        await form.ExpectClosedAsync();

        await Expect(rules.DepartmentOf("占道经营", "球川镇")).ToHaveTextAsync("市场监管所");
        await Expect(rules.Row("占道经营", "球川镇")).ToContainTextAsync("流动摊贩多卖熟食，先由市场监管所处理");
        Assert.Equal(market, await RuleDepartmentAsync(rule));
        await KeepScreenshotAsync("shigan-routing-rule-edited.png");
    }

    [Fact]
    public async Task The_county_admin_is_warned_that_next_year_has_no_holidays_sets_them_and_a_wrong_row_is_told_on_its_line()
    {
        var nextYear = ChinaTime.DateOf(DateTimeOffset.UtcNow).Year + 1;
        var newYear = new DateOnly(nextYear, 1, 1);
        var monday = Enumerable.Range(1, 7).Select(newYear.AddDays).First(d => d.DayOfWeek == DayOfWeek.Monday);
        var saturday = Enumerable.Range(1, 7).Select(monday.AddDays).First(d => d.DayOfWeek == DayOfWeek.Saturday);
        await Login.SignInAsync(Admin);
        await Layout.OpenFromMenuAsync("节假日设置");
        var holidays = new HolidaysPage(Page);

        await Expect(holidays.NextYearMissing).ToContainTextAsync($"{nextYear} 年节假日尚未设置，期限将只按周末计算");
        await holidays.SetNextYearLink.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($@"/settings/holidays\?year={nextYear}$"));
        await Expect(holidays.Rows).ToHaveCountAsync(0);

        // New Year's Day off, and by a slip the Monday after it as the make-up working day.
        await holidays.AddAsync(Text(newYear), worked: false, "元旦");
        await holidays.AddAsync(Text(monday), worked: true, "调休上班");
        await Expect(holidays.Weekday(1)).ToHaveTextAsync("周一");
        await holidays.SaveAsync();
        await Expect(holidays.FieldError(1, "date")).ToHaveTextAsync("调休上班日应为周六或周日");
        await Expect(holidays.FieldErrors).ToHaveCountAsync(1);
        await Expect(holidays.NextYearMissing).ToBeVisibleAsync();
        Assert.Equal(0, await StoredDaysAsync(nextYear));

        await holidays.SetDateAsync(1, Text(saturday));
        await Expect(holidays.Weekday(1)).ToHaveTextAsync("周六");
        await holidays.SaveAsync();
        await Expect(holidays.NextYearMissing).ToHaveCountAsync(0);
        await Expect(holidays.FieldErrors).ToHaveCountAsync(0);
        await Expect(holidays.Summary).ToHaveTextAsync("放假 1 天，调休上班 1 天");
        Assert.Equal(2, await StoredDaysAsync(nextYear));
        await KeepScreenshotAsync("shigan-holidays.png");

        // Read back after a reload, by date.
        await Page.ReloadAsync();
        await Layout.WaitForAppAsync();
        await Expect(holidays.Rows).ToHaveCountAsync(2);
        await Expect(holidays.Rows.Nth(0).Locator("[data-test=holiday-date]")).ToHaveValueAsync(Text(newYear));
        await Expect(holidays.Rows.Nth(1).Locator("[data-test=holiday-name]")).ToHaveValueAsync("调休上班");

        // Township staff, who manage routing rules, neither see the calendar in the menu nor open it.
        var desk = await OpenAnotherPageAsync();
        await new LoginPage(desk).SignInAsync(TownshipStaff);
        var staffLayout = new Layout(desk);
        await staffLayout.WaitForAppAsync();
        await Expect(staffLayout.NavLink("分拨规则")).ToBeVisibleAsync();
        await Expect(staffLayout.NavLink("节假日设置")).ToHaveCountAsync(0);
        await desk.GotoAsync("/settings/holidays");
        await Expect(desk.Locator("[data-test=access-denied]")).ToBeVisibleAsync();
        await Expect(desk.Locator("[data-test=holiday-table]")).ToHaveCountAsync(0);
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<int> DepartmentIdAsync(string name) =>
        App.WithDbAsync(db => db.Departments.Where(d => d.Region!.Code == Qiuchuan && d.Name == name).Select(d => d.Id).SingleAsync());

    private Task<int> RuleDepartmentAsync(int rule) =>
        App.WithDbAsync(db => db.CaseRoutingRules.Where(r => r.Id == rule).Select(r => r.DepartmentId).SingleAsync());

    private Task<int> StoredDaysAsync(int year) =>
        App.WithDbAsync(db => db.HolidayDays.CountAsync(d => d.Date >= new DateOnly(year, 1, 1) && d.Date <= new DateOnly(year, 12, 31)));
}
