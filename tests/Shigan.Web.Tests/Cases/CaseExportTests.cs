using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using Shigan.Core.Cases;
using Shigan.Data;
using Shigan.Testing;
using Shigan.Web.Access;
using Shigan.Web.Cases;
using Shigan.Web.Localization;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases;

/// <summary>GET /api/cases/export: the filtered work list as .xlsx, all pages, within the caller's scope, safe to open.</summary>
public sealed partial class CaseExportTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private static readonly string[] Columns = ["受理编号", "类别", "平台", "地点", "部门", "状态", "督办", "上报时间", "办理时限", "是否超期"];
    private static readonly string[] ReporterColumns = ["报告人", "联系电话"];

    private sealed record Sheet(IReadOnlyList<string> Headers, IReadOnlyList<IDictionary<string, object?>> Rows, byte[] Bytes)
    {
        public IReadOnlyList<string> Numbers => [.. Rows.Select(r => (string)r["受理编号"]!)];

        public IEnumerable<string> AllCells => Headers.Concat(Rows.SelectMany(r => r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")));
    }

    private static async Task<Sheet> ExportAsync(HttpClient client, string query = "")
    {
        using var response = await client.GetAsync("/api/cases/export" + (query.Length > 0 ? "?" + query : ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CaseExportApi.ContentType, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Matches(@"^事件-\d{8}\.xlsx$", disposition.FileNameStar);
        return Read(await response.Content.ReadAsByteArrayAsync());
    }

    private static Sheet Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        // The header row as written (MiniExcel's GetColumns answers null for a sheet with no data rows).
        var headers = MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>().First().Values.Select(v => (string)v!).ToList();
        stream.Position = 0;
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        return new Sheet(headers, rows, bytes);
    }

    /// <summary>Every tracking number the list API gives for the same filter, following its keyset pages.</summary>
    private static async Task<List<string>> ListedAsync(HttpClient client, string query)
    {
        var numbers = new List<string>();
        long? next = null;
        do
        {
            var page = await client.GetJsonAsync($"/api/cases?size=200{(query.Length > 0 ? "&" + query : "")}{(next is { } n ? $"&after={n}" : "")}");
            numbers.AddRange(page.Items().Select(i => i.GetProperty("trackingNumber").GetString()!));
            next = page.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.Null ? null : page.GetProperty("next").GetInt64();
        }
        while (next is not null);
        return numbers;
    }

    private static string Minutes(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).AddHours(8).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_officer_exports_exactly_the_townships_cases_with_every_column()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var admin = await app.SessionAsync("admin");
        var officer = await app.SessionAsync("qiuchuan.officer");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var own = await window.ReportIdAsync(CaseCalls.Report(village, "ZF03", "街口占道摆摊"));
        var foreign = await admin.ReportIdAsync(CaseCalls.Report(await app.RegionIdAsync(Places.Mengqiao)));
        var path = await app.RegionPathAsync(Places.Qiuchuan);

        var sheet = await ExportAsync(officer);

        Assert.Equal([.. Columns, .. ReporterColumns], sheet.Headers);
        var expected = await app.WithDbAsync(db => db.Cases.AsNoTracking().Where(c => c.RegionPath.StartsWith(path))
            .OrderByDescending(c => c.Id).Select(c => new { c.Id, c.ReportedAtUtc }).ToListAsync());
        Assert.Equal(expected.Select(c => TrackingNumber.New(new DateTimeOffset(c.ReportedAtUtc, TimeSpan.Zero), c.Id)), sheet.Numbers);
        Assert.DoesNotContain((await app.StoredCaseAsync(foreign)).TrackingNumber, sheet.Numbers);

        var detail = await officer.CaseAsync(own);
        var row = sheet.Rows.Single(r => (string)r["受理编号"]! == detail.GetProperty("trackingNumber").GetString());
        var stored = await app.StoredCaseAsync(own);
        Assert.Equal("环境卫生", row["类别"]);
        Assert.Equal(detail.GetProperty("category").GetString(), row["类别"]);
        Assert.Equal("综合执法", row["平台"]);
        Assert.Equal($"{detail.GetProperty("regionName").GetString()} 农贸市场东门", row["地点"]);
        Assert.Equal(detail.GetProperty("departmentName").GetString() ?? "", row["部门"] ?? "");
        Assert.Equal(Labels.Status(Enum.Parse<CaseStatus>(detail.Status())), row["状态"]);
        Assert.Equal("未督办", row["督办"]);
        Assert.Equal(Minutes(stored.ReportedAtUtc), row["上报时间"]);
        Assert.Equal(Minutes(stored.DeadlineUtc), row["办理时限"]);
        Assert.Equal("否", row["是否超期"]);
        Assert.Equal(CaseCalls.ReporterName, row["报告人"]);
        Assert.Equal(CaseCalls.Phone, row["联系电话"]);
    }

    [Fact]
    public async Task Filters_apply_as_in_the_work_list_and_late_cases_say_so()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var officer = await app.SessionAsync("qiuchuan.officer");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var started = await window.ReportIdAsync(CaseCalls.Report(village));
        var late = await window.ReportIdAsync(CaseCalls.Report(village, "ZF03", "河边垃圾"));
        await officer.ActAsync(started, "Start");
        await app.SetDeadlineAsync(late, new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8)));
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        foreach (var query in new[] { "status=InProgress", "late=true", "category=ZF03", "platform=MarketSupervision", "mine=true", $"from={today}&to={today}", "status=Closed" })
        {
            var sheet = await ExportAsync(officer, query);
            Assert.Equal(await ListedAsync(officer, query), sheet.Numbers);
        }

        var inProgress = await ExportAsync(officer, "status=InProgress");
        Assert.Contains((await app.StoredCaseAsync(started)).TrackingNumber, inProgress.Numbers);
        Assert.All(inProgress.Rows, r => Assert.Equal("办理中", r["状态"]));

        var lateSheet = await ExportAsync(officer, "late=true");
        Assert.Contains((await app.StoredCaseAsync(late)).TrackingNumber, lateSheet.Numbers);
        Assert.DoesNotContain((await app.StoredCaseAsync(started)).TrackingNumber, lateSheet.Numbers);
        Assert.All(lateSheet.Rows, r => Assert.Equal("是", r["是否超期"]));
    }

    [Fact]
    public async Task Only_roles_that_read_reporters_get_their_names_and_phones()
    {
        var admin = await app.SessionAsync("admin");
        var window = await app.SessionAsync("qiuchuan.window");
        var qiuchuanCase = await window.ReportIdAsync(CaseCalls.Report(await app.FirstVillageIdAsync(Places.Qiuchuan)));
        var mengqiaoCase = await admin.ReportIdAsync(CaseCalls.Report(await app.RegionIdAsync(Places.Mengqiao + "001")));

        var cadre = await ExportAsync(await app.SessionAsync("mengqiao.cadre"));
        Assert.Contains((await app.StoredCaseAsync(mengqiaoCase)).TrackingNumber, cadre.Numbers);
        Assert.Equal(Columns, cadre.Headers);
        Assert.DoesNotContain(cadre.AllCells, c => c.Contains(CaseCalls.Phone, StringComparison.Ordinal) || c.Contains("00001234", StringComparison.Ordinal));
        Assert.DoesNotContain(cadre.AllCells, c => c.Contains(CaseCalls.ReporterName, StringComparison.Ordinal));
        var raw = AllText(cadre.Bytes);
        Assert.DoesNotContain(CaseCalls.Phone, raw, StringComparison.Ordinal);

        // The export follows the detail API's rule for each role: the phone in clear in one exactly when in the other.
        foreach (var (user, seen) in new[]
        {
            ("admin", mengqiaoCase), ("qiuchuan.staff", qiuchuanCase), ("qiuchuan.officer", qiuchuanCase), ("qiuchuan.window", qiuchuanCase),
            ("mengqiao.cadre", mengqiaoCase), ("mengqiao.grid", mengqiaoCase),
        })
        {
            var client = await app.SessionAsync(user);
            var clear = (await client.CaseAsync(seen)).GetProperty("reporterPhone").GetString() == CaseCalls.Phone;
            var sheet = await ExportAsync(client);
            Assert.Contains((await app.StoredCaseAsync(seen)).TrackingNumber, sheet.Numbers);
            Assert.True(clear == sheet.AllCells.Contains(CaseCalls.Phone), $"{user}: detail shows the phone {clear}, export disagrees");
            Assert.Equal(clear ? [.. Columns, .. ReporterColumns] : Columns, sheet.Headers);
        }
    }

    [Fact]
    public async Task Texts_that_look_like_formulas_stay_text()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var officer = await app.SessionAsync("qiuchuan.officer");
        var report = CaseCalls.Report(await app.FirstVillageIdAsync(Places.Qiuchuan), description: "=HYPERLINK(\"http://evil.example\",\"点我\")");
        report["address"] = "=HYPERLINK(\"http://evil.example\",\"点我\")";
        report["reporterName"] = "=1+1";
        report["reporterPhone"] = "+86 138 0000 1234";
        var id = await window.ReportIdAsync(report);

        var sheet = await ExportAsync(officer);

        var number = (await app.StoredCaseAsync(id)).TrackingNumber;
        var row = sheet.Rows.Single(r => (string)r["受理编号"]! == number);
        Assert.EndsWith(" =HYPERLINK(\"http://evil.example\",\"点我\")", (string)row["地点"]!, StringComparison.Ordinal);
        Assert.Equal("'=1+1", row["报告人"]);
        Assert.Equal("'+86 138 0000 1234", row["联系电话"]);
        using var zip = new ZipArchive(new MemoryStream(sheet.Bytes));
        var worksheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(worksheets);
        foreach (var entry in worksheets)
        {
            using var reader = new StreamReader(entry.Open());
            var xml = await reader.ReadToEndAsync();
            Assert.Contains("HYPERLINK", xml, StringComparison.Ordinal);
            Assert.DoesNotMatch(Formula(), xml);
        }
    }

    [Fact]
    public async Task The_work_list_page_links_to_the_export()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");

        var html = await officer.GetStringAsync("/cases");

        Assert.Contains("href=\"/api/cases/export\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_signing_in_the_export_is_401()
    {
        using var anonymous = app.Anonymous();
        using var response = await anonymous.GetAsync("/api/cases/export");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(CaseExportApi.ContentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_capped_export_says_so_in_its_last_row()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        for (var i = 0; i < 3; i++)
        {
            await window.ReportIdAsync(CaseCalls.Report(village));
        }

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
            actor.ActAsSystem();
            var db = scope.ServiceProvider.GetRequiredService<ShiganDb>();
            var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<UiText>>();
            var newest = (await db.Cases.AsNoTracking().OrderByDescending(c => c.Id).Take(2).ToListAsync()).Select(c => c.TrackingNumber);

            var sheet = Read(await CaseExportApi.WorkbookAsync(db, new CaseFilter(), actor, DateTime.UtcNow, text, maxRows: 2));

            Assert.Equal(3, sheet.Rows.Count);
            Assert.Equal(newest, sheet.Numbers.Take(2));
            Assert.Equal("只导出了前 2 条，请缩小筛选范围后再导出", sheet.Rows[2]["受理编号"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string AllText(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        return string.Concat(zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }

    // A formula cell: <f>, or <x:f> with MiniExcel's namespace prefix.
    [GeneratedRegex(@"<(\w+:)?f[\s/>]")]
    private static partial Regex Formula();
}
