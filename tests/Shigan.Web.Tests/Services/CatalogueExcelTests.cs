using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Shigan.Core.Services;
using Shigan.Testing;
using Shigan.Web.Api;
using Shigan.Web.Services.CatalogueExcel;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Services;

/// <summary>
/// The catalogue as an Excel workbook: exported and imported again it changes nothing; a workbook with mistakes is
/// refused naming sheet, row and column, with nothing written; a file that is not a sound workbook is a clear 400.
/// </summary>
public sealed class CatalogueExcelTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task An_exported_catalogue_imported_again_changes_nothing_and_records_nothing()
    {
        var admin = await app.SessionAsync("admin");
        using var exported = await admin.GetAsync("/api/services/catalogue/export");
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal(CatalogueWorkbook.ContentType, exported.Content.Headers.ContentType?.MediaType);
        var workbook = await exported.Content.ReadAsByteArrayAsync();
        var before = await app.CatalogueFingerprintAsync();

        using var imported = await admin.ImportAsync(workbook);
        var summary = await imported.JsonAsync(HttpStatusCode.OK);

        Assert.Equal((0, 0, 0, 0), (Count(summary, "itemsAdded"), Count(summary, "itemsChanged"), Count(summary, "bundlesAdded"), Count(summary, "bundlesChanged")));
        Assert.True(Count(summary, "itemsUnchanged") >= 31);
        Assert.Equal(before, await app.CatalogueFingerprintAsync());

        // People read the sheets: one row per item, its materials on 材料, the bundles with their items in order.
        using var sheet = new MemoryStream(workbook);
        Assert.Equal([CatalogueSheets.Items, CatalogueSheets.Materials, CatalogueSheets.Bundles], MiniExcel.GetSheetNames(sheet));
        var newborn = MiniExcel.Query(sheet, useHeaderRow: true, sheetName: CatalogueSheets.Bundles).Cast<IDictionary<string, object?>>()
            .Single(r => (string?)r[CatalogueSheets.Code] == "newborn");
        Assert.Equal("BIRTH-CERT、BIRTH-VACCINE、BIRTH-HUKOU、BIRTH-MEDINS、BIRTH-SSCARD", newborn[CatalogueSheets.ItemCode]);
        var card = MiniExcel.Query(sheet, useHeaderRow: true, sheetName: CatalogueSheets.Items).Cast<IDictionary<string, object?>>()
            .Single(r => (string?)r[CatalogueSheets.Code] == "BIRTH-SSCARD");
        Assert.Equal("银行网点", card[CatalogueSheets.Channels]);
        Assert.Equal(20d, Convert.ToDouble(card[CatalogueSheets.LegalDays], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_filled_in_workbook_adds_and_changes_items_and_bundles_by_code_in_one_audited_save()
    {
        var admin = await app.SessionAsync("admin");
        var workbook = await CatalogueCalls.SeedWorkbookAsync((items, bundles) =>
        {
            items.Single(i => i.Code == "BIRTH-VACCINE").PromisedDays = 0;
            items.Single(i => i.Code == "DIS-LIVING").Name = "困难残疾人生活补贴申领";
            items.Add(new ServiceItem
            {
                Code = "AGED-CARD",
                Name = "老年人优待证办理",
                DepartmentName = "常山县民政局",
                LegalDays = 5,
                PromisedDays = 1,
                Channels = ServiceChannels.TownshipWindow | ServiceChannels.Online,
                OnSiteVisits = 1,
                Materials = [new() { Name = "身份证", HeldByCitizen = true }, new() { Name = "近期免冠照片", Form = MaterialForm.Copy }],
            });
            bundles.Add(new LifeEvent { Code = "aged", Name = "老年人一件事", ItemCodes = ["AGED-CARD", "RETIRE-MEDINS"] });
        });
        var audited = await app.AuditCountAsync("ServiceItem");

        using var imported = await admin.ImportAsync(workbook);
        var summary = await imported.JsonAsync(HttpStatusCode.OK);

        Assert.Equal((1, 1, 1), (Count(summary, "itemsAdded"), Count(summary, "itemsChanged"), Count(summary, "bundlesAdded")));
        var warning = Assert.Single(summary.GetProperty("warnings").EnumerateArray());
        Assert.Equal(("AGED-CARD", "近期免冠照片"), (warning.GetProperty("itemCode").GetString(), warning.GetProperty("materialName").GetString()));
        Assert.Equal(audited + 2, await app.AuditCountAsync("ServiceItem"));
        var added = await app.StoredItemAsync("AGED-CARD");
        Assert.Equal(ServiceChannels.TownshipWindow | ServiceChannels.Online, added.Channels);
        Assert.Equal(MaterialForm.Copy, added.Materials[1].Form);
        Assert.Equal("困难残疾人生活补贴申领", (await app.StoredItemAsync("DIS-LIVING")).Name);
        var aged = await admin.GetJsonAsync("/api/services/bundles/aged");
        Assert.Equal(["AGED-CARD", "RETIRE-MEDINS"], aged.GetProperty("itemCodes").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task A_workbook_without_the_department_column_is_refused_naming_sheet_and_column()
    {
        var admin = await app.SessionAsync("admin");
        var before = await app.CatalogueFingerprintAsync();
        var rows = ServiceCatalogueSeed.Items().Select(i => new Dictionary<string, object>
        {
            [CatalogueSheets.Code] = i.Code,
            [CatalogueSheets.Name] = i.Name,
            [CatalogueSheets.LegalDays] = i.LegalDays,
            [CatalogueSheets.PromisedDays] = i.PromisedDays,
            [CatalogueSheets.Channels] = "网上",
            [CatalogueSheets.Visits] = i.OnSiteVisits,
            [CatalogueSheets.Fee] = 0,
            [CatalogueSheets.Prerequisites] = "",
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            [CatalogueSheets.Items] = rows,
            [CatalogueSheets.Materials] = new[] { MaterialRow("BIRTH-CERT", "父母身份证") },
            [CatalogueSheets.Bundles] = new[] { new Dictionary<string, object> { [CatalogueSheets.Code] = "newborn", [CatalogueSheets.Name] = "出生一件事", [CatalogueSheets.ItemCode] = "BIRTH-CERT" } },
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets);

        var errors = await RefusedAsync(admin, stream.ToArray());

        Assert.Equal(["“事项”表第 1 行“部门”列：缺少列：部门"], errors["事项!1"]);
        Assert.Single(errors);
        Assert.Equal(before, await app.CatalogueFingerprintAsync());
    }

    [Fact]
    public async Task Duplicate_codes_unknown_departments_bad_numbers_and_a_cycle_are_each_named_by_row_and_column_and_nothing_is_written()
    {
        var admin = await app.SessionAsync("admin");
        var before = await app.CatalogueFingerprintAsync();
        // Rows sorted by code: BIRTH-CERT is row 2, BIRTH-HUKOU row 3, BIRTH-MEDINS row 4 (BIRTH-CERT itself sorts before).
        var workbook = await CatalogueCalls.SeedWorkbookAsync((items, _) =>
        {
            items.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
            items.Single(i => i.Code == "BIRTH-HUKOU").DepartmentName = "常山县公安局不存在派出所";
            items.Single(i => i.Code == "BIRTH-CERT").PrerequisiteCodes = ["BIRTH-MEDINS"];
            items.Single(i => i.Code == "BIRTH-MEDINS").Fee = -5m;
            items.Add(new ServiceItem { Code = "BIRTH-VACCINE", Name = "预防接种证办理（重复）", DepartmentName = "球川镇卫生院", LegalDays = 1 });
        });
        var rows = ItemRows(workbook);

        var errors = await RefusedAsync(admin, workbook);

        Assert.Equal(["“事项”表第 3 行“部门”列：部门不存在：常山县公安局不存在派出所"], errors[$"事项!C{rows["BIRTH-HUKOU"]}"]);
        Assert.Equal([$"“事项”表第 {rows.Count + 2} 行“编码”列：编码重复：BIRTH-VACCINE（第 {rows["BIRTH-VACCINE"]} 行已有）"], errors[$"事项!A{rows.Count + 2}"]);
        Assert.Equal(["“事项”表第 4 行“收费”列：收费应为非负金额，最多两位小数"], errors[$"事项!H{rows["BIRTH-MEDINS"]}"]);
        var cycle = Assert.Single(errors[$"事项!I{rows["BIRTH-CERT"]}"]);
        Assert.StartsWith("“事项”表第 2 行“前置事项”列：前置顺序成环：BIRTH-CERT → ", cycle, StringComparison.Ordinal);
        Assert.Equal(4, errors.Count);
        Assert.Equal(before, await app.CatalogueFingerprintAsync());
    }

    [Fact]
    public async Task Words_where_numbers_belong_an_unknown_channel_and_a_material_of_an_unknown_item_are_named_by_cell()
    {
        var admin = await app.SessionAsync("admin");
        var before = await app.CatalogueFingerprintAsync();
        var good = await CatalogueCalls.SeedWorkbookAsync();
        var items = Rows(good, CatalogueSheets.Items);
        items[0][CatalogueSheets.LegalDays] = "三天";
        items[1][CatalogueSheets.Channels] = "乡镇窗口、邮局";
        var materials = Rows(good, CatalogueSheets.Materials);
        materials[0][CatalogueSheets.ItemCode] = "NO-SUCH";
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object>
        {
            [CatalogueSheets.Items] = items,
            [CatalogueSheets.Materials] = materials,
            [CatalogueSheets.Bundles] = Rows(good, CatalogueSheets.Bundles),
        });

        var errors = await RefusedAsync(admin, stream.ToArray());

        Assert.Equal(["“事项”表第 2 行“法定时限”列：应为整数：三天"], errors["事项!D2"]);
        Assert.Equal(["“事项”表第 3 行“办理渠道”列：办理渠道无法识别，可填：乡镇窗口、县行政服务中心、银行网点、网上：邮局"], errors["事项!F3"]);
        Assert.Equal(["“材料”表第 2 行“事项编码”列：事项编码不在“事项”表中：NO-SUCH"], errors["材料!A2"]);
        Assert.Equal(before, await app.CatalogueFingerprintAsync());
    }

    [Fact]
    public async Task A_name_that_starts_like_a_formula_is_exported_as_text_no_spreadsheet_runs_and_comes_back_unchanged()
    {
        var admin = await app.SessionAsync("admin");
        const string Formula = "=HYPERLINK(\"http://evil.example\",\"点我\")";
        using (var created = await admin.SendJsonAsync(HttpMethod.Post, "/api/services/items", new Dictionary<string, object?>
        {
            ["code"] = "FORMULA-NAME",
            ["name"] = Formula,
            ["departmentName"] = "常山县民政局",
            ["legalDays"] = 1,
            ["promisedDays"] = 1,
            ["materials"] = new object[] { new { name = "@SUM(1+1)", heldByCitizen = true } },
        }))
        {
            await created.JsonAsync(HttpStatusCode.Created);
        }

        using var exported = await admin.GetAsync("/api/services/catalogue/export");
        var workbook = await exported.Content.ReadAsByteArrayAsync();

        var sheets = SheetXml(workbook);
        Assert.DoesNotContain(sheets, xml => xml.Contains("<f>", StringComparison.Ordinal) || xml.Contains("<f ", StringComparison.Ordinal));
        var items = Rows(workbook, CatalogueSheets.Items);
        Assert.Equal("'" + Formula, items.Single(r => (string?)r[CatalogueSheets.Code] == "FORMULA-NAME")[CatalogueSheets.Name]);
        Assert.Contains(Rows(workbook, CatalogueSheets.Materials), r => (string?)r[CatalogueSheets.MaterialName] == "'@SUM(1+1)");

        var before = await app.CatalogueFingerprintAsync();
        using var imported = await admin.ImportAsync(workbook);
        Assert.Equal(0, Count(await imported.JsonAsync(HttpStatusCode.OK), "itemsChanged"));
        Assert.Equal(before, await app.CatalogueFingerprintAsync());
        Assert.Equal(Formula, (await app.StoredItemAsync("FORMULA-NAME")).Name);
    }

    [Fact]
    public async Task A_damaged_truncated_or_foreign_file_and_a_zip_bomb_are_refused_with_a_clear_400_and_nothing_written()
    {
        var admin = await app.SessionAsync("admin");
        var before = await app.CatalogueFingerprintAsync();
        var good = await CatalogueCalls.SeedWorkbookAsync();
        var damaged = (byte[])good.Clone();
        for (var i = 40; i < damaged.Length - 200; i += 7)
        {
            damaged[i] ^= 0x5a;
        }

        (string What, byte[] Bytes, string Message)[] files =
        [
            ("truncated", good[..(good.Length / 2)], "文件已损坏或不完整，无法读取"),
            ("damaged", damaged, "文件已损坏或不完整，无法读取"),
            ("csv", Encoding.UTF8.GetBytes("编码,名称\nA,B\n"), "不是 Excel 工作簿（.xlsx），请用 Excel 或 WPS 另存为 .xlsx 后再导入"),
            ("png", TestPictures.Png(), "不是 Excel 工作簿（.xlsx），请用 Excel 或 WPS 另存为 .xlsx 后再导入"),
            ("zip without a workbook", Zip(("readme.txt", 10)), "不是 Excel 工作簿（.xlsx），请用 Excel 或 WPS 另存为 .xlsx 后再导入"),
            ("zip bomb", Zip(("[Content_Types].xml", 10), ("xl/workbook.xml", 10), ("xl/worksheets/sheet1.xml", 200L * 1024 * 1024)), "文件内容异常（解压后过大），已拒绝"),
            ("empty", [], "文件是空的"),
        ];

        foreach (var (what, bytes, message) in files)
        {
            using var response = await admin.ImportAsync(bytes);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal([message], (await response.ProblemAsync()).Errors()["file"]);
        }

        using var tooLarge = await admin.ImportAsync(new byte[(int)XlsxGuard.MaxUploadBytes + 1]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(before, await app.CatalogueFingerprintAsync());
    }

    private static int Count(JsonElement summary, string name) => summary.GetProperty(name).GetInt32();

    private static async Task<IReadOnlyDictionary<string, string[]>> RefusedAsync(HttpClient client, byte[] workbook)
    {
        using var response = await client.ImportAsync(workbook);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        return (await response.ProblemAsync()).Errors();
    }

    private static Dictionary<string, object> MaterialRow(string code, string name) => new()
    {
        [CatalogueSheets.ItemCode] = code,
        [CatalogueSheets.MaterialName] = name,
        [CatalogueSheets.Form] = "原件",
        [CatalogueSheets.IssuedByItem] = "",
        [CatalogueSheets.IssuedByDepartment] = "",
        [CatalogueSheets.HeldByCitizen] = "是",
    };

    /// <summary>A sheet's rows by header, as a person editing the workbook sees them.</summary>
    private static List<Dictionary<string, object?>> Rows(byte[] workbook, string sheet)
    {
        using var stream = new MemoryStream(workbook);
        return [.. MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r))];
    }

    /// <summary>Each item code's row number on the 事项 sheet (the header is row 1).</summary>
    private static Dictionary<string, int> ItemRows(byte[] workbook) =>
        Rows(workbook, CatalogueSheets.Items).Select((r, i) => (Code: (string)r[CatalogueSheets.Code]!, Row: i + 2))
            .GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.First().Row);

    private static List<string> SheetXml(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        return [.. zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        })];
    }

    /// <summary>A zip whose parts are the given number of zero bytes each: tiny packed, huge unpacked.</summary>
    private static byte[] Zip(params (string Name, long Bytes)[] parts)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            foreach (var (name, bytes) in parts)
            {
                using var part = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                for (var left = bytes; left > 0; left -= zeros.Length)
                {
                    part.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
                }
            }
        }

        return stream.ToArray();
    }
}
