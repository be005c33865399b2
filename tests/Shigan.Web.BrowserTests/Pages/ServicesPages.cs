using Microsoft.Playwright;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>The one-trip services: the catalogue at /services and a bundle's trip calculator at /services/bundles/{code}.</summary>
public sealed class ServicesPages(IPage page)
{
    public ILocator Bundles => page.Locator("[data-test=bundle-list] [data-test=bundle]");

    public ILocator CatalogueItems => page.Locator("[data-test=catalogue-table] [data-test=catalogue-item]");

    public ILocator ItemNames => CatalogueItems.Locator("[data-test=item-name]");

    /// <summary>An item's row by its code (the first cell).</summary>
    public ILocator ItemRow(string code) => CatalogueItems.Filter(new() { Has = page.Locator("td:first-child code", new() { HasTextString = code }) });

    public ILocator ImportErrors => page.Locator("[data-test=import-errors] [data-test=import-error]");

    public ILocator ImportSummary => page.Locator("[data-test=import-summary]");

    public ILocator BundleName => page.Locator("[data-test=bundle-name]");

    public ILocator TripSummary => page.Locator("[data-test=trip-summary]");

    public ILocator Plans => page.Locator("[data-test=trip-plans] [data-test=trip-plan]");

    public ILocator Plan(string model) => page.Locator($"[data-test=trip-plans] [data-test=trip-plan][data-model={model}]");

    public Task OpenBundleAsync(string name) => Bundles.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();

    public Task SetStartAsync(string date) => page.Locator("[data-test=trip-start]").FillAsync(date);

    public Task ImportAsync(string fileName, byte[] bytes) =>
        page.Locator("[data-test=import-input]").SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = bytes,
        });
}
