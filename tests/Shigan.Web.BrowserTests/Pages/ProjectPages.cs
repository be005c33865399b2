using Microsoft.Playwright;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>The project board at /projects and a project's page at /projects/{id}.</summary>
public sealed class ProjectPages(IPage page)
{
    public ILocator Row(string name) => page.Locator($"[data-test=project-row][data-project='{name}']");

    public ILocator OverdueMilestones(string name) => Row(name).Locator("[data-test=overdue-milestones] .ant-tag");

    public ILocator OpenBlockerCount => page.Locator("[data-test=open-blocker-count]");

    public ILocator Blocker(string note) => page.Locator($"[data-test=blocker-row][data-blocker='{note}']");

    public FormModalPart ResolveForm => new(page, "resolve-form");

    public ILocator Board => page.Locator("[data-test=project-board]");

    public ILocator Milestone(string name) => page.Locator($"[data-test=milestone-row][data-milestone='{name}']");

    /// <summary>The form asking the day a milestone was done.</summary>
    public FormModalPart DoneForm => new(page, "milestone-done-form");

    /// <summary>Undoes a milestone's done mark and confirms it.</summary>
    public async Task UndoMilestoneAsync(string name)
    {
        await Milestone(name).Locator("[data-test=milestone-undo] a").ClickAsync();
        await page.Locator(".ant-popover:not(.ant-popover-hidden)").GetByRole(AriaRole.Button, new() { Name = "撤销完成" }).ClickAsync();
    }

    public ILocator Photos => page.Locator("[data-test=project-photos] [data-test=photo]");

    public ILocator PhotoError => page.Locator("[data-test=project-photos] [data-test=photo-error]");

    /// <summary>Chooses files in the photo upload, as a user picking them would.</summary>
    public Task AddPhotosAsync(params FilePayload[] files) => page.Locator("[data-test=project-photos] input[data-test=photo-input]").SetInputFilesAsync(files);

    public async Task GotoBoardAsync()
    {
        await page.GotoAsync("/projects");
        await new Layout(page).WaitForAppAsync();
    }

    public async Task OpenAsync(string name)
    {
        await Row(name).Locator("[data-test=project-link]").ClickAsync();
        await page.WaitForURLAsync("**/projects/*");
    }
}
