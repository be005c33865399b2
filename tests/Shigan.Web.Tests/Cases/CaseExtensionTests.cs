using System.Net;
using System.Text.Json;
using Shigan.Core.Cases;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases;

/// <summary>
/// POST /api/cases/{id}/extension and /extension/decision: an extension is asked for before the deadline, by the
/// department, and moves the deadline only once a leader other than the asker approves it.
/// </summary>
public sealed class CaseExtensionTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private const string Officer = "球川镇平台 郑强";
    private const string Leader = "球川镇 应华";

    private async Task<long> ReportInQiuchuanAsync()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        return await window.ReportIdAsync(CaseCalls.Report(await app.FirstVillageIdAsync(Places.Qiuchuan)));
    }

    private static async Task<HttpResponseMessage> RequestRawAsync(HttpClient client, long id, object body) =>
        await client.SendJsonAsync(HttpMethod.Post, $"/api/cases/{id}/extension", body);

    private static async Task<HttpResponseMessage> DecideRawAsync(HttpClient client, long id, object body) =>
        await client.SendJsonAsync(HttpMethod.Post, $"/api/cases/{id}/extension/decision", body);

    private static async Task<int> VersionAsync(HttpClient client, long id) => (await client.CaseAsync(id)).GetProperty("version").GetInt32();

    private static async Task<JsonElement> RequestAsync(HttpClient client, long id, int value = 3, string unit = "WorkingDays", string reason = "需要等待检测结果")
    {
        using var response = await RequestRawAsync(client, id, new { value, unit, reason, version = await VersionAsync(client, id) });
        return await response.JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_request_before_the_deadline_approved_by_the_leader_moves_the_deadline_by_the_extra_time_counted_from_it()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var leader = await app.SessionAsync("qiuchuan.staff");
        var id = await ReportInQiuchuanAsync();
        var deadline = (await app.StoredCaseAsync(id)).DeadlineUtc;

        var asked = await RequestAsync(officer, id);

        var pending = asked.GetProperty("pendingExtension");
        Assert.Equal((3, "WorkingDays", "需要等待检测结果"), (pending.GetProperty("value").GetInt32(), pending.GetProperty("unit").GetString(), pending.GetProperty("reason").GetString()));
        Assert.Equal(deadline, asked.GetProperty("deadlineUtc").GetDateTime());
        Assert.Equal(deadline, (await app.StoredCaseAsync(id)).DeadlineUtc);

        using var response = await DecideRawAsync(leader, id, new { approve = true, note = "同意", version = await VersionAsync(leader, id) });
        var approved = await response.JsonAsync(HttpStatusCode.OK);

        var expected = Extension.Approve(new DateTimeOffset(deadline, TimeSpan.Zero), TimeLimit.WorkingDays(3), await app.SeededCalendarAsync());
        var stored = await app.StoredCaseAsync(id);
        Assert.Equal(expected.UtcDateTime, stored.DeadlineUtc);
        Assert.Equal(expected.UtcDateTime, approved.GetProperty("deadlineUtc").GetDateTime());
        Assert.Equal(JsonValueKind.Null, approved.GetProperty("pendingExtension").ValueKind);
        Assert.Null(stored.ExtensionRequestedAtUtc);
        Assert.Equal((null, null, null, null), (stored.ExtensionValue, stored.ExtensionUnit, stored.ExtensionReason, stored.ExtensionRequestedById));

        var entries = stored.Events.Where(e => e.Kind is CaseEventKind.ExtensionRequested or CaseEventKind.ExtensionApproved).ToList();
        Assert.Equal([(CaseEventKind.ExtensionRequested, Officer), (CaseEventKind.ExtensionApproved, Leader)], entries.Select(e => (e.Kind, e.ActorName)));
        Assert.All(entries, e => Assert.NotNull(e.ActorId));
        Assert.Contains("需要等待检测结果", entries[0].Note, StringComparison.Ordinal);
        Assert.Contains(ChinaText(deadline), entries[1].Note, StringComparison.Ordinal);
        Assert.Contains(ChinaText(expected.UtcDateTime), entries[1].Note, StringComparison.Ordinal);
        Assert.Contains("同意", entries[1].Note, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Assigned, stored.Status);
    }

    [Fact]
    public async Task A_request_after_the_deadline_is_refused_and_changes_nothing()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var id = await ReportInQiuchuanAsync();
        await app.SetDeadlineAsync(id, DateTimeOffset.UtcNow.AddHours(-1));
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var response = await RequestRawAsync(officer, id, new { value = 3, unit = "WorkingDays", reason = "来不及了", version = await VersionAsync(officer, id) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("截止时间已过，不能申请延期", (await response.ProblemAsync()).Errors()["action"]);
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task A_second_request_while_one_is_pending_is_refused_and_a_request_needs_a_reason_and_real_time()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var id = await ReportInQiuchuanAsync();
        var before = await DbSnapshot.TakeAsync(app.Services);
        foreach (var body in new object[]
        {
            new { value = 3, unit = "WorkingDays", reason = " ", version = await VersionAsync(officer, id) },
            new { value = 0, unit = "SameDay", reason = "当天", version = await VersionAsync(officer, id) },
            new { value = 0, unit = "WorkingDays", reason = "零天", version = await VersionAsync(officer, id) },
        })
        {
            using var invalid = await RequestRawAsync(officer, id, body);
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        }

        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));

        await RequestAsync(officer, id);
        var pending = await DbSnapshot.TakeAsync(app.Services);
        using var second = await RequestRawAsync(officer, id, new { value = 5, unit = "CalendarDays", reason = "再延几天", version = await VersionAsync(officer, id) });

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("已有待审批的延期申请", (await second.ProblemAsync()).Errors()["action"]);
        Assert.Equal(pending, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task A_refusal_keeps_the_deadline_clears_the_request_and_records_the_note()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var leader = await app.SessionAsync("qiuchuan.staff");
        var id = await ReportInQiuchuanAsync();
        var deadline = (await app.StoredCaseAsync(id)).DeadlineUtc;
        await RequestAsync(officer, id);

        using (var noNote = await DecideRawAsync(leader, id, new { approve = false, version = await VersionAsync(leader, id) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
            Assert.True((await noNote.ProblemAsync()).Errors().ContainsKey("note"));
        }

        using var response = await DecideRawAsync(leader, id, new { approve = false, note = "按期办结", version = await VersionAsync(leader, id) });
        var refused = await response.JsonAsync(HttpStatusCode.OK);

        var stored = await app.StoredCaseAsync(id);
        Assert.Equal(deadline, stored.DeadlineUtc);
        Assert.Null(stored.ExtensionRequestedAtUtc);
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("pendingExtension").ValueKind);
        var last = stored.Events[^1];
        Assert.Equal((CaseEventKind.ExtensionRefused, Leader), (last.Kind, last.ActorName));
        Assert.Contains("按期办结", last.Note, StringComparison.Ordinal);
        Assert.Contains(ChinaText(deadline), last.Note, StringComparison.Ordinal);

        // Decided means nothing is pending: a second decision has nothing to act on, and a new request may be made.
        using var again = await DecideRawAsync(leader, id, new { approve = true, version = await VersionAsync(leader, id) });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        await RequestAsync(officer, id, 2, "WorkingHours", "补充材料");
    }

    [Fact]
    public async Task The_one_who_asked_cannot_approve_their_own_request_and_a_village_cadre_may_neither_ask_nor_decide()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var id = await ReportInQiuchuanAsync();
        await RequestAsync(staff, id);
        var before = await DbSnapshot.TakeAsync(app.Services);

        using (var own = await DecideRawAsync(staff, id, new { approve = true, version = await VersionAsync(staff, id) }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        }

        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));

        // A case in the cadre's own village, so that 403 (not 404) is the answer: the role, not the scope, refuses.
        var grid = await app.SessionAsync("mengqiao.grid");
        var cadre = await app.SessionAsync("mengqiao.cadre");
        var village = await grid.ReportIdAsync(CaseCalls.Report(await app.RegionIdAsync(Places.Mengqiao + "001"), "ZF03", "河边堆放生活垃圾"));
        var version = await VersionAsync(cadre, village);
        before = await DbSnapshot.TakeAsync(app.Services);
        using var ask = await RequestRawAsync(cadre, village, new { value = 3, unit = "WorkingDays", reason = "村里忙", version });
        using var decide = await DecideRawAsync(cadre, village, new { approve = true, version });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (ask.StatusCode, decide.StatusCode));
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task A_foreign_or_forged_case_is_404_and_a_stale_version_is_a_409_problem_both_changing_nothing()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var leader = await app.SessionAsync("qiuchuan.staff");
        var grid = await app.SessionAsync("mengqiao.grid");
        var foreign = await grid.ReportIdAsync(CaseCalls.Report(await app.RegionIdAsync(Places.Mengqiao + "001"), "SC01"));
        var id = await ReportInQiuchuanAsync();
        var before = await DbSnapshot.TakeAsync(app.Services);

        foreach (var target in new[] { foreign, 987_654_321L })
        {
            using var ask = await RequestRawAsync(officer, target, new { value = 3, unit = "WorkingDays", reason = "越权", version = 2 });
            using var decide = await DecideRawAsync(leader, target, new { approve = true, version = 2 });
            Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (ask.StatusCode, decide.StatusCode));
        }

        var stale = await VersionAsync(officer, id) - 1;
        using (var conflict = await RequestRawAsync(officer, id, new { value = 3, unit = "WorkingDays", reason = "旧页面", version = stale }))
        {
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
            Assert.True((await conflict.ProblemAsync()).Errors().ContainsKey("version"));
        }

        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));

        await RequestAsync(officer, id);
        var pending = await DbSnapshot.TakeAsync(app.Services);
        using (var conflict = await DecideRawAsync(leader, id, new { approve = true, version = await VersionAsync(leader, id) - 1 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
            Assert.True((await conflict.ProblemAsync()).Errors().ContainsKey("version"));
        }

        Assert.Equal(pending, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task Approval_does_not_lower_supervision_already_raised()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var leader = await app.SessionAsync("qiuchuan.staff");
        var id = await ReportInQiuchuanAsync();
        await RequestAsync(officer, id);
        await app.WithDbAsync(async db =>
        {
            var c = await db.Cases.FindAsync(id);
            c!.Supervision = SupervisionLevel.TownshipLeader;
            return await db.SaveChangesAsync();
        });

        using var response = await DecideRawAsync(leader, id, new { approve = true, version = await VersionAsync(leader, id) });
        var approved = await response.JsonAsync(HttpStatusCode.OK);

        Assert.Equal("TownshipLeader", approved.GetProperty("supervision").GetString());
        Assert.Equal(SupervisionLevel.TownshipLeader, (await app.StoredCaseAsync(id)).Supervision);
    }

    private static string ChinaText(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
