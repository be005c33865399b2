using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>MainLayout: the header (who, role, language, sign out) and the main navigation.</summary>
public sealed class Layout(IPage page)
{
    public ILocator Nav => page.Locator("[data-test=main-nav]");

    public ILocator UserName => page.Locator("[data-test=user-name]");

    public ILocator SignOutButton => page.Locator("[data-test=sign-out]");

    public ILocator English => page.Locator("[data-test=lang-en]");

    public ILocator Chinese => page.Locator("[data-test=lang-zh]");

    public ILocator NavLink(string text) => Nav.GetByRole(AriaRole.Link, new() { Name = text, Exact = true });

    /// <summary>
    /// The circuit must be attached before a click, or the click lands on the prerendered page and is lost;
    /// the layout says so once it renders interactively.
    /// </summary>
    public async Task WaitForAppAsync()
    {
        await Expect(page.Locator("[data-interactive=yes]")).ToBeVisibleAsync();
        await Expect(Nav).ToBeVisibleAsync();
    }

    public async Task OpenFromMenuAsync(string text)
    {
        await WaitForAppAsync();
        await NavLink(text).ClickAsync();
    }

    public async Task SwitchToEnglishAsync()
    {
        await WaitForAppAsync();
        await English.ClickAsync();
        await Expect(Chinese).ToBeVisibleAsync();
    }

    public async Task SwitchToChineseAsync()
    {
        await WaitForAppAsync();
        await Chinese.ClickAsync();
        await Expect(English).ToBeVisibleAsync();
    }

    public async Task SignOutAsync()
    {
        await WaitForAppAsync();
        await SignOutButton.ClickAsync();
    }
}
