using Microsoft.Playwright;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>The routing rules at /routing-rules, with their create and edit modals.</summary>
public sealed class RoutingRulesPage(IPage page)
{
    public ILocator Table => page.Locator("[data-test=routing-rules-table]");

    public FormModalPart EditForm => new(page, "routing-rule-edit-form");

    /// <summary>The row of the rule for this category (by name) in this area (by name).</summary>
    public ILocator Row(string category, string area) => Table.Locator("tr.ant-table-row")
        .Filter(new() { Has = page.Locator("[data-test=rule-category-cell]", new() { HasTextString = category }) })
        .Filter(new() { Has = page.Locator("[data-test=rule-region-cell]", new() { HasTextString = area }) });

    public ILocator DepartmentOf(string category, string area) => Row(category, area).Locator("[data-test=rule-department-cell]");

    public async Task GotoAsync()
    {
        await page.GotoAsync("/routing-rules");
        await new Layout(page).WaitForAppAsync();
    }

    public Task EditAsync(string category, string area) => Row(category, area).Locator("[data-test=edit-routing-rule]").ClickAsync();
}
