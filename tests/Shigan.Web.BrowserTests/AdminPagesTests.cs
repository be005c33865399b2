using System.Text.RegularExpressions;
using Shigan.Web.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>
/// An admin manages departments and accounts, within their own unit and the roles they may grant; every change is
/// recorded with who made it and what changed, and can be read back on the audit page.
/// </summary>
public sealed class AdminPagesTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    private const string Admin = "admin";
    private const string AdminName = "县管理员 陈立";
    private const string TownshipStaff = "qiuchuan.staff";
    private const string Cadre = "mengqiao.cadre";

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

        await Page.GotoAsync("/accounts");

        await Expect(Page.Locator("[data-test=access-denied]")).ToBeVisibleAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/account/denied\?returnUrl=%2Faccounts$", RegexOptions.IgnoreCase));
        await Expect(Page.Locator("[data-test=accounts-table]")).ToHaveCountAsync(0);
        // No account of anyone shows: not the cadre's neighbours, not the admin.
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("mengqiao");
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("admin");
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("陈立");
    }
}
