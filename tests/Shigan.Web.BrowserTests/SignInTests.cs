using Shigan.Data.Demo;
using Shigan.Web.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>Signing in and out through the real form, and pages closed to anyone not signed in.</summary>
public sealed class SignInTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_wrong_password_shows_a_message_and_stays_on_the_sign_in_page()
    {
        await Login.GotoAsync();

        await Login.SubmitAsync("mengqiao.cadre", "Not-the-password#1");

        await Expect(Login.Error).ToHaveTextAsync("用户名或密码不正确");
        await Expect(Page).ToHaveURLAsync(LoginPage.Address());
        // The user name is kept so only the password has to be typed again.
        await Expect(Login.UserName).ToHaveValueAsync("mengqiao.cadre");
        await Expect(Login.Password).ToHaveValueAsync("");
        await Expect(Layout.UserName).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_anonymous_visit_to_the_divisions_goes_to_the_sign_in_page_and_back_after_signing_in()
    {
        await Page.GotoAsync("/org");

        await Expect(Page).ToHaveURLAsync(LoginPage.Address());
        await Expect(Layout.Nav).ToHaveCountAsync(0);

        await Login.SubmitAsync("mengqiao.cadre", ChangshanSeed.DemoPassword);

        await Expect(Page).ToHaveURLAsync(OrgPage.Address());
        await Expect(Org.Detail).ToContainTextAsync("濛桥村委会");
        await Expect(Org.Code).ToHaveTextAsync("330822213214");
    }

    [Fact]
    public async Task Signing_out_returns_to_the_sign_in_page_and_closes_the_divisions_until_the_next_sign_in()
    {
        await Login.SignInAsync("mengqiao.cadre");
        await Layout.OpenFromMenuAsync("行政区划");
        await Expect(Org.Code).ToHaveTextAsync("330822213214");

        await Layout.SignOutAsync();

        await Expect(Page).ToHaveURLAsync(LoginPage.Address());
        await Expect(Login.UserName).ToBeVisibleAsync();

        await Page.GotoAsync("/org");
        await Expect(Page).ToHaveURLAsync(LoginPage.Address());
        await Expect(Org.Detail).ToHaveCountAsync(0);
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("濛桥村委会");
    }
}
