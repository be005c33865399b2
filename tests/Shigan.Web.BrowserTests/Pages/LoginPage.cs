using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shigan.Data.Demo;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>The server-rendered sign-in form at /account/login.</summary>
public sealed partial class LoginPage(IPage page)
{
    public ILocator UserName => page.Locator("#userName");

    public ILocator Password => page.Locator("#password");

    public ILocator Submit => page.Locator("[data-test=login-form] button[type=submit]");

    public ILocator Error => page.Locator("[data-test=login-error]");

    public ILocator English => page.Locator("[data-test=lang-en]");

    /// <summary>Matches the sign-in page's address, with or without its query.</summary>
    [GeneratedRegex(@"/account/login(\?|$)")]
    public static partial Regex Address();

    public async Task GotoAsync() => await page.GotoAsync("/account/login");

    /// <summary>Fills and submits the form as a user would; does not check the outcome.</summary>
    public async Task SubmitAsync(string userName, string password)
    {
        await UserName.FillAsync(userName);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }

    /// <summary>Signs in from the sign-in page and waits until the layout shows who is signed in.</summary>
    public async Task SignInAsync(string userName, string password = ChangshanSeed.DemoPassword)
    {
        await GotoAsync();
        await SubmitAsync(userName, password);
        await Expect(new Layout(page).UserName).ToBeVisibleAsync();
    }
}
