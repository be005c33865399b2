using Microsoft.Playwright;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>The departments list at /departments, with its create and edit modals.</summary>
public sealed class DepartmentsPage(IPage page)
{
    public ILocator Table => page.Locator("[data-test=departments-table]");

    public ILocator NewButton => page.Locator("[data-test=new-department] button");

    public FormModalPart CreateForm => new(page, "department-form");

    public FormModalPart EditForm => new(page, "department-edit-form");

    /// <summary>The row of the department with exactly this name.</summary>
    public ILocator Row(string name) => Table.Locator("tr.ant-table-row")
        .Filter(new() { Has = page.Locator("[data-test=department-name-cell]", new() { HasTextString = name }) });

    public async Task GotoAsync()
    {
        await page.GotoAsync("/departments");
        await new Layout(page).WaitForAppAsync();
    }

    /// <summary>The list is paged; the search narrows it to the names that match.</summary>
    public async Task SearchAsync(string text)
    {
        await page.Locator("input[data-test=department-search]").FillAsync(text);
        await page.Locator(".shigan-toolbar .shigan-search").GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
    }

    public Task EditAsync(string name) => Row(name).Locator("[data-test=edit-department]").ClickAsync();
}
