using Microsoft.EntityFrameworkCore;
using Shigan.Web.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>What a signed-in user sees of the administrative tree: their own unit and below, nothing else.</summary>
public sealed class OrgTreeTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    private const string Cadre = "mengqiao.cadre";

    [Fact]
    public async Task A_village_cadre_opens_the_divisions_from_the_menu_and_sees_their_village_with_its_three_grids()
    {
        await Login.SignInAsync(Cadre);
        await Expect(Layout.UserName).ToHaveTextAsync("濛桥村 姜平");

        await Layout.OpenFromMenuAsync("行政区划");

        await Expect(Page).ToHaveURLAsync(OrgPage.Address());
        await Expect(Org.Detail).ToContainTextAsync("濛桥村委会");
        await Expect(Org.Code).ToHaveTextAsync("330822213214");
        await Expect(Org.UnitLinks).ToHaveTextAsync(["第一网格", "第二网格", "第三网格"]);
        await Expect(Org.UnitCodes).ToHaveTextAsync(["330822213214001", "330822213214002", "330822213214003"]);

        // The trail starts at the cadre's own unit: the township and the county above it are not theirs to see.
        await Expect(Org.TrailLinks).ToHaveTextAsync(["濛桥村委会"]);
        await Expect(Org.Trail).Not.ToContainTextAsync("大桥头乡");
        await Expect(Org.Trail).Not.ToContainTextAsync("常山县");
        await KeepScreenshotAsync("shigan-org-cadre.png");
    }

    [Fact]
    public async Task A_village_cadre_who_types_the_neighbouring_village_into_the_address_bar_is_told_it_is_not_found()
    {
        var neighbour = await App.RegionIdAsync("330822213204");
        await Login.SignInAsync(Cadre);

        await Org.GotoAsync(neighbour);

        await Expect(Org.NotFound).ToContainTextAsync("未找到该单位，或您无权查看");
        await Expect(Org.Detail).ToHaveCountAsync(0);
        // Nothing leaks: neither the neighbour's name nor its code is on the page.
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("客弄村委会");
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("330822213204");
    }

    [Fact]
    public async Task A_village_cadre_who_types_the_county_into_the_address_bar_is_told_it_is_not_found()
    {
        var county = await App.RegionIdAsync("330822000000");
        await Login.SignInAsync(Cadre);

        await Org.GotoAsync(county);

        await Expect(Org.NotFound).ToContainTextAsync("未找到该单位，或您无权查看");
        await Expect(Org.Detail).ToHaveCountAsync(0);
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("常山县");
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("330822000000");
    }

    [Fact]
    public async Task A_village_cadre_searching_for_grids_finds_only_the_three_grids_of_their_own_village()
    {
        await Login.SignInAsync(Cadre);
        await Layout.OpenFromMenuAsync("行政区划");

        // Every village of the county has grids with these names; only 濛桥's may come back.
        await Org.SearchAsync("网格");

        await Expect(Org.SearchResultsHeading).ToHaveTextAsync("查找结果 (3)");
        await Expect(Org.UnitLinks).ToHaveTextAsync(["第一网格", "第二网格", "第三网格"]);
        await Expect(Org.UnitCodes).ToHaveTextAsync(["330822213214001", "330822213214002", "330822213214003"]);
    }

    [Fact]
    public async Task A_village_cadre_searching_for_the_neighbouring_village_finds_nothing()
    {
        await Login.SignInAsync(Cadre);
        await Layout.OpenFromMenuAsync("行政区划");

        await Org.SearchAsync("客弄");

        await Expect(Org.SearchResultsHeading).ToHaveTextAsync("查找结果 (0)");
        await Expect(Org.UnitLinks).ToHaveCountAsync(0);
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("客弄村委会");
    }

    [Fact]
    public async Task A_township_staff_member_sees_their_township_with_its_villages_and_not_another_township()
    {
        await Login.SignInAsync("qiuchuan.staff");

        await Layout.OpenFromMenuAsync("行政区划");

        await Expect(Org.Detail).ToContainTextAsync("球川镇");
        await Expect(Org.Code).ToHaveTextAsync("330822111000");
        await Expect(Org.TrailLinks).ToHaveTextAsync(["球川镇"]);
        await Expect(Org.Trail).Not.ToContainTextAsync("常山县");
        // 球川镇 has 22 villages and communities; the table shows them 20 to a page.
        await Expect(Org.UnitCodes).ToHaveCountAsync(20);
        await Expect(Org.UnitLinks.First).ToHaveTextAsync("龙头街居委会");
        var codes = await Org.UnitCodes.AllInnerTextsAsync();
        Assert.All(codes, code => Assert.StartsWith("330822111", code.Trim(), StringComparison.Ordinal));
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("大桥头乡");
    }

    [Fact]
    public async Task Township_staff_set_a_villages_population_and_a_number_out_of_range_is_refused_under_the_field()
    {
        var village = await App.WithDbAsync(db => db.Regions.Where(r => r.Parent!.Code == "330822111000").OrderByDescending(r => r.Code)
            .Select(r => new { r.Id, r.Name }).FirstAsync());
        await Login.SignInAsync("qiuchuan.staff");
        await Org.GotoAsync(village.Id);
        await Org.WaitUntilInteractiveAsync();
        var input = Page.Locator("[data-test=population-input] input");
        var save = Page.Locator("[data-test=population-save] button");

        await Page.Locator("[data-test=population-edit] button").ClickAsync();
        await input.FillAsync("0");
        await save.ClickAsync();
        await Expect(Page.Locator("[data-test=population-error]")).ToHaveTextAsync("常住人口须大于 0 且小于 10,000,000");

        await input.FillAsync("2345");
        await save.ClickAsync();
        await Expect(Page.Locator("[data-test=org-population]")).ToHaveTextAsync("2,345");
        Assert.Equal(2345, await App.WithDbAsync(db => db.Regions.Where(r => r.Id == village.Id).Select(r => r.Population).SingleAsync()));

        // Saved, not only shown: it is there when the page is opened again.
        await Page.ReloadAsync();
        await Org.WaitUntilInteractiveAsync();
        await Expect(Page.Locator("[data-test=org-population]")).ToHaveTextAsync("2,345");
    }
}
