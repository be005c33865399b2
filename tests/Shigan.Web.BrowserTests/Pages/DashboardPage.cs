using Microsoft.Playwright;
using Shigan.Core.Cases;
using Shigan.Core.Org;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>The dashboard (驾驶舱) at /: the charts, the platform × status grid and the other cards.</summary>
public sealed class DashboardPage(IPage page)
{
    public ILocator CasesChart => page.Locator("[data-test=cases-chart]");

    public ILocator DailyChart => page.Locator("[data-test=daily-chart]");

    public ILocator LateChart => page.Locator("[data-test=late-chart]");

    public ILocator Total => page.Locator("[data-test=cases-total]");

    public ILocator Cell(Platform platform, CaseStatus status) => page.Locator($"[data-test=cell-{platform}-{status}]");

    public ILocator LateLinks => page.Locator("[data-test=late-link]");

    public async Task GotoAsync()
    {
        await page.GotoAsync("/");
        await new Layout(page).WaitForAppAsync();
    }
}
