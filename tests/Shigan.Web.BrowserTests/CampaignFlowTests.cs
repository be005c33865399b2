using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Shigan.Core.Campaigns;
using Shigan.Web.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>
/// A campaign from its page: township staff import the households' sheet and see the figures and the chart follow,
/// a wrong sheet is listed row by row and changes nothing, and a visit recorded on the page moves a household on.
/// Most sheets are written with MiniExcel, with typed cells (numbers, dates) as a spreadsheet program saves them; one
/// is a CSV converted by LibreOffice Calc (scripts/test.sh installs it), a real spreadsheet program's .xlsx.
/// </summary>
public sealed class CampaignFlowTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    private static byte[] Sheet(params object?[][] rows)
    {
        string[] headers = ["小区", "楼幢", "单元", "房号", "户主", "联系电话", "人数", "面积", "阶段", "阶段日期", "工作组"];
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => headers.Select((h, i) => (h, r[i])).ToDictionary(c => c.h, c => c.Item2)), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    [Fact]
    public async Task Staff_import_a_sheet_see_the_figures_follow_and_record_a_visit_that_moves_a_household_on()
    {
        var campaign = await CampaignAsync();
        var day = DateTime.Today.AddDays(-2);
        await Login.SignInAsync("qiuchuan.staff");
        var page = new CampaignPage(Page);
        await page.GotoAsync(campaign);
        await Expect(page.Total).ToHaveTextAsync("0");

        await page.ImportAsync("老街危房.xlsx", Sheet(
            ["老街小区", "1幢", "1单元", 101, "王建国", 13800001111L, 4, 56.5, "告知", day, "第一工作组"],
            ["老街小区", "1幢", "1单元", 102, "李美华", 13800002222L, 3, 48, "签约", day, "第一工作组"],
            ["老街小区", "2幢", "1单元", 201, "张志强", 13800003333L, 5, 62, null, null, "第一工作组"]));

        await Expect(page.Total).ToHaveTextAsync("3");
        await Expect(page.StageCount("告知")).ToHaveTextAsync("2");
        await Expect(page.StageCount("签约")).ToHaveTextAsync("1");
        await Expect(page.Targets).ToHaveCountAsync(3);
        await Expect(page.StageOf("1单元102")).ToHaveTextAsync("签约");
        // The chart drew its four stages (ECharts loaded under the site's script policy).
        await Expect(page.Chart).ToHaveAttributeAsync("data-rendered", "4");

        // A wrong sheet: each wrong cell by row and column, nothing imported.
        await page.ImportAsync("有错.xlsx", Sheet(
            ["老街小区", "3幢", "1单元", 301, "赵卫东", 13800004444L, 4, 50, "拆除", null, null],
            ["老街小区", "3幢", "1单元", 302, "周小芳", "电话待补", 4, 50, null, null, null]));
        await Expect(page.ImportErrors).ToContainTextAsync("第 2 行「阶段」：没有这个阶段");
        await Expect(page.ImportErrors).ToContainTextAsync("第 3 行「联系电话」：不是有效的电话号码");
        await Expect(page.Total).ToHaveTextAsync("3");

        // A visit at the owner's home that got the signature.
        await page.OpenVisitAsync("1单元101");
        var form = page.VisitForm;
        await form.ChooseAsync("visit-place", "入户");
        await form.Field("outcome").Locator("textarea").FillAsync("讲解补偿政策，户主同意签约");
        await form.ChooseAsync("visit-stage", "签约");
        await form.SaveAsync();
        await form.ExpectClosedAsync();

        await Expect(page.StageOf("1单元101")).ToHaveTextAsync("签约");
        await Expect(page.StageCount("签约")).ToHaveTextAsync("2");
        await KeepScreenshotAsync("shigan-campaign.png");
        Assert.Equal(1, await App.WithDbAsync(db => db.CampaignVisits.CountAsync(v => v.CampaignId == campaign && v.StageReached == 2)));
    }

    [Fact]
    public async Task A_sheet_saved_by_LibreOffice_imports_and_visits_move_the_counts_and_the_chart()
    {
        var campaign = await CampaignAsync("球川新街危旧房改造");
        var day = DateTime.Today.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var workbook = await LibreOfficeAsync(
            "小区,楼幢,单元,房号,户主,联系电话,人数,面积,阶段,阶段日期,工作组",
            $"新街小区,3幢,1单元,301,钱进,13800005555,3,52.5,告知,{day},第二工作组",
            "新街小区,3幢,1单元,302,孙丽,13800006666,2,47,,,第二工作组");
        await Login.SignInAsync("qiuchuan.staff");
        var page = new CampaignPage(Page);
        await page.GotoAsync(campaign);

        await page.ImportAsync("新街危房.xlsx", workbook);

        await Expect(page.Total).ToHaveTextAsync("2");
        await Expect(page.StageCount("告知")).ToHaveTextAsync("1");
        await Expect(page.StageOf("1单元301")).ToHaveTextAsync("告知");
        await Expect(page.Chart).ToHaveAttributeAsync("data-latest", "1,0,0,0");

        // Two visits: one notifies the other household, one gets the first household's signature.
        await VisitAsync(page, "1单元302", "告知", "入户告知改造政策");
        await Expect(page.StageCount("告知")).ToHaveTextAsync("2");
        await VisitAsync(page, "1单元301", "签约", "户主同意签约");

        await Expect(page.StageCount("签约")).ToHaveTextAsync("1");
        await Expect(page.StageOf("1单元301")).ToHaveTextAsync("签约");
        await Expect(page.Chart).ToHaveAttributeAsync("data-latest", "2,1,0,0");
    }

    private static async Task VisitAsync(CampaignPage page, string target, string stage, string outcome)
    {
        await page.OpenVisitAsync(target);
        var form = page.VisitForm;
        await form.ChooseAsync("visit-place", "入户");
        await form.Field("outcome").Locator("textarea").FillAsync(outcome);
        await form.ChooseAsync("visit-stage", stage);
        await form.SaveAsync();
        await form.ExpectClosedAsync();
    }

    // A CSV converted to .xlsx by LibreOffice Calc, in a profile of its own so parallel runs do not share one.
    private static async Task<byte[]> LibreOfficeAsync(params string[] lines)
    {
        var folder = Directory.CreateTempSubdirectory("shigan-calc-");
        try
        {
            var csv = Path.Combine(folder.FullName, "sheet.csv");
            await File.WriteAllLinesAsync(csv, lines, new UTF8Encoding(false));
            var start = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
            // CSV:44,34,76,1 = comma-separated, double quotes, UTF-8, from the first line; types (numbers, dates) detected.
            foreach (var argument in new[]
                     {
                         $"-env:UserInstallation=file://{folder.FullName}/profile", "--headless", "--infilter=CSV:44,34,76,1",
                         "--convert-to", "xlsx", "--outdir", folder.FullName, csv,
                     })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            var xlsx = Path.Combine(folder.FullName, "sheet.xlsx");
            Assert.True(File.Exists(xlsx), $"soffice did not convert the sheet: {await output} {await errors}");
            return await File.ReadAllBytesAsync(xlsx);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private Task<int> CampaignAsync(string name = "球川老街危旧房改造") => App.WithDbAsync(db => StoredCampaigns.InsertAsync(db, name));
}
