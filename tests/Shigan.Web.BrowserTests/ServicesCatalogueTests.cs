using Shigan.Core.Services;
using Shigan.Web.BrowserTests.Pages;
using Shigan.Web.Services.CatalogueExcel;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>
/// The catalogue and the trip calculator as people use them: a window clerk opens the newborn bundle and sees the
/// report's five trips over two days become one at the bank, with the reasons; the county imports a workbook on the
/// page and is shown each mistake by sheet, row and column.
/// </summary>
public sealed class ServicesCatalogueTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_window_clerk_sees_the_newborn_bundle_go_from_five_trips_on_two_days_to_one_with_what_saved_each()
    {
        await Login.SignInAsync("qiuchuan.window");
        await Layout.OpenFromMenuAsync("一件事");
        var services = new ServicesPages(Page);
        await Expect(services.Bundles).ToHaveCountAsync(6);
        await Expect(services.CatalogueItems.First).ToBeVisibleAsync();

        await services.OpenBundleAsync("出生一件事（新生儿）");
        await Expect(services.BundleName).ToHaveTextAsync("出生一件事（新生儿）");
        // Tuesday 12 May 2026, the week of the report.
        await services.SetStartAsync("2026-05-12");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("start=2026-05-12"));

        await Expect(services.TripSummary).ToHaveTextAsync("5 → 1");
        await Expect(services.Plans).ToHaveCountAsync(3);
        var separate = services.Plan("Separate");
        await Expect(separate.Locator("[data-test=plan-trips]")).ToHaveTextAsync("5");
        await Expect(separate.Locator("[data-test=plan-days]")).ToHaveTextAsync("2");
        await Expect(separate.Locator("[data-test=plan-trip]")).ToHaveCountAsync(5);
        var bank = services.Plan("PartnerWindow");
        await Expect(bank.Locator("[data-test=plan-trips]")).ToHaveTextAsync("1");
        await Expect(bank.Locator("[data-test=plan-places]")).ToContainTextAsync("县农信社网点");
        await Expect(bank.Locator("[data-test=plan-saving]").First).ToBeVisibleAsync();
        await Expect(bank.Locator("[data-test=plan-savings]")).ToContainTextAsync("县农信社网点一次受理");
        await Expect(bank.Locator("[data-test=plan-savings]")).ToContainTextAsync("共享后无需");
        await KeepScreenshotAsync("services-newborn-trips.png");
    }

    [Fact]
    public async Task The_county_imports_a_workbook_with_mistakes_sees_each_by_sheet_row_and_column_then_a_good_one()
    {
        await Login.SignInAsync("admin");
        await Layout.OpenFromMenuAsync("一件事");
        var services = new ServicesPages(Page);
        var items = ServiceCatalogueSeed.Items().ToList();
        items[0].DepartmentName = "常山县不存在局";
        var bad = await CatalogueWorkbook.WriteAsync(items, ServiceCatalogueSeed.LifeEvents());

        await services.ImportAsync("事项目录.xlsx", bad);

        // The first import on a fresh host reads the workbook cold, on a busy machine: give it longer than a click.
        await Expect(services.ImportErrors).ToHaveCountAsync(1, new() { Timeout = 45_000 });
        await Expect(services.ImportErrors.First).ToHaveTextAsync("“事项”表第 2 行“部门”列：部门不存在：常山县不存在局");
        await KeepScreenshotAsync("services-import-errors.png");

        items[0].DepartmentName = "常山县人民医院";
        items[0].Name = "出生医学证明签发（医院）";
        var good = await CatalogueWorkbook.WriteAsync(items, ServiceCatalogueSeed.LifeEvents());
        await services.ImportAsync("事项目录.xlsx", good);

        await Expect(services.ImportSummary).ToContainTextAsync("修改 1");
        await Expect(services.ImportErrors).ToHaveCountAsync(0);
        await Expect(services.ItemNames.Filter(new() { HasText = "出生医学证明签发（医院）" })).ToHaveCountAsync(1);

        // An item a bundle still names stays: the page says why.
        await services.ItemRow("BIRTH-HUKOU").Locator("[data-test=deactivate-item]").ClickAsync();
        await Expect(Page.Locator("[data-test=item-action-error]")).ToContainTextAsync("仍在一件事中，请先从一件事中移除：出生一件事（新生儿）");
        await Expect(services.ItemRow("BIRTH-HUKOU").Locator("[data-test=deactivate-item]")).ToBeVisibleAsync();
    }
}
