using System.Net;
using Shigan.Web.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>A county administrator issues an Open311 key, hands it over once, and revokes it; others never see the page.</summary>
public sealed class Open311KeysPageTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    private const string ClientName = "城市随手拍 App";

    [Fact]
    public async Task The_county_admin_issues_a_key_that_works_at_once_and_stops_working_when_revoked()
    {
        await Login.SignInAsync("admin");
        await Layout.OpenFromMenuAsync("Open311 接口密钥");
        var keys = new Open311KeysPage(Page);

        await keys.IssueButton.ClickAsync();
        await keys.IssueForm.FillAsync("name", ClientName);
        await keys.IssueForm.SaveAsync();
        await keys.IssueForm.ExpectClosedAsync();

        await Expect(keys.IssuedKey).ToBeVisibleAsync();
        var key = (await keys.IssuedKey.InnerTextAsync()).Trim();
        Assert.Equal(43, key.Length);
        await Expect(keys.Row(ClientName)).ToContainTextAsync("有效");
        await Expect(keys.Row(ClientName)).ToContainTextAsync(key[..8]);
        Assert.Equal(HttpStatusCode.OK, await FileAsync(key));

        // Shown once: back on the page later, only its first characters are listed.
        await keys.GotoAsync();
        await Expect(keys.IssuedKey).ToHaveCountAsync(0);
        await Expect(Page.Locator("body")).Not.ToContainTextAsync(key);

        await keys.RevokeAsync(ClientName);
        await Expect(keys.Row(ClientName)).ToContainTextAsync("已吊销");
        Assert.Equal(HttpStatusCode.Forbidden, await FileAsync(key));
    }

    [Fact]
    public async Task Township_staff_have_no_key_page_in_the_menu_and_are_refused_it()
    {
        await Login.SignInAsync("qiuchuan.staff");
        await Layout.WaitForAppAsync();
        await Expect(Layout.NavLink("分拨规则")).ToBeVisibleAsync();
        await Expect(Layout.NavLink("Open311 接口密钥")).ToHaveCountAsync(0);

        await Page.GotoAsync("/settings/open311");

        await Expect(Page.Locator("[data-test=access-denied]")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-test=open311-clients-table]")).ToHaveCountAsync(0);
    }

    private async Task<HttpStatusCode> FileAsync(string key)
    {
        using var http = new HttpClient { BaseAddress = App.RootUri };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key,
            ["service_code"] = "ZF03",
            ["address_id"] = "330822111000",
            ["description"] = "路边垃圾堆放多日无人清理",
        });
        using var response = await http.PostAsync("/open311/v2/requests.json", form);
        return response.StatusCode;
    }
}
