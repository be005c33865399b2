using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shigan.Data;
using Shigan.Data.Access;
using Shigan.Testing;
using Shigan.Web.Access;
using Shigan.Web.Audit;
using Shigan.Web.Campaigns;
using Shigan.Web.Components.Audit;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Support.CampaignCalls;

namespace Shigan.Web.Tests.Campaigns;

/// <summary>
/// POST /api/campaigns/{id}/import: a sheet as kept today, one row a household. A wrong sheet names each wrong cell
/// by row and column and writes nothing; a right one creates its households once and updates them on re-import.
/// </summary>
public sealed class CampaignImportTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private async Task<(HttpClient Staff, int Campaign)> CampaignAsync(string name)
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        return (staff, await staff.CreateHousingAsync(name, await app.RegionIdAsync(Places.Qiuchuan)));
    }

    [Fact]
    public async Task A_sheet_saved_one_row_at_a_time_gives_the_same_households_and_a_reimport_updates_them_without_duplicates()
    {
        var (staff, campaign) = await CampaignAsync("分批写入");
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        byte[] Households(string owner) => Sheet(
        [
            Household("新村小区", "1幢", "1单元", "101", owner, "13800001111", 4, 56.5, "告知", day, "第一工作组"),
            Household("新村小区", "1幢", "1单元", "102", "李美华", "13800002222", 3, 48, "签约", day, "第一工作组"),
            Household("新村小区", "2幢", "1单元", "201", "张志强", "13800003333", 5, 62, null, null, "第二工作组"),
            Household("新村小区", "2幢", "1单元", "202", "赵卫东", "13800004444", 2, 40, "签约", day, "第一工作组"),
        ]);

        var first = await ImportOneRowPerSaveAsync(campaign, Households("王建国"));
        var second = await ImportOneRowPerSaveAsync(campaign, Households("王秀英"));

        Assert.Equal((4, 4, 3), (first.Rows, first.Created, first.Moved));
        Assert.Equal((0, 1, 0), (second.Created, second.Updated, second.Moved));
        var overview = await staff.OverviewAsync(campaign);
        Assert.Equal(4, overview.GetProperty("total").GetInt32());
        Assert.Equal([3, 2, 0, 0], overview.GetProperty("reached").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(["新村小区 1幢", "新村小区 2幢"], await staff.GroupNamesAsync(campaign));
        Assert.Equal(2, overview.GetProperty("teams").GetArrayLength());
        Assert.Equal(7, await app.WithDbAsync(db => db.CampaignTargets.CountAsync(t => t.CampaignId == campaign)));
        Assert.Equal("王秀英", (await staff.TargetAsync(campaign, "新村小区/1幢/1单元101")).GetProperty("owner").GetString());
    }

    // The import as the page runs it, for 球川镇's staff, saving after every row: what a 100,000-row sheet does every 2,000.
    private async Task<ImportResult> ImportOneRowPerSaveAsync(int campaign, byte[] sheet)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<ShiganUser>>().FindByNameAsync("qiuchuan.staff");
        var actor = services.GetRequiredService<CurrentActor>();
        actor.UseCircuitUser(await services.GetRequiredService<IUserClaimsPrincipalFactory<ShiganUser>>().CreateAsync(user!));
        var import = new CampaignImport(services.GetRequiredService<ShiganDb>(), actor, services.GetRequiredService<TimeProvider>()) { RowsPerSave = 1 };
        using var upload = new MemoryStream(sheet);
        var (outcome, result, _) = await import.RunAsync(campaign, upload);
        Assert.Equal(WorkOutcome.Done, outcome);
        return result!;
    }

    [Fact]
    public async Task A_sheet_creates_compounds_buildings_and_households_and_a_reimport_updates_them_without_duplicates()
    {
        var (staff, campaign) = await CampaignAsync("球川老街危房改造");
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var sheet = Sheet(
        [
            Household("老街小区", "1幢", "1单元", "101", "王建国", "13800001111", 4, 56.5, "告知", day, "第一工作组"),
            Household("老街小区", "1幢", "1单元", "102", "李美华", "13800002222", 3, 48, null, null, "第一工作组"),
            Household("老街小区", "2幢", "", "201", "张志强", "13800003333", 5, 62, "签约", day, "第二工作组"),
        ]);

        using (var first = await staff.ImportAsync(campaign, sheet))
        {
            var result = await first.JsonAsync(HttpStatusCode.OK);
            Assert.Equal(3, result.GetProperty("created").GetInt32());
            Assert.Equal(2, result.GetProperty("moved").GetInt32());
        }

        var overview = await staff.OverviewAsync(campaign);
        Assert.Equal(3, overview.GetProperty("total").GetInt32());
        Assert.Equal(12, overview.GetProperty("people").GetInt32());
        Assert.Equal([2, 1, 0, 0], overview.GetProperty("reached").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(["老街小区 1幢", "老街小区 2幢"], await staff.GroupNamesAsync(campaign));
        Assert.Equal(2, overview.GetProperty("teams").GetArrayLength());

        // The same households again: a new owner for one, one signed now; nothing added.
        var again = Sheet(
        [
            Household("老街小区", "1幢", "1单元", "101", "王建国", "13800001111", 4, 56.5, "签约", null, "第一工作组"),
            Household("老街小区", "1幢", "1单元", "102", "李秀英", "13800002222", 3, 48, null, null, "第一工作组"),
            Household("老街小区", "2幢", "", "201", "张志强", "13800003333", 5, 62, "签约", day, "第二工作组"),
        ]);
        using (var second = await staff.ImportAsync(campaign, again))
        {
            var result = await second.JsonAsync(HttpStatusCode.OK);
            Assert.Equal(0, result.GetProperty("created").GetInt32());
            Assert.Equal(1, result.GetProperty("updated").GetInt32());
            Assert.Equal(1, result.GetProperty("moved").GetInt32());
        }

        var targets = await staff.TargetsAsync(campaign);
        Assert.Equal(3, targets.Count);
        Assert.Equal("李秀英", targets.Single(t => t.GetProperty("key").GetString() == "老街小区/1幢/1单元102").GetProperty("owner").GetString());
        var signed = await staff.TargetAsync(campaign, "老街小区/1幢/1单元101");
        Assert.Equal("签约", signed.GetProperty("stageName").GetString());
        var history = await staff.GetJsonAsync($"/api/campaigns/{campaign}/targets/{signed.GetProperty("id").GetInt64()}");
        Assert.Equal(["告知", "签约"], history.GetProperty("history").EnumerateArray().Select(m => m.GetProperty("toName").GetString()));
    }

    [Fact]
    public async Task Who_created_or_changed_an_imported_household_when_and_what_it_was_before_is_in_its_audit_trail()
    {
        var (staff, campaign) = await CampaignAsync("导入留痕");
        byte[] Households(string second, string third) => Sheet(
        [
            Household("留痕小区", "1幢", "1单元", "101", "王建国", "13800001111", 4, 56.5),
            Household("留痕小区", "1幢", "1单元", "102", second, "13800002222", 3, 48),
            Household("留痕小区", "1幢", "1单元", "103", third, "13800003333", 5, 62),
        ]);
        foreach (var sheet in new[] { Households("李美华", "张志强"), Households("李秀英", "张国强") })
        {
            using var response = await staff.ImportAsync(campaign, sheet);
            await response.JsonAsync(HttpStatusCode.OK);
        }

        var id = (await staff.TargetAsync(campaign, "留痕小区/1幢/1单元102")).GetProperty("id").GetInt64();
        var staffId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "qiuchuan.staff").Select(u => u.Id).SingleAsync());
        var trail = (await staff.GetJsonAsync($"/api/audit?entityType=CampaignTarget&entityId={id}")).Items().ToList();

        // Newest first: the re-import's change, then the first import's creation, both by the staff member who imported.
        Assert.Equal(["Updated", "Created"], trail.Select(e => e.GetProperty("action").GetString()));
        Assert.All(trail, e => Assert.Equal(staffId, e.GetProperty("actorId").GetString()));
        Assert.All(trail, e => Assert.StartsWith("batch:", e.GetProperty("entityId").GetString(), StringComparison.Ordinal));
        var created = Own(trail[1], id);
        Assert.Equal([null, "李美华"], Pair(created, "Owner"));
        Assert.Equal([null, "留痕小区/1幢/1单元102"], Pair(created, "Key"));
        var updated = Own(trail[0], id);
        Assert.Equal(["李美华", "李秀英"], Pair(updated, "Owner"));
        Assert.False(updated.ContainsKey("Phone"));

        // A household the re-import left as it was has only its creation.
        var unchanged = (await staff.TargetAsync(campaign, "留痕小区/1幢/1单元101")).GetProperty("id").GetInt64();
        Assert.Equal(["Created"], (await staff.GetJsonAsync($"/api/audit?entityType=CampaignTarget&entityId={unchanged}")).Items().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task A_reimport_changing_owners_and_people_leaves_each_households_old_and_new_values_and_who_changed_them_in_its_audit_trail()
    {
        var (staff, campaign) = await CampaignAsync("换户主改人数");
        byte[] Households(params (string Owner, int People)[] households) =>
            Sheet(households.Select((h, i) => Household("换户小区", "1幢", "1单元", $"{101 + i}", h.Owner, $"1380000{i:0000}", h.People, 50)));
        using (var first = await staff.ImportAsync(campaign, Households(("王建国", 4), ("李美华", 3), ("张志强", 5))))
        {
            await first.JsonAsync(HttpStatusCode.OK);
        }

        using (var second = await staff.ImportAsync(campaign, Households(("王建国", 4), ("李秀英", 3), ("张国强", 6))))
        {
            var result = await second.JsonAsync(HttpStatusCode.OK);
            Assert.Equal((0, 2), (result.GetProperty("created").GetInt32(), result.GetProperty("updated").GetInt32()));
        }

        var staffId = await app.AccountIdAsync("qiuchuan.staff");
        async Task<List<JsonElement>> TrailAsync(string key)
        {
            var id = (await staff.TargetAsync(campaign, key)).GetProperty("id").GetInt64();
            return [.. (await staff.GetJsonAsync($"/api/audit?entityType=CampaignTarget&entityId={id}")).Items().Select(e => e.Clone())];
        }

        async Task<Dictionary<string, JsonElement>> ChangedAsync(string key)
        {
            var trail = await TrailAsync(key);
            Assert.Equal(["Updated", "Created"], trail.Select(e => e.GetProperty("action").GetString()));
            Assert.All(trail, e => Assert.Equal(staffId, e.GetProperty("actorId").GetString()));
            return Own(trail[0], (await staff.TargetAsync(campaign, key)).GetProperty("id").GetInt64());
        }

        // Only what changed, before and after: the new owner alone, or the owner and the number of people.
        var owner = await ChangedAsync("换户小区/1幢/1单元102");
        Assert.Equal(["李美华", "李秀英"], Pair(owner, "Owner"));
        Assert.DoesNotContain("People", owner.Keys);
        Assert.DoesNotContain("Phone", owner.Keys);
        var both = await ChangedAsync("换户小区/1幢/1单元103");
        Assert.Equal(["张志强", "张国强"], Pair(both, "Owner"));
        Assert.Equal([5, 6], both["People"].EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal("张国强", (await staff.TargetAsync(campaign, "换户小区/1幢/1单元103")).GetProperty("owner").GetString());
        Assert.Equal(6, (await staff.TargetAsync(campaign, "换户小区/1幢/1单元103")).GetProperty("people").GetInt32());
        Assert.Equal(["Created"], (await TrailAsync("换户小区/1幢/1单元101")).Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(4 + 3 + 6, (await staff.OverviewAsync(campaign)).GetProperty("people").GetInt32());
    }

    [Fact]
    public async Task The_audit_page_shows_an_imported_household_its_own_lines_and_otherwise_how_many_records_the_import_wrote()
    {
        var (staff, campaign) = await CampaignAsync("留痕页面");
        byte[] Households(string owner) => Sheet(
        [
            Household("页面小区", "1幢", "1单元", "101", owner, "13800001111", 4, 56.5),
            Household("页面小区", "1幢", "1单元", "102", "李美华", "13800002222", 3, 48),
        ]);
        foreach (var sheet in new[] { Households("王建国"), Households("王秀英") })
        {
            using var response = await staff.ImportAsync(campaign, sheet);
            await response.JsonAsync(HttpStatusCode.OK);
        }

        var id = (await staff.TargetAsync(campaign, "页面小区/1幢/1单元101")).GetProperty("id").GetInt64();
        var trail = (await staff.GetJsonAsync($"/api/audit?entityType=CampaignTarget&entityId={id}")).Items()
            .Select(e => new AuditItem(
                e.GetProperty("id").GetInt64(), e.GetProperty("atUtc").GetDateTime(), e.GetProperty("actorId").GetString(), e.GetProperty("actorName").GetString()!,
                Enum.Parse<Shigan.Core.Audit.AuditAction>(e.GetProperty("action").GetString()!), e.GetProperty("entityType").GetString()!,
                e.GetProperty("entityId").GetString()!, e.GetProperty("changes").GetString()!))
            .ToList();
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var text = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Shigan.Web.Localization.UiText>>();
            var recordId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

            // Filtered to the household: the re-import's entry shows its owner's change, not the other household's lines.
            var changed = AuditText.ParseEntry(trail[0], recordId, text);
            Assert.Equal([new AuditChange("Owner", "王建国", "王秀英")], changed.Where(c => c.Property == "Owner"));
            Assert.DoesNotContain(changed, c => c.New == "李美华" || c.Old == "李美华");

            // Unfiltered, the creation entry says how many records it holds instead of listing them all.
            var created = trail[1];
            var held = JsonDocument.Parse(created.Changes).RootElement.EnumerateObject().Count();
            Assert.True(held >= 2);
            Assert.Equal([new AuditChange("", null, $"批量写入 {held} 条记录")], AuditText.ParseEntry(created, null, text));
            Assert.StartsWith("批量 ", AuditText.IdText(created.EntityId, text), StringComparison.Ordinal);
            Assert.DoesNotContain("000000", AuditText.IdText(created.EntityId, text), StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    // A household's own changes in an entry of its import's save: { "Owner": [before, after], … }.
    private static Dictionary<string, JsonElement> Own(JsonElement entry, long id) =>
        JsonDocument.Parse(entry.GetProperty("changes").GetString()!).RootElement.GetProperty(id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());

    private static List<string?> Pair(Dictionary<string, JsonElement> changes, string field) =>
        [.. changes[field].EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString())];

    [Fact]
    public async Task A_sheet_without_a_required_column_is_refused_naming_the_column_and_nothing_is_written()
    {
        var (staff, campaign) = await CampaignAsync("缺列的表");
        var row = Household("老街小区", "1幢", "1单元", "101", "王建国");
        row.Remove("房号");
        var problem = await RefusedAsync(staff, campaign, Sheet([row]));

        Assert.Contains((1, "房号", "缺少这一列"), problem);
        // The other columns are there: no talk of title rows.
        Assert.DoesNotContain(problem, p => p.Message.Contains("标题行", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_clerk_who_chose_English_reads_the_row_problems_in_English_with_the_campaigns_own_stage_names()
    {
        var (_, campaign) = await CampaignAsync("英文导入");
        using var clerk = await app.SignInAsync("qiuchuan.staff");
        using (var switched = await clerk.GetAsync("/culture?c=en&back=/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        }

        using var response = await clerk.ImportAsync(campaign, Sheet([Household("老街小区", "1幢", "1单元", "101", stage: "拆除")]));

        Assert.Contains("No such stage (choose from: 告知、签约、交钥匙、腾空)", Assert.Single((await response.ProblemAsync()).Errors()["file"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ledger_with_its_title_above_the_column_names_is_told_to_drop_the_title_row()
    {
        var (staff, campaign) = await CampaignAsync("带标题的台账");
        // As a ledger is often kept: its title in the first row, the column names under it.
        var title = "老街小区危旧房改造台账（2026年11月）";
        var sheet = Sheet([
            new Dictionary<string, object?>(StringComparer.Ordinal) { [title] = "小区" },
            new Dictionary<string, object?>(StringComparer.Ordinal) { [title] = "老街小区" },
        ]);

        var problem = await RefusedAsync(staff, campaign, sheet);

        Assert.Contains((1, "", "第一行应为列名；如表格上方有标题行，请删去后再导入"), problem);
        Assert.Contains((1, "房号", "缺少这一列"), problem);
    }

    [Fact]
    public async Task Every_wrong_cell_is_named_by_row_and_column_and_nothing_of_the_sheet_is_written()
    {
        var (staff, campaign) = await CampaignAsync("有错的表");
        var problems = await RefusedAsync(staff, campaign, Sheet(
        [
            Household("老街小区", "1幢", "1单元", "101", "王建国", "13800001111", 4, 56, "告知", "2026-01-05"),
            Household("老街小区", "1幢", "1单元", "101", "王建国", "13800001111"),          // the same household again
            Household("老街小区", "1幢", "1单元", "103", "赵卫东", "13800001113", 4, 56, "拆除"), // no such stage
            Household("老街小区", "1幢", "1单元", "104", "周小芳", "13800001114", 4, 56, "签约", "明天下午"),
            Household("老街小区", "1幢", "1单元", "105", "吴德明", "电话待补", "四口"),
            Household("老街小区", "", "1单元", "106", "胡金花"),
        ]));

        Assert.Contains(problems, p => p is { Row: 3, Column: "房号" } && p.Message.Contains('2', StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Row: 4, Column: "阶段", Message: "没有这个阶段（可选：告知、签约、交钥匙、腾空）" });
        Assert.Contains(problems, p => p is { Row: 5, Column: "阶段日期" });
        Assert.Contains(problems, p => p is { Row: 6, Column: "联系电话" });
        Assert.Contains(problems, p => p is { Row: 6, Column: "人数" });
        Assert.Contains(problems, p => p is { Row: 7, Column: "楼幢", Message: "不能为空" });
        Assert.DoesNotContain(problems, p => p.Row == 2);
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_refused_with_a_message_and_not_a_server_error()
    {
        var (staff, campaign) = await CampaignAsync("不是表格");
        var problems = await RefusedAsync(staff, campaign, "小区,楼幢,房号\n老街小区,1幢,101\n"u8.ToArray(), "对象.csv");

        Assert.Contains(problems, p => p.Message == "无法读取表格，请上传 .xlsx 文件");
    }

    [Fact]
    public async Task A_stage_earlier_than_the_households_current_one_is_refused_on_reimport()
    {
        var (staff, campaign) = await CampaignAsync("阶段回退的表");
        using (var first = await staff.ImportAsync(campaign, Sheet([Household("老街小区", "1幢", "1单元", "101", stage: "签约")])))
        {
            await first.JsonAsync(HttpStatusCode.OK);
        }

        var problems = await RefusedAsync(staff, campaign, Sheet([Household("老街小区", "1幢", "1单元", "101", stage: "告知")]));

        Assert.Contains((2, "阶段", "阶段只能前进"), problems);
        Assert.Equal("签约", (await staff.TargetAsync(campaign, "老街小区/1幢/1单元101")).GetProperty("stageName").GetString());
    }

    [Fact]
    public async Task The_export_has_the_imports_columns_and_imports_back_unchanged()
    {
        var (staff, campaign) = await CampaignAsync("导出再导入");
        using (var first = await staff.ImportAsync(campaign, Sheet(
        [
            Household("老街小区", "1幢", "1单元", "101", "王建国", "13800001111", 4, 56.5, "签约", "2026-01-05", "第一工作组"),
            Household("老街小区", "1幢", "2单元", "101", "李美华", "13800002222", 3, 48),
        ])))
        {
            await first.JsonAsync(HttpStatusCode.OK);
        }

        using var export = await staff.GetAsync($"/api/campaigns/{campaign}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        using (var stream = new MemoryStream(bytes))
        {
            var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(2, rows.Count);
            Assert.Equal("王建国", rows[0]["户主"]);
            Assert.Equal("签约", rows[0]["阶段"]);
        }

        using var back = await staff.ImportAsync(campaign, bytes);
        var result = await back.JsonAsync(HttpStatusCode.OK);
        Assert.Equal((0, 0, 0), (result.GetProperty("created").GetInt32(), result.GetProperty("updated").GetInt32(), result.GetProperty("moved").GetInt32()));
        Assert.Equal(2, (await staff.TargetsAsync(campaign)).Count);
    }

    [Fact]
    public async Task A_zip_bomb_or_a_file_that_is_not_a_workbook_is_refused_with_a_message_and_nothing_is_written()
    {
        var (staff, campaign) = await CampaignAsync("炸弹表");

        // A real sheet's parts, plus one that unpacks to more than any household list could (zeros compress ~1000:1).
        using var bomb = new MemoryStream();
        bomb.Write(Sheet([Household("老街小区", "1幢", "1单元", "101")]));
        using (var zip = new System.IO.Compression.ZipArchive(bomb, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            await using var part = zip.CreateEntry("xl/media/padding.bin", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 260; i++)
            {
                await part.WriteAsync(zeros);
            }
        }

        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        Assert.Contains((0, "", "文件内容异常（解压后过大），已拒绝"), await RefusedAsync(staff, campaign, bomb.ToArray()));
        Assert.Contains((0, "", "无法读取表格，请上传 .xlsx 文件"), await RefusedAsync(staff, campaign, "小区,楼幢\n老街小区,1幢"u8.ToArray()));
        var truncated = Sheet([Household("老街小区", "1幢", "1单元", "101")]);
        Assert.Contains((0, "", "无法读取表格，请上传 .xlsx 文件"), await RefusedAsync(staff, campaign, truncated[..(truncated.Length / 2)]));
    }

    private async Task<List<(int Row, string Column, string Message)>> RefusedAsync(HttpClient staff, int campaign, byte[] sheet, string name = "对象.xlsx")
    {
        var targets = await CountAsync(campaign);
        var audit = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
        using var response = await staff.ImportAsync(campaign, sheet, name);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(targets, await CountAsync(campaign));
        Assert.Equal(audit, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
        return problem.Rows();
    }

    private Task<int> CountAsync(int campaign) => app.WithDbAsync(db => db.CampaignTargets.CountAsync(t => t.CampaignId == campaign));
}
