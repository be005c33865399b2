using Shigan.Web.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>The interface is Chinese by default and switches to English and back, remembered across page loads.</summary>
public sealed class LanguageTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Clicking_English_turns_the_interface_into_English_until_the_user_clicks_Chinese()
    {
        await Login.SignInAsync("mengqiao.cadre");
        await Layout.OpenFromMenuAsync("行政区划");
        await Org.WaitUntilInteractiveAsync();
        await Expect(Layout.NavLink("行政区划")).ToBeVisibleAsync();
        await Expect(Layout.SignOutButton).ToHaveTextAsync("退出");

        await Layout.SwitchToEnglishAsync();

        await Expect(Layout.NavLink("Administrative divisions")).ToBeVisibleAsync();
        await Expect(Layout.SignOutButton).ToHaveTextAsync("Sign out");
        await Expect(Layout.NavLink("行政区划")).ToHaveCountAsync(0);
        // The switch comes back to the page the user was on.
        await Expect(Page).ToHaveURLAsync(OrgPage.Address());
        await Expect(Org.Code).ToHaveTextAsync("330822213214");
        await KeepScreenshotAsync("shigan-org-en.png");

        // The choice is remembered: a fresh load of another page is still in English.
        await Page.GotoAsync("/");
        await Expect(Layout.NavLink("Administrative divisions")).ToBeVisibleAsync();
        await Expect(Layout.NavLink("行政区划")).ToHaveCountAsync(0);
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await Layout.SwitchToChineseAsync();

        await Expect(Layout.NavLink("行政区划")).ToBeVisibleAsync();
        await Expect(Layout.SignOutButton).ToHaveTextAsync("退出");
        await Expect(Layout.NavLink("Administrative divisions")).ToHaveCountAsync(0);
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
    }

    [Fact]
    public async Task The_sign_in_page_switches_to_English_and_tells_a_wrong_password_in_English()
    {
        await Login.GotoAsync();
        await Login.English.ClickAsync();
        await Expect(Login.Submit).ToHaveTextAsync("Sign in");

        await Login.SubmitAsync("mengqiao.cadre", "Not-the-password#1");

        await Expect(Login.Error).ToHaveTextAsync("Wrong user name or password");
        await Expect(Page).ToHaveURLAsync(LoginPage.Address());
    }
}
