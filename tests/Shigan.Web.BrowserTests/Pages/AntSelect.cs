using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>AntDesign's select: a box that opens a dropdown list rendered at the end of the page.</summary>
public static class AntSelect
{
    /// <summary>Opens the select inside <paramref name="wrapper"/> and picks the option whose text is exactly <paramref name="text"/>.</summary>
    public static async Task ChooseAsync(IPage page, ILocator wrapper, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(wrapper);
        await wrapper.Locator(".ant-select-selector").ClickAsync();
        var option = page.Locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option")
            .Filter(new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(text) + "\\s*$") });
        await option.First.ClickAsync();
    }
}
