using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>One application at /services/applications/{id}: its parts by department, the trips, the history.</summary>
public sealed class ApplicationDetailPage(IPage page)
{
    public ILocator Detail => page.Locator("[data-test=application-detail]");

    public ILocator TrackingNumber => Detail.Locator("[data-test=tracking-number]");

    public ILocator Status => Detail.Locator("[data-test=application-status]");

    public ILocator TripCount => Detail.Locator("[data-test=trip-count]");

    public ILocator Parts => page.Locator("[data-test=part]");

    public ILocator Trips => page.Locator("[data-test=trip]");

    public ILocator Part(string department) => page.Locator($"[data-test=part][data-department='{department}']");

    public ILocator PartStatus(string department) => Part(department).Locator("[data-test=part-status]");

    public async Task GotoAsync(string path)
    {
        await page.GotoAsync(path);
        await new Layout(page).WaitForAppAsync();
        await Expect(Detail).ToBeVisibleAsync();
    }

    /// <summary>Clicks the department's action on its own row, confirms the dialog, and waits for the new status.</summary>
    public async Task ActAsync(string department, string action, string expectedStatus)
    {
        await Part(department).Locator($"[data-test=part-action-{action}] button").ClickAsync();
        var form = page.Locator("[data-test=part-action-form]");
        await Expect(form).ToBeVisibleAsync();
        await page.Locator(".ant-modal").Filter(new() { Has = form }).Locator("[data-test=save] button").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);
        await Expect(PartStatus(department)).ToHaveTextAsync(expectedStatus);
    }
}
