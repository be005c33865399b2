using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>The work list at /cases: quick views, filters, the table of cases and "load more".</summary>
public sealed class CasesListPage(IPage page)
{
    public ILocator Table => page.Locator("[data-test=cases-table]");

    public ILocator NewCaseLink => page.Locator("[data-test=new-case] a");

    public ILocator CaseLinks => Table.Locator("[data-test=case-link]");

    public ILocator LoadMore => page.Locator("[data-test=load-more] button");

    public async Task GotoAsync()
    {
        await page.GotoAsync("/cases");
        await new Layout(page).WaitForAppAsync();
    }

    /// <summary>The table row of the case with this tracking number.</summary>
    public ILocator Row(string trackingNumber) =>
        Table.Locator("tr.ant-table-row").Filter(new() { Has = page.Locator("[data-test=case-link]", new() { HasText = trackingNumber }) });

    public ILocator StatusOf(string trackingNumber) => Row(trackingNumber).Locator("[data-test=case-status]");

    public ILocator SupervisionOf(string trackingNumber) => Row(trackingNumber).Locator("[data-test=supervision-tag]");

    public ILocator DeadlineOf(string trackingNumber) => Row(trackingNumber).Locator("[data-test=deadline]");

    public async Task ShowViewAsync(string key)
    {
        await page.Locator($"[data-test=view-{key}] button").ClickAsync();
        await Expect(page.Locator($"[data-test=view-{key}] button.ant-btn-primary")).ToBeVisibleAsync();
    }

    public async Task OpenAsync(string trackingNumber)
    {
        await Row(trackingNumber).Locator("[data-test=case-link]").ClickAsync();
        await Expect(page.Locator("[data-test=case-detail] [data-test=tracking-number]")).ToHaveTextAsync(trackingNumber);
    }
}
