using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>The staff's report form at /cases/new, and the receipt it shows once the case is taken in.</summary>
public sealed class NewCasePage(IPage page)
{
    public ILocator Form => page.Locator("[data-test=report-form]");

    public ILocator TrackingNumber => page.Locator("[data-test=report-done] [data-test=tracking-number]");

    public ILocator CaseLink => page.Locator("[data-test=report-done] [data-test=case-link]");

    public ILocator FieldErrors => Form.Locator("[data-test=field-error]");

    public ILocator FieldError(string field) => Form.Locator($"[data-field=\"{field}\"] [data-test=field-error]");

    public async Task WaitUntilReadyAsync()
    {
        await new Layout(page).WaitForAppAsync();
        await Expect(Form).ToBeVisibleAsync();
    }

    public Task ChooseCategoryAsync(string name) => AntSelect.ChooseAsync(page, page.Locator("[data-test=case-category]"), name);

    /// <summary>Finds the place by name in the unit picker and picks the first match.</summary>
    public async Task ChoosePlaceAsync(string search)
    {
        await page.Locator("input[data-test=unit-search]").FillAsync(search);
        await page.Locator("[data-test=unit-picker]").GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await page.Locator("[data-test=unit-option]").First.ClickAsync();
        await Expect(page.Locator("[data-test=unit-picked]")).ToBeVisibleAsync();
    }

    public Task FillAddressAsync(string text) => page.Locator("input[data-test=case-address]").FillAsync(text);

    public Task FillDescriptionAsync(string text) => page.Locator("[data-test=case-description] textarea").FillAsync(text);

    public Task FillReporterNameAsync(string text) => page.Locator("input[data-test=case-reporter-name]").FillAsync(text);

    public Task FillReporterPhoneAsync(string text) => page.Locator("input[data-test=case-reporter-phone]").FillAsync(text);

    /// <summary>Chooses photos to go with the report (they are sent with it on submit).</summary>
    public async Task ChoosePhotosAsync(params string[] paths)
    {
        await page.Locator("input[data-test=case-photos-input]").SetInputFilesAsync(paths);
        await Expect(page.Locator("[data-test=case-photos-chosen] li")).ToHaveCountAsync(paths.Length);
    }

    public ILocator PhotoError => Form.Locator("[data-test=case-photos-error]");

    /// <summary>The row of one of the category's own questions (by its code).</summary>
    public ILocator Question(string code) => Form.Locator($"[data-test=question-{code}]");

    public Task TickAsync(string code, string optionName) => Question(code).GetByLabel(optionName).CheckAsync();

    public Task SubmitAsync() => Form.Locator("[data-test=save] button").ClickAsync();

    /// <summary>The tracking number of the case just reported, once the receipt shows.</summary>
    public async Task<string> ReadTrackingNumberAsync()
    {
        await Expect(TrackingNumber).ToBeVisibleAsync();
        return (await TrackingNumber.InnerTextAsync()).Trim();
    }
}
