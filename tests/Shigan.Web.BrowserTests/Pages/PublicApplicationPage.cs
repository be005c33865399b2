using Microsoft.Playwright;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>The citizen's page at /track/application: a number in, the application's progress out, nothing personal.</summary>
public sealed class PublicApplicationPage(IPage page)
{
    public ILocator Form => page.Locator("[data-test=public-application-form]");

    public ILocator View => page.Locator("[data-test=public-application]");

    public ILocator Status => page.Locator("[data-test=public-application-status]");

    public ILocator Trips => page.Locator("[data-test=public-trips]");

    public ILocator PartStatuses => page.Locator("[data-test=public-part-status]");

    public async Task LookUpAsync(string number)
    {
        await page.GotoAsync("/track/application");
        await Form.Locator("input[name=number]").FillAsync(number);
        await Form.Locator("button[type=submit]").ClickAsync();
    }
}
