using System.Net;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases;

/// <summary>POST /api/cases/{id}/actions: the workflow as officers and window clerks drive it, and its history.</summary>
public sealed class CaseWorkflowTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private const string Officer = "球川镇平台 郑强";
    private const string WindowClerk = "球川镇窗口 徐丽";

    private async Task<long> ReportInQiuchuanAsync(string category = "SC01")
    {
        var window = await app.SessionAsync("qiuchuan.window");
        return await window.ReportIdAsync(CaseCalls.Report(await app.FirstVillageIdAsync(Places.Qiuchuan), category));
    }

    [Fact]
    public async Task An_officer_starts_and_resolves_a_case_the_window_records_a_satisfied_rating_and_it_is_closed_with_its_full_history()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var window = await app.SessionAsync("qiuchuan.window");
        var id = await ReportInQiuchuanAsync();

        Assert.Equal("InProgress", (await officer.ActAsync(id, "Start")).Status());

        var before = await app.CasesFingerprintAsync();
        var version = (await officer.CaseAsync(id)).GetProperty("version").GetInt32();
        using (var noNote = await officer.ActRawAsync(id, new { action = "Resolve", version }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
            Assert.True((await noNote.ProblemAsync()).Errors().ContainsKey("note"));
        }

        Assert.Equal(before, await app.CasesFingerprintAsync());

        Assert.Equal("Resolved", (await officer.ActAsync(id, "Resolve", new { note = "已责令摊主下架并处罚款" })).Status());
        var closed = await window.ActAsync(id, "Rate", new { rating = "Satisfied", note = "满意" });
        Assert.Equal("Closed", closed.Status());
        Assert.Equal("Satisfied", closed.GetProperty("rating").GetString());

        // Every transition appended exactly one entry: who, when, from, to, note.
        var stored = await app.StoredCaseAsync(id);
        var expected = new (CaseEventKind Kind, CaseAction? Action, CaseStatus? From, CaseStatus? To, string Actor, string? Note)[]
        {
            (CaseEventKind.Reported, null, null, CaseStatus.Reported, WindowClerk, null),
            (CaseEventKind.Routed, CaseAction.Assign, CaseStatus.Reported, CaseStatus.Assigned, "自动分拨", stored.Events[1].Note),
            (CaseEventKind.Action, CaseAction.Start, CaseStatus.Assigned, CaseStatus.InProgress, Officer, null),
            (CaseEventKind.Action, CaseAction.Resolve, CaseStatus.InProgress, CaseStatus.Resolved, Officer, "已责令摊主下架并处罚款"),
            (CaseEventKind.Action, CaseAction.Rate, CaseStatus.Resolved, CaseStatus.Closed, WindowClerk, "满意"),
        };
        Assert.Equal(expected, stored.Events.Select(e => (e.Kind, e.Action, e.FromStatus, e.ToStatus, e.ActorName, e.Note)).ToArray());
        Assert.All(stored.Events.Skip(2), e => Assert.NotNull(e.ActorId));
        Assert.Equal(stored.ReportedAtUtc, stored.Events[0].AtUtc);
        Assert.Equal(stored.Events.Select(e => e.AtUtc).Order(), stored.Events.Select(e => e.AtUtc));
        Assert.Equal(CaseRating.Satisfied, stored.Events[^1].Rating);
        Assert.Equal(stored.Events.Select(e => e.Id), (await officer.CaseAsync(id)).History().Select(h => h.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task A_dissatisfied_rating_reopens_the_case_with_the_same_department()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var window = await app.SessionAsync("qiuchuan.window");
        var id = await ReportInQiuchuanAsync();
        var department = (await officer.CaseAsync(id)).GetProperty("departmentId").GetInt32();
        await officer.ActAsync(id, "Start");
        await officer.ActAsync(id, "Resolve", new { note = "已处理" });

        var reopened = await window.ActAsync(id, "Rate", new { rating = "Dissatisfied", note = "摊位还在卖" });

        Assert.Equal("Assigned", reopened.Status());
        Assert.Equal(department, reopened.GetProperty("departmentId").GetInt32());
        var last = reopened.History()[^1];
        Assert.Equal(("Rate", "Resolved", "Assigned", "Dissatisfied"), (last.GetProperty("action").GetString(), last.GetProperty("fromStatus").GetString(), last.GetProperty("toStatus").GetString(), last.GetProperty("rating").GetString()));
        Assert.Contains("Start", reopened.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task A_return_needs_a_reason_and_a_returned_case_is_rerouted_to_another_department()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var id = await ReportInQiuchuanAsync();
        var before = await app.CasesFingerprintAsync();
        var version = (await officer.CaseAsync(id)).GetProperty("version").GetInt32();

        using (var noReason = await officer.ActRawAsync(id, new { action = "Return", reason = "  ", version }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.True((await noReason.ProblemAsync()).Errors().ContainsKey("reason"));
        }

        Assert.Equal(before, await app.CasesFingerprintAsync());
        var returned = await officer.ActAsync(id, "Return", new { reason = "属占道经营，不归市场监管所" });
        Assert.Equal("Returned", returned.Status());
        Assert.Equal("属占道经营，不归市场监管所", returned.History()[^1].GetProperty("note").GetString());

        var enforcement = await app.DepartmentIdAsync(Places.Qiuchuan, "综合执法中队");
        var rerouted = await officer.ActAsync(id, "Reroute", new { departmentId = enforcement, note = "转综合执法中队" });

        Assert.Equal("Assigned", rerouted.Status());
        Assert.Equal(enforcement, rerouted.GetProperty("departmentId").GetInt32());
        Assert.Equal("综合执法中队", rerouted.GetProperty("departmentName").GetString());
        Assert.Equal(("Reroute", "综合执法中队"), (rerouted.History()[^1].GetProperty("action").GetString(), rerouted.History()[^1].GetProperty("departmentName").GetString()));
    }

    [Fact]
    public async Task A_transition_from_the_wrong_state_is_refused_and_changes_nothing()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var id = await ReportInQiuchuanAsync();
        var version = (await officer.CaseAsync(id)).GetProperty("version").GetInt32();
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var response = await officer.ActRawAsync(id, new { action = "Resolve", note = "还没开始就办结", version });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).Errors().ContainsKey("action"));
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
        Assert.Equal("Assigned", (await officer.CaseAsync(id)).Status());
    }

    [Fact]
    public async Task A_village_cadre_may_see_a_case_of_the_village_but_not_start_it()
    {
        var grid = await app.SessionAsync("mengqiao.grid");
        var cadre = await app.SessionAsync("mengqiao.cadre");
        var id = await grid.ReportIdAsync(CaseCalls.Report(await app.RegionIdAsync(Places.Mengqiao + "001"), "ZF03", "河边堆放生活垃圾"));
        var version = (await cadre.CaseAsync(id)).GetProperty("version").GetInt32();
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var response = await cadre.ActRawAsync(id, new { action = "Start", version });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task Two_officers_acting_on_the_same_version_one_wins_the_other_gets_409_and_nothing_is_lost()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var staff = await app.SessionAsync("qiuchuan.staff");
        var id = await ReportInQiuchuanAsync();
        var version = (await officer.CaseAsync(id)).GetProperty("version").GetInt32();

        var start = Task.Run(() => officer.ActRawAsync(id, new { action = "Start", version }));
        var giveBack = Task.Run(() => staff.ActRawAsync(id, new { action = "Return", reason = "不属本所职责", version }));
        using var started = await start;
        using var returned = await giveBack;

        var statuses = new[] { started.StatusCode, returned.StatusCode };
        Assert.True(statuses.Order().SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Conflict]), string.Join(", ", statuses));
        var (winner, loser, status) = started.StatusCode == HttpStatusCode.OK
            ? (CaseAction.Start, CaseAction.Return, CaseStatus.InProgress)
            : (CaseAction.Return, CaseAction.Start, CaseStatus.Returned);
        var stored = await app.StoredCaseAsync(id);
        Assert.Equal(status, stored.Status);
        Assert.Equal(version + 1, stored.Version);
        Assert.Single(stored.Events, e => e.Action == winner);
        Assert.DoesNotContain(stored.Events, e => e.Action == loser);
        Assert.Equal(3, stored.Events.Count);

        // The one who lost is told why, in a problem body like every other refusal.
        var loserBody = await (started.StatusCode == HttpStatusCode.OK ? returned : started).ProblemAsync();
        Assert.True(loserBody.Errors().ContainsKey("version"), loserBody.GetRawText());
    }

    [Fact]
    public async Task A_duplicate_merged_into_another_case_by_its_tracking_number_is_merged_and_the_survivor_names_it()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var survivor = await ReportInQiuchuanAsync();
        var duplicate = await ReportInQiuchuanAsync();
        var survivorNumber = (await officer.CaseAsync(survivor)).GetProperty("trackingNumber").GetString();
        var duplicateNumber = (await officer.CaseAsync(duplicate)).GetProperty("trackingNumber").GetString()!;

        var merged = await officer.ActAsync(duplicate, "Merge", new { mergeInto = survivorNumber, note = "同一摊位" });

        Assert.Equal("Merged", merged.Status());
        Assert.Equal(survivor, merged.GetProperty("mergedIntoId").GetInt64());
        var kept = await officer.CaseAsync(survivor);
        Assert.Equal("Assigned", kept.Status());
        Assert.Contains(kept.History(), h => h.GetProperty("note").GetString()?.Contains(duplicateNumber, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_history_cannot_be_edited_or_deleted_even_by_the_system()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var id = await ReportInQiuchuanAsync();
        await officer.ActAsync(id, "Start");
        var before = await DbSnapshot.TakeAsync(app.Services);

        var edit = await Record.ExceptionAsync(() => app.WithDbAsync(async db =>
        {
            var entry = await db.CaseEvents.OrderBy(e => e.Id).LastAsync(e => e.CaseId == id);
            entry.Note = "改写的历史";
            entry.ActorName = "别人";
            return await db.SaveChangesAsync();
        }));
        var delete = await Record.ExceptionAsync(() => app.WithDbAsync(async db =>
        {
            db.CaseEvents.Remove(await db.CaseEvents.FirstAsync(e => e.CaseId == id));
            return await db.SaveChangesAsync();
        }));

        Assert.IsType<InvalidOperationException>(edit);
        Assert.IsType<InvalidOperationException>(delete);
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
        Assert.Equal(3, (await officer.CaseAsync(id)).History().Count);
    }

    [Fact]
    public async Task A_forged_or_foreign_case_id_is_404_and_changes_nothing()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var grid = await app.SessionAsync("mengqiao.grid");
        var foreign = await grid.ReportIdAsync(CaseCalls.Report(await app.RegionIdAsync(Places.Mengqiao + "001"), "SC01"));
        var before = await DbSnapshot.TakeAsync(app.Services);

        foreach (var id in new[] { foreign, 987_654_321L })
        {
            using var get = await officer.GetAsync($"/api/cases/{id}");
            using var act = await officer.ActRawAsync(id, new { action = "Start", version = 2 });
            Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (get.StatusCode, act.StatusCode));
        }

        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
        Assert.Equal(CaseStatus.Assigned, (await app.StoredCaseAsync(foreign)).Status);
    }
}
