using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shigan.Core.Cases;
using Shigan.Core.Projects;
using Shigan.Testing;
using Shigan.Web.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>
/// The township's project board: a project with a milestone past its day shows it in red; on the project's page a
/// blocker is resolved with what was done, and the count of open blockers drops, here and on the leader's list.
/// </summary>
public sealed class ProjectFlowTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Staff_see_an_overdue_milestone_in_red_open_the_project_and_resolve_a_blocker()
    {
        await ProjectAsync();
        await Login.SignInAsync("qiuchuan.staff");
        var pages = new ProjectPages(Page);
        await pages.GotoBoardAsync();

        await Expect(pages.OverdueMilestones("球川老街改造")).ToHaveTextAsync("逾期 1 个");
        await Expect(pages.OverdueMilestones("球川老街改造")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ant-tag-red"));

        await pages.OpenAsync("球川老街改造");
        await Expect(pages.OpenBlockerCount).ToHaveTextAsync("2");
        await Expect(pages.Blocker("县级配套资金未拨付").Locator("[data-test=blocker-state]")).ToHaveTextAsync("超期未销号");

        await pages.Blocker("县级配套资金未拨付").Locator("[data-test=blocker-resolve]").ClickAsync();
        var form = pages.ResolveForm;
        await form.Field("resolution").Locator("textarea").FillAsync("县财政已拨付 150 万元");
        await form.SaveAsync();
        await form.ExpectClosedAsync();

        await Expect(pages.OpenBlockerCount).ToHaveTextAsync("1");
        await Expect(pages.Blocker("县级配套资金未拨付").Locator("[data-test=blocker-state]")).ToHaveTextAsync("已销号");

        // A photo of the site: a text file named .jpg is refused by name; a PNG shows as a thumbnail with who and when.
        await pages.AddPhotosAsync(new FilePayload { Name = "说明.jpg", MimeType = "image/jpeg", Buffer = TestPictures.Text() });
        await Expect(pages.PhotoError).ToContainTextAsync("说明.jpg：只能上传 JPEG、PNG 或 WebP 照片");
        await Expect(pages.Photos).ToHaveCountAsync(0);
        await pages.AddPhotosAsync(new FilePayload { Name = "老街立面.png", MimeType = "image/png", Buffer = TestPictures.Png(64, 48) });
        await Expect(pages.Photos).ToHaveCountAsync(1);
        await Expect(pages.Photos.Locator("[data-test=photo-name]")).ToHaveTextAsync("老街立面.png");
        await Expect(pages.Photos.Locator("[data-test=photo-meta]")).ToContainTextAsync("球川镇 应华");
        await pages.Photos.Locator("[data-test=photo-thumb]").ScrollIntoViewIfNeededAsync();
        await Expect(pages.Photos.Locator("[data-test=photo-thumb]")).ToHaveJSPropertyAsync("naturalWidth", 64);
        await Expect(Page.Locator("[data-test=history-item]").First).ToContainTextAsync("老街立面.png");
        await KeepScreenshotAsync("shigan-project.png");

        // The leader's list keeps only the blocker still open.
        await Page.GotoAsync("/projects/blockers");
        await Expect(Page.Locator("[data-test=all-blockers] [data-test=blocker-row]")).ToHaveCountAsync(1);
        await Expect(pages.Blocker("沿街 2 户未签约").Locator("[data-test=blocker-state]")).ToHaveTextAsync("未销号");
        Assert.Equal("县财政已拨付 150 万元", await App.WithDbAsync(db => db.ProjectBlockers.Where(b => b.Note == "县级配套资金未拨付").Select(b => b.Resolution).SingleAsync()));
    }

    private Task<int> ProjectAsync() => App.WithDbAsync(async db =>
    {
        var township = await db.Regions.SingleAsync(r => r.Code == "330822111000");
        var owner = await db.Users.Where(u => u.UserName == "qiuchuan.staff").Select(u => new { u.Id, u.DisplayName }).SingleAsync();
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        var project = new Project
        {
            Name = "球川老街改造",
            Type = ProjectType.Environment,
            Region = township,
            RegionPath = "",
            LeadName = "应华",
            Budget = 400,
            Spent = 150,
            StartDate = today.AddDays(-60),
            PlannedEndDate = today.AddDays(120),
            Progress = 25,
            Status = ProjectStatus.UnderWay,
            Version = 1,
        };
        project.Milestones =
        [
            new ProjectMilestone { Project = project, Position = 1, Name = "管线下地", PlannedDate = today.AddDays(-10), RegionPath = "" },
            new ProjectMilestone { Project = project, Position = 2, Name = "立面整治", PlannedDate = today.AddDays(60), RegionPath = "" },
        ];
        ProjectBlocker Blocker(BlockerKind kind, string note, int due) => new()
        {
            Project = project,
            Kind = kind,
            OwnerId = owner.Id,
            OwnerName = owner.DisplayName,
            DueDate = today.AddDays(due),
            Note = note,
            Status = BlockerStatus.Open,
            RegionPath = "",
            Version = 1,
        };
        project.Blockers = [Blocker(BlockerKind.Funding, "县级配套资金未拨付", -3), Blocker(BlockerKind.LandAcquisition, "沿街 2 户未签约", 10)];
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    });
}
