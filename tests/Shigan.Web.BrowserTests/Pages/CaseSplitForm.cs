using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>拆分 on the case page: the split dialog with one block per part, and the children listed after.</summary>
public sealed class CaseSplitForm(IPage page)
{
    public ILocator Form => page.Locator("[data-test=split-form]");

    public ILocator Parts => Form.Locator("[data-test=split-part]");

    public ILocator Children => page.Locator("[data-test=case-children] [data-test=child-row]");

    public ILocator FieldError(int part) => Parts.Nth(part).Locator("[data-test=field-error]");

    public async Task OpenAsync()
    {
        await page.Locator("[data-test=action-Split] button").ClickAsync();
        await Expect(Form).ToBeVisibleAsync();
    }

    /// <summary>
    /// Picks the part's department and waits until the select shows it and its list has closed: the parts' lists
    /// offer the same names, and a list still closing would take the next part's click.
    /// </summary>
    public async Task ChooseDepartmentAsync(int part, string department)
    {
        var select = Parts.Nth(part).Locator("[data-test=split-department]");
        await AntSelect.ChooseAsync(page, select, department);
        await Expect(select.Locator(".ant-select-selection-item")).ToHaveTextAsync(department);
        await Expect(page.Locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")).ToHaveCountAsync(0);
    }

    public Task DescribeAsync(int part, string description) =>
        Parts.Nth(part).Locator("[data-test=split-description] textarea").FillAsync(description);

    public Task SaveAsync() => page.Locator(".ant-modal").Filter(new() { Has = Form }).Locator("[data-test=save] button").ClickAsync();
}
