using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;
using Shigan.Web.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>
/// Setting up a campaign and its teams from the pages: the new-campaign form shows the chosen template's stages and
/// refuses a target date before the start by its field; on the campaign's page a manager forms a team, adds two
/// members and takes one off, hands it a whole building, and the ranking of teams counts its households; the member
/// who signs in then sees their own households first.
/// </summary>
public sealed class CampaignTeamFlowTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_new_campaign_form_shows_the_templates_stages_refuses_an_end_before_the_start_then_creates_and_lists_it()
    {
        await Login.SignInAsync("qiuchuan.staff");
        await Page.GotoAsync("/campaigns");
        await Layout.WaitForAppAsync();
        await Page.Locator("[data-test=new-campaign] button").ClickAsync();
        var form = new FormModalPart(Page, "campaign-form");
        var preview = form.Form.Locator("[data-test=campaign-stage-preview]");

        await Expect(preview).ToHaveTextAsync("告知 → 签约 → 交钥匙 → 腾空");
        await form.ChooseAsync("campaign-template", "治水剿劣");
        await Expect(preview).ToHaveTextAsync("排查 → 截污纳管 → 清淤 → 验收");
        // A township's staff set up campaigns of their own township only: it is chosen for them.
        await Expect(form.Field("regionIds")).ToContainTextAsync("球川镇");
        await form.FillAsync("name", "球川治水剿劣攻坚");
        // The form starts today and aims thirty days on; a start three months on puts the target before it.
        var today = DateOnly.FromDateTime(DateTime.Today);
        var start = await PickFirstOfMonthAsync(form, "startDate", today, 3);
        await form.SaveAsync();

        await Expect(form.FieldError("targetDate")).ToHaveTextAsync("目标日期不能早于开始日期");
        Assert.False(await App.WithDbAsync(db => db.Campaigns.AnyAsync(c => c.Name == "球川治水剿劣攻坚")));

        var end = await PickFirstOfMonthAsync(form, "targetDate", today.AddDays(30), 4);
        Assert.True(end > start);
        await form.SaveAsync();

        await Expect(Page).ToHaveURLAsync(new Regex(@"/campaigns/\d+$"));
        await Expect(Page.Locator("[data-test=campaign-name]")).ToHaveTextAsync("球川治水剿劣攻坚");
        await Page.GotoAsync("/campaigns");
        await Layout.WaitForAppAsync();
        var row = Page.Locator("[data-test=campaigns-table] tr.ant-table-row").Filter(new() { HasTextString = "球川治水剿劣攻坚" });
        await Expect(row).ToContainTextAsync("排查 → 截污纳管 → 清淤 → 验收");
        await Expect(row).ToContainTextAsync(Day(start));
        await Expect(row).ToContainTextAsync(Day(end));
        Assert.Equal(CampaignTemplate.WaterCleanup, await App.WithDbAsync(db => db.Campaigns.Where(c => c.Name == "球川治水剿劣攻坚").Select(c => c.Template).SingleAsync()));
    }

    [Fact]
    public async Task A_manager_forms_a_team_changes_its_members_hands_it_a_building_and_the_member_sees_those_households_first()
    {
        var campaign = await CampaignAsync();
        await Login.SignInAsync("qiuchuan.staff");
        var page = new CampaignPage(Page);
        await page.GotoAsync(campaign);
        var teams = new CampaignTeamsPanel(Page);

        // No name: the field says so and no team is formed.
        await teams.CreateAsync("");
        await Expect(teams.FieldError("team-form", "name")).ToHaveTextAsync("必填");
        await teams.CreateAsync("一幢工作组");
        await Expect(teams.Team("一幢工作组")).ToBeVisibleAsync();

        await teams.AddMemberAsync("一幢工作组", "qiuchuan.officer");
        await Expect(teams.Members("一幢工作组")).ToHaveCountAsync(1);
        await teams.AddMemberAsync("一幢工作组", "村干部老周");
        await Expect(teams.Members("一幢工作组")).ToHaveCountAsync(2);
        await teams.RemoveMemberAsync("一幢工作组", "村干部老周");
        await Expect(teams.Members("一幢工作组")).ToHaveCountAsync(1);
        var officer = await App.WithDbAsync(db => db.Users.Where(u => u.UserName == "qiuchuan.officer").Select(u => u.DisplayName).SingleAsync());
        await Expect(teams.Members("一幢工作组")).ToContainTextAsync(officer);

        // A household key that is not in the campaign: named under its field, nothing assigned.
        await teams.ChooseTeamToAssignAsync("一幢工作组");
        await teams.TypeHouseholdAsync("老街小区/9幢/1单元101");
        await teams.AssignAsync();
        await Expect(teams.FieldError("assign-form", "household")).ToHaveTextAsync("没有这个房号");
        await teams.TypeHouseholdAsync("");

        await teams.ChooseBuildingAsync("1幢", "老街小区/1幢（2 户）");
        await teams.AssignAsync();

        await Expect(teams.RankedHouseholds("一幢工作组")).ToHaveTextAsync("2");
        await Expect(page.Target("1单元101")).ToContainTextAsync("一幢工作组");
        await Expect(page.Target("1单元201")).Not.ToContainTextAsync("一幢工作组");
        await KeepScreenshotAsync("shigan-campaign-teams.png");
        Assert.Equal(2, await App.WithDbAsync(db => db.CampaignTargets.CountAsync(t => t.CampaignId == campaign && t.Level == TargetLevel.Household && t.Team!.Name == "一幢工作组")));

        // The member signs in elsewhere: only their team's households, marked as theirs.
        var other = await OpenAnotherPageAsync();
        await new LoginPage(other).SignInAsync("qiuchuan.officer");
        var theirs = new CampaignPage(other);
        await theirs.GotoAsync(campaign);
        await Expect(other.Locator("[data-test=targets-mine] input[type=checkbox]")).ToBeCheckedAsync();
        await Expect(theirs.Targets).ToHaveCountAsync(2);
        await Expect(theirs.Targets.Locator("[data-test=target-name]")).ToHaveTextAsync([new Regex("1幢 1单元101"), new Regex("1幢 1单元102")]);
        await Expect(theirs.Targets.Filter(new() { HasTextString = "我的" })).ToHaveCountAsync(2);
    }

    // As a user picks a day: opens the date picker (it shows the month of its value), turns the months on, and clicks the 1st.
    private async Task<DateOnly> PickFirstOfMonthAsync(FormModalPart form, string field, DateOnly shown, int monthsOn)
    {
        var input = form.Field(field).Locator("input");
        await input.ClickAsync();
        var dropdown = Page.Locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)");
        await Expect(dropdown).ToHaveCountAsync(1);
        // Each month is drawn by the server: wait for it before the next click, or a click lands on the month before's grid.
        var header = dropdown.Locator(".ant-picker-header-view");
        var day = new DateOnly(shown.Year, shown.Month, 1);
        for (var i = 0; i < monthsOn; i++)
        {
            await dropdown.Locator(".ant-picker-header-next-btn").ClickAsync();
            day = day.AddMonths(1);
            await Expect(header).ToHaveTextAsync(new Regex($@"{day.Year}年\s*{day.Month}月"));
        }

        await dropdown.Locator("td.ant-picker-cell-in-view").Filter(new() { HasTextRegex = new Regex("^\\s*1\\s*$") }).ClickAsync();
        // The picker writes the day in the page's language once picked (2027年2月1日).
        await Expect(input).ToHaveValueAsync(new Regex($"^({Day(day)}|{day.Year}年{day.Month}月{day.Day}日)$"));
        // Picked: the calendar closes, so the next field's calendar is the only one open.
        await Expect(dropdown).ToHaveCountAsync(0);
        return day;
    }

    // A housing campaign of 球川镇: 老街小区 with 1幢 (two households) and 2幢 (one), written as the system.
    private Task<int> CampaignAsync() => App.WithDbAsync(async db =>
    {
        var township = await db.Regions.SingleAsync(r => r.Code == "330822111000");
        var today = DateOnly.FromDateTime(DateTime.Today);
        var now = DateTime.UtcNow;
        var campaign = new Campaign
        {
            Name = "球川老街分组改造",
            Template = CampaignTemplate.DilapidatedHousing,
            Stages = [.. CampaignTemplates.Stages(CampaignTemplate.DilapidatedHousing)],
            StartDate = today.AddDays(-5),
            TargetDate = today.AddDays(25),
            Units = [new CampaignUnit { Region = township, RegionPath = "" }],
        };
        CampaignTarget Target(string key, string name, TargetLevel level, CampaignTarget? parent) => new()
        {
            Campaign = campaign,
            Key = key,
            Name = name,
            Level = level,
            Parent = parent,
            Region = township,
            RegionPath = "",
            StageSinceUtc = now,
        };
        var compound = Target("老街小区", "老街小区", TargetLevel.Compound, null);
        var first = Target("老街小区/1幢", "1幢", TargetLevel.Building, compound);
        var second = Target("老街小区/2幢", "2幢", TargetLevel.Building, compound);
        db.CampaignTargets.AddRange(
            compound, first, second,
            Target("老街小区/1幢/1单元101", "1单元101", TargetLevel.Household, first),
            Target("老街小区/1幢/1单元102", "1单元102", TargetLevel.Household, first),
            Target("老街小区/2幢/1单元201", "1单元201", TargetLevel.Household, second));
        await db.SaveChangesAsync();
        return campaign.Id;
    });
}
