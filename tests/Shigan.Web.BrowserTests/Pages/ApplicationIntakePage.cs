using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>The window's intake form at /services/applications/new: a life event, its materials checked once, the applicant.</summary>
public sealed class ApplicationIntakePage(IPage page)
{
    public ILocator Materials => page.Locator("[data-test=intake-material]");

    public ILocator Parts => page.Locator("[data-test=intake-part]");

    public ILocator Window => page.Locator("[data-test=intake-window]");

    public async Task GotoAsync()
    {
        await page.GotoAsync("/services/applications/new");
        await new Layout(page).WaitForAppAsync();
    }

    public async Task ChooseAsync(string lifeEventCode)
    {
        await page.Locator("[data-test=intake-life-event]").SelectOptionAsync(lifeEventCode);
        await Expect(Materials.First).ToBeVisibleAsync();
    }

    /// <summary>Checks off every material the form lists, one by one as the clerk would.</summary>
    public async Task CheckAllAsync()
    {
        var boxes = page.Locator("[data-test=intake-material] input[type=checkbox]");
        for (var i = 0; i < await boxes.CountAsync(); i++)
        {
            await boxes.Nth(i).CheckAsync();
            await Expect(boxes.Nth(i)).ToBeCheckedAsync();
        }
    }

    public async Task TakeAsync(string applicant, string phone)
    {
        await page.Locator("[data-test=intake-applicant]").FillAsync(applicant);
        await page.Locator("[data-test=intake-phone]").FillAsync(phone);
        await page.Locator("[data-test=intake-save] button").ClickAsync();
    }
}
