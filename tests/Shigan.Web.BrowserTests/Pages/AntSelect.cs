using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>AntDesign's select: a box that opens a dropdown list rendered at the end of the page.</summary>
public static class AntSelect
{
    /// <summary>
    /// Opens the select inside <paramref name="wrapper"/> and picks the option whose text is exactly <paramref name="text"/>.
    /// As with <see cref="SearchAndChooseAsync"/>, a list that closes again as the form re-renders is opened again.
    /// </summary>
    public static async Task ChooseAsync(IPage page, ILocator wrapper, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(wrapper);
        var option = Option(page, text);
        for (var attempt = 1; ; attempt++)
        {
            await wrapper.Locator(".ant-select-selector").ClickAsync();
            try
            {
                await option.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 3_000 });
                await option.ClickAsync(new() { Timeout = 3_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>
    /// For a long list (EnableSearch): types <paramref name="search"/> into the select's own search box, then picks the
    /// option whose text is exactly <paramref name="text"/> among those left, which a scrolled list may otherwise hide.
    /// A select chosen from just before may close its list again as it re-renders: then it is opened and typed into again.
    /// </summary>
    public static async Task SearchAndChooseAsync(IPage page, ILocator wrapper, string search, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(wrapper);
        var option = Option(page, text);
        for (var attempt = 1; ; attempt++)
        {
            await wrapper.Locator(".ant-select-selector").ClickAsync();
            await wrapper.Locator("input.ant-select-selection-search-input").FillAsync(search);
            // The list may also close between showing the option and the click: the click is retried with the rest.
            try
            {
                await option.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 3_000 });
                await option.ClickAsync(new() { Timeout = 3_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }

    private static ILocator Option(IPage page, string text) =>
        page.Locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option")
            .Filter(new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(text) + "\\s*$") })
            .First;
}
