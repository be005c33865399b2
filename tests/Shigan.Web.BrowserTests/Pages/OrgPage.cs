using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>The administrative tree at /org/{id}: one unit, its trail, the units below it, and the search.</summary>
public sealed partial class OrgPage(IPage page)
{
    public ILocator Detail => page.Locator("[data-test=org-detail]");

    public ILocator Code => page.Locator("[data-test=org-code]");

    public ILocator Trail => page.Locator("[data-test=org-trail]");

    /// <summary>The units named in the breadcrumb, from the top the user may see down to this unit.</summary>
    public ILocator TrailLinks => Trail.GetByRole(AriaRole.Link);

    public ILocator Table => page.Locator("[data-test=region-table]");

    public ILocator UnitLinks => Table.Locator("[data-test=region-link]");

    /// <summary>The code column of the table's rows (name, code, level, units below).</summary>
    public ILocator UnitCodes => Table.Locator("tbody tr.ant-table-row td:nth-child(2)");

    public ILocator SearchBox => page.Locator("input[data-test=org-search]");

    public ILocator SearchButton => page.GetByRole(AriaRole.Button, new() { Name = "查找", Exact = true });

    public ILocator SearchResultsHeading => page.GetByRole(AriaRole.Heading, new() { Name = "查找结果" });

    public ILocator NotFound => page.Locator("[data-test=not-found]");

    /// <summary>Matches /org and /org/{id}: /org itself moves on to the user's own unit.</summary>
    [GeneratedRegex(@"/org(/\d+)?$")]
    public static partial Regex Address();

    public async Task GotoAsync(int id) => await page.GotoAsync($"/org/{id}");

    /// <summary>
    /// The unit's details are filled in only once the page is interactive (the prerendered table of details is
    /// empty), so a visible code means the circuit is attached and typing into the search will be heard.
    /// </summary>
    public async Task WaitUntilInteractiveAsync() => await Expect(Code).ToBeVisibleAsync();

    public async Task SearchAsync(string text)
    {
        await WaitUntilInteractiveAsync();
        await SearchBox.FillAsync(text);
        await SearchButton.ClickAsync();
    }
}
