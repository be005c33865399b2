using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Testing;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Contests.ContestCalls;

namespace Shigan.Web.Tests.Contests;

/// <summary>A period's sheet: computed from the records, published, unchanged by later records, corrected with a reason, frozen.</summary>
public sealed class ContestSheetTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private async Task<(HttpClient Staff, int Contest, int Mengqiao, int Kenong, int Third)> ContestAsync(string name)
    {
        var staff = await app.SignInAsync("admin");
        var mengqiao = await app.RegionIdAsync(Places.Mengqiao);
        var kenong = await app.RegionIdAsync(Places.Kenong);
        var third = await app.FirstVillageIdAsync(Places.Daqiaotou);
        var contest = await CreateAsync(staff, await app.RegionIdAsync(Places.Daqiaotou), Weekly(name, [mengqiao, kenong, third]));
        return (staff, contest, mengqiao, kenong, third);
    }

    [Fact]
    public async Task A_published_sheet_keeps_its_figures_when_records_change_and_a_correction_is_a_new_version_with_a_reason()
    {
        var (staff, contest, mengqiao, kenong, _) = await ContestAsync("发布与更正");
        var week = LastWeek;
        var late = await app.AddLateCaseAsync(mengqiao, week);

        var draft = await ComputeAsync(staff, contest, week);
        Assert.Equal("Computed", draft.GetProperty("status").GetString());
        var cell = draft.Row(mengqiao).GetProperty("cells")[0];
        Assert.Equal(1m, cell.GetProperty("raw").GetDecimal());
        Assert.Equal(1, cell.GetProperty("recordCount").GetInt32());
        Assert.Equal([late], await RecordsBehindAsync(staff, contest, draft, mengqiao, kenong, "逾期事件数"));
        Assert.Equal(3, draft.Row(mengqiao).GetProperty("rank").GetInt32());

        using (var published = await staff.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/sheets/{draft.Id()}/publish", new { concurrency = draft.GetProperty("concurrency").GetInt32() }))
        {
            Assert.Equal("Published", (await published.JsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        }

        // A second late case after publication: the published sheet does not move.
        await app.AddLateCaseAsync(kenong, week, "客弄村垃圾未清运");
        await app.AddLateCaseAsync(kenong, week, "客弄村路面坑洼");
        var again = await staff.GetJsonAsync($"/api/contests/{contest}/sheets/{draft.Id()}");
        Assert.Equal(0m, again.Row(kenong).GetProperty("cells")[0].GetProperty("raw").GetDecimal());
        Assert.Equal(1, again.Row(kenong).GetProperty("rank").GetInt32());

        // Publishing it again, or computing the period over it, is refused.
        using (var twice = await staff.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/sheets/{draft.Id()}/publish", new { }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
            Assert.Contains("sheet", (await twice.ProblemAsync()).Errors().Keys);
        }

        using (var recompute = await staff.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/sheets", new { periodStart = week }))
        {
            Assert.Contains("periodStart", (await recompute.ProblemAsync()).Errors().Keys);
        }

        using (var noReason = await staff.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/sheets/{draft.Id()}/correct", new { reason = " " }))
        {
            Assert.Contains("reason", (await noReason.ProblemAsync()).Errors().Keys);
        }

        using var corrected = await staff.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/sheets/{draft.Id()}/correct", new { reason = "补录客弄村两件逾期事件" });
        var v2 = await corrected.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.Equal("Published", v2.GetProperty("status").GetString());
        Assert.Equal("补录客弄村两件逾期事件", v2.GetProperty("reason").GetString());
        Assert.Equal(2m, v2.Row(kenong).GetProperty("cells")[0].GetProperty("raw").GetDecimal());
        Assert.Equal(3, v2.Row(kenong).GetProperty("rank").GetInt32());

        // Both versions stay readable; the first says it was corrected.
        var v1 = await staff.GetJsonAsync($"/api/contests/{contest}/sheets/{draft.Id()}");
        Assert.Equal("Superseded", v1.GetProperty("status").GetString());
        Assert.Equal(0m, v1.Row(kenong).GetProperty("cells")[0].GetProperty("raw").GetDecimal());
        Assert.Equal([1, 2], v2.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));

        // Frozen: no more corrections, no recomputation.
        using (var frozen = await staff.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/sheets/{v2.Id()}/freeze", new { }))
        {
            Assert.Equal("Frozen", (await frozen.JsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        }

        var before = await RowsFingerprintAsync();
        foreach (var (url, body) in new (string, object)[]
        {
            ($"/api/contests/{contest}/sheets/{v2.Id()}/correct", new { reason = "再改一次" }),
            ($"/api/contests/{contest}/sheets/{v2.Id()}/publish", new { }),
            ($"/api/contests/{contest}/sheets/{v2.Id()}/freeze", new { }),
            ($"/api/contests/{contest}/sheets/{draft.Id()}/correct", new { reason = "改旧版本" }),
            ($"/api/contests/{contest}/sheets", new { periodStart = week }),
        })
        {
            using var refused = await staff.SendJsonAsync(HttpMethod.Post, url, body);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)refused.StatusCode}");
            Assert.NotEmpty((await refused.ProblemAsync()).Errors());
        }

        Assert.Equal(before, await RowsFingerprintAsync());
    }

    [Fact]
    public async Task The_gap_between_two_villages_adds_up_by_indicator_and_leads_to_the_late_cases()
    {
        var (staff, contest, mengqiao, kenong, _) = await ContestAsync("解释差距");
        var week = LastWeek.AddDays(-14);
        var first = await app.AddLateCaseAsync(mengqiao, week, "濛桥村河道漂浮物");
        var second = await app.AddLateCaseAsync(mengqiao, week, "濛桥村违章搭建");
        var sheet = await ComputeAsync(staff, contest, week);

        var explain = await staff.GetJsonAsync($"/api/contests/{contest}/sheets/{sheet.Id()}/explain?a={kenong}&b={mengqiao}");

        var parts = explain.GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal(explain.GetProperty("gap").GetDecimal(), parts.Sum(p => p.GetProperty("gap").GetDecimal()));
        Assert.Equal(explain.GetProperty("totalA").GetDecimal() - explain.GetProperty("totalB").GetDecimal(), explain.GetProperty("gap").GetDecimal());
        var late = parts.Single(p => p.GetProperty("name").GetString() == "逾期事件数");
        Assert.Equal(60m, late.GetProperty("gap").GetDecimal());
        var links = late.GetProperty("recordsB").EnumerateArray().Select(r => r.GetProperty("url").GetString()).ToList();
        Assert.Equal(new[] { $"/cases/{first}", $"/cases/{second}" }.Order(StringComparer.Ordinal), links.Order(StringComparer.Ordinal));
        Assert.Equal("逾期事件", late.GetProperty("recordsAre").GetString());
    }

    [Fact]
    public async Task A_period_with_nothing_recorded_cannot_be_published_and_a_future_period_cannot_be_computed()
    {
        var (staff, contest, _, _, _) = await ContestAsync("空的一期");
        var empty = ContestCalls.LastWeek.AddDays(-7 * 40);
        var sheet = await ComputeAsync(staff, contest, empty);

        using var publish = await staff.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/sheets/{sheet.Id()}/publish", new { });
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Equal("本期没有任何数据，不能发布", (await publish.ProblemAsync()).Errors()["sheet"][0]);
        Assert.Equal("Computed", (await staff.GetJsonAsync($"/api/contests/{contest}/sheets/{sheet.Id()}")).GetProperty("status").GetString());

        using var future = await staff.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/sheets", new { periodStart = LastWeek.AddDays(21) });
        Assert.Equal("该期尚未开始", (await future.ProblemAsync()).Errors()["periodStart"][0]);
        using var notMonday = await staff.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/sheets", new { periodStart = LastWeek.AddDays(2) });
        Assert.Contains("periodStart", (await notMonday.ProblemAsync()).Errors().Keys);
    }

    [Fact]
    public async Task Computing_a_draft_again_replaces_it_and_only_the_new_one_can_be_published()
    {
        var (staff, contest, mengqiao, _, _) = await ContestAsync("重算草稿");
        var week = LastWeek.AddDays(-7);
        await app.AddLateCaseAsync(mengqiao, week);
        var first = await ComputeAsync(staff, contest, week);
        var second = await ComputeAsync(staff, contest, week);

        Assert.Equal(2, second.GetProperty("version").GetInt32());
        using var old = await staff.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/sheets/{first.Id()}/publish", new { });
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        using var stale = await staff.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/sheets/{second.Id()}/publish", new { concurrency = 99 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var ok = await staff.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/sheets/{second.Id()}/publish", new { });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task A_stored_row_of_a_sheet_cannot_be_edited_even_by_the_system()
    {
        var before = await RowsFingerprintAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            var row = await db.ScoreRows.OrderBy(r => r.Id).FirstAsync();
            row.Total += 1;
            return await db.SaveChangesAsync();
        }));

        Assert.Contains("never edited", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await RowsFingerprintAsync());
    }

    private Task<string> RowsFingerprintAsync() => app.WithDbAsync(async db =>
        JsonSerializer.Serialize(await db.ScoreSheets.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.Status, s.Version, s.Reason, s.Concurrency }).ToListAsync())
        + JsonSerializer.Serialize(await db.ScoreRows.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Total, r.Rank, r.Cells }).ToListAsync()));
}
