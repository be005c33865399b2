using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>
/// A FormModal (Common/FormModal.razor) found by its form's data-test: labelled rows with data-field, the server's
/// message under a row as field-error, and the save button in the modal's footer.
/// </summary>
public sealed class FormModalPart(IPage page, string formTest)
{
    public ILocator Form => page.Locator($"[data-test={formTest}]");

    /// <summary>The open modal holding the form: its footer (save, cancel) sits outside the form itself.</summary>
    public ILocator Modal => page.Locator(".ant-modal").Filter(new() { Has = Form });

    public ILocator Field(string field) => Form.Locator($"[data-field={field}]");

    public ILocator FieldError(string field) => Field(field).Locator("[data-test=field-error]");

    public ILocator FieldErrors => Form.Locator("[data-test=field-error]");

    public Task FillAsync(string field, string text) => Field(field).Locator("input").FillAsync(text);

    public Task ChooseAsync(string selectTest, string text) => AntSelect.ChooseAsync(page, Form.Locator($"[data-test={selectTest}]"), text);

    /// <summary>Picks from a long searchable select by typing the option's text first.</summary>
    public Task SearchAndChooseAsync(string selectTest, string text) =>
        AntSelect.SearchAndChooseAsync(page, Form.Locator($"[data-test={selectTest}]"), text, text);

    /// <summary>
    /// Opens the select, reads every option it offers and picks <paramref name="choice"/> among them (Escape would
    /// close the whole modal, so the list is closed by choosing).
    /// </summary>
    public async Task<IReadOnlyList<string>> ReadOptionsAndChooseAsync(string selectTest, string choice)
    {
        await Form.Locator($"[data-test={selectTest}] .ant-select-selector").ClickAsync();
        var options = page.Locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option");
        await Expect(options.First).ToBeVisibleAsync();
        var texts = (await options.AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        await options.Filter(new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(choice) + "\\s*$") }).First.ClickAsync();
        await Expect(Form.Locator($"[data-test={selectTest}] .ant-select-selection-item")).ToHaveTextAsync(choice);
        return texts;
    }

    /// <summary>Searches the unit picker and picks the unit with exactly this code.</summary>
    public async Task PickUnitAsync(string search, string code)
    {
        var picker = Form.Locator("[data-test=unit-picker]");
        await picker.Locator("input[data-test=unit-search]").FillAsync(search);
        await picker.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await picker.Locator($"[data-test=unit-option][data-code='{code}']").ClickAsync();
        await Expect(picker.Locator("[data-test=unit-picked]")).ToContainTextAsync(code);
    }

    public Task SaveAsync() => Modal.Locator("[data-test=save] button").ClickAsync();

    /// <summary>A successful save closes the modal.</summary>
    public Task ExpectClosedAsync() => Expect(Form).ToBeHiddenAsync();
}
