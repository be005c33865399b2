using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases;

/// <summary>
/// POST /api/cases/{id}/split (拆分): a case goes to several departments as child cases; the system resolves it when
/// the last child is done, and its reporter rates it as usual. Merging keeps both reporters reachable.
/// </summary>
public sealed class CaseSplitTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private const string FoodPart = "查处出售变质猪肉的摊位";
    private const string StreetPart = "清理市场东门的占道摊位";

    private async Task<long> ReportInQiuchuanAsync(string category = "SC01", object? reporter = null)
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var body = CaseCalls.Report(await app.FirstVillageIdAsync(Places.Qiuchuan), category);
        foreach (var p in JsonSerializer.SerializeToElement(reporter ?? new { }).EnumerateObject())
        {
            body[p.Name] = p.Value.GetString();
        }

        return await window.ReportIdAsync(body);
    }

    private static Task<HttpResponseMessage> SplitRawAsync(HttpClient client, long id, object body) =>
        client.SendJsonAsync(HttpMethod.Post, $"/api/cases/{id}/split", body);

    /// <summary>Splits the case at its current version between 球川镇's 市场监管所 and 综合执法中队 (200 required).</summary>
    private async Task<(long Food, long Street)> SplitInTwoAsync(HttpClient officer, long id)
    {
        var market = await app.DepartmentIdAsync(Places.Qiuchuan, "市场监管所");
        var enforcement = await app.DepartmentIdAsync(Places.Qiuchuan, "综合执法中队");
        var version = (await officer.CaseAsync(id)).GetProperty("version").GetInt32();
        using var response = await SplitRawAsync(officer, id, new
        {
            version,
            parts = new object[]
            {
                new { departmentId = market, description = FoodPart },
                new { departmentId = enforcement, description = StreetPart, categoryCode = "ZF02" },
            },
        });
        var children = (await response.JsonAsync(HttpStatusCode.OK)).GetProperty("children").EnumerateArray().ToList();
        Assert.Equal([market, enforcement], children.Select(c => c.GetProperty("departmentId").GetInt32()));
        return (children[0].GetProperty("id").GetInt64(), children[1].GetProperty("id").GetInt64());
    }

    private static async Task ResolveAsync(HttpClient officer, long id, string note)
    {
        await officer.ActAsync(id, "Start");
        await officer.ActAsync(id, "Resolve", new { note });
    }

    private static string Number(JsonElement detail) => detail.GetProperty("trackingNumber").GetString()!;

    [Fact]
    public async Task A_case_split_between_two_departments_is_in_each_departments_queue_and_the_parent_lists_its_children()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var id = await ReportInQiuchuanAsync();
        var before = await officer.CaseAsync(id);

        var (food, street) = await SplitInTwoAsync(officer, id);

        var parent = await officer.CaseAsync(id);
        Assert.Equal("Split", parent.Status());
        Assert.Equal(JsonValueKind.Null, parent.GetProperty("departmentId").ValueKind);
        Assert.Empty(parent.GetProperty("allowedActions").EnumerateArray());
        var children = parent.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal([(food, "市场监管所", "Assigned"), (street, "综合执法中队", "Assigned")],
            children.Select(c => (c.GetProperty("id").GetInt64(), c.GetProperty("departmentName").GetString(), c.Status())));
        var entry = parent.History()[^1];
        Assert.Equal(("Split", "Assigned", "Split"), (entry.GetProperty("action").GetString(), entry.GetProperty("fromStatus").GetString(), entry.GetProperty("toStatus").GetString()));
        Assert.All(children, c => Assert.Contains(Number(c), entry.GetProperty("note").GetString(), StringComparison.Ordinal));

        // Each child is its department's work: the parent's place, reporter, source and deadline, its own description.
        var foodCase = await officer.CaseAsync(food);
        var streetCase = await officer.CaseAsync(street);
        Assert.Equal((FoodPart, "食品安全"), (foodCase.GetProperty("description").GetString(), foodCase.GetProperty("category").GetString()));
        Assert.Equal((StreetPart, "占道经营", "LawEnforcement"),
            (streetCase.GetProperty("description").GetString(), streetCase.GetProperty("category").GetString(), streetCase.GetProperty("platform").GetString()));
        foreach (var child in new[] { foodCase, streetCase })
        {
            Assert.Equal(Number(parent), child.GetProperty("parent").GetProperty("trackingNumber").GetString());
            foreach (var same in new[] { "regionId", "address", "reporterName", "reporterPhone", "source", "deadlineUtc" })
            {
                Assert.Equal(before.GetProperty(same).GetRawText(), child.GetProperty(same).GetRawText());
            }

            var first = Assert.Single(child.History());
            Assert.Equal(("Split", "Assigned", $"拆分自 {Number(parent)}"),
                (first.GetProperty("action").GetString(), first.GetProperty("toStatus").GetString(), first.GetProperty("note").GetString()));
            Assert.DoesNotContain("Rate", child.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        }

        // Each department's queue holds its own child, and the parent (no department's work any more) in neither.
        var market = await app.DepartmentIdAsync(Places.Qiuchuan, "市场监管所");
        var enforcement = await app.DepartmentIdAsync(Places.Qiuchuan, "综合执法中队");
        var marketQueue = (await officer.GetJsonAsync($"/api/cases?departmentId={market}")).Items().Select(c => c.GetProperty("id").GetInt64()).ToList();
        var enforcementQueue = (await officer.GetJsonAsync($"/api/cases?departmentId={enforcement}")).Items().Select(c => c.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(food, marketQueue);
        Assert.DoesNotContain(street, marketQueue);
        Assert.Contains(street, enforcementQueue);
        Assert.DoesNotContain(food, enforcementQueue);
        Assert.DoesNotContain(id, marketQueue.Concat(enforcementQueue));
    }

    [Fact]
    public async Task When_both_children_are_resolved_the_system_resolves_the_parent_and_the_reporter_rates_it_on_the_public_page()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        using var citizen = app.Anonymous();
        var id = await ReportInQiuchuanAsync();
        var (food, street) = await SplitInTwoAsync(officer, id);
        var number = Number(await officer.CaseAsync(id));
        var childNumber = Number(await officer.CaseAsync(food));

        await ResolveAsync(officer, food, "已没收变质猪肉并立案调查");
        Assert.Equal("Split", (await officer.CaseAsync(id)).Status());
        await ResolveAsync(officer, street, "已清理占道摊位");

        var parent = await officer.CaseAsync(id);
        Assert.Equal("Resolved", parent.Status());
        var done = parent.History()[^1];
        Assert.Equal(("ChildrenDone", "Split", "Resolved", "拆分办理"),
            (done.GetProperty("action").GetString(), done.GetProperty("fromStatus").GetString(), done.GetProperty("toStatus").GetString(), done.GetProperty("actorName").GetString()));
        Assert.All(parent.GetProperty("children").EnumerateArray(), c => Assert.Equal("Resolved", c.Status()));

        // The reporter follows the parent: its parts' steps by department, no staff names; a child's number is internal.
        using (var tracked = await citizen.GetAsync($"/public/cases/{number}"))
        {
            var text = await tracked.Content.ReadAsStringAsync();
            var view = await tracked.JsonAsync(HttpStatusCode.OK);
            Assert.True(view.GetProperty("canRate").GetBoolean());
            var steps = view.GetProperty("steps").EnumerateArray().ToList();
            Assert.Contains(steps, s => s.GetProperty("status").GetString() == "Split");
            Assert.Contains(steps, s => s.GetProperty("part").GetString() == "综合执法中队" && s.GetProperty("note").GetString() == "已清理占道摊位");
            Assert.Equal("Resolved", steps[^1].GetProperty("status").GetString());
            var staffNames = await app.WithDbAsync(db => db.Users.Select(u => u.DisplayName).ToListAsync());
            Assert.DoesNotContain(staffNames, n => text.Contains(n, StringComparison.Ordinal));
            Assert.DoesNotContain(CaseCalls.Phone, text, StringComparison.Ordinal);
        }

        using (var child = await citizen.GetAsync($"/public/cases/{childNumber}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, child.StatusCode);
        }

        using (var childRating = await citizen.SendJsonAsync(HttpMethod.Post, $"/public/cases/{childNumber}/rating", new { phone = CaseCalls.Phone, rating = "Satisfied" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, childRating.StatusCode);
        }

        using (var rated = await citizen.SendJsonAsync(HttpMethod.Post, $"/public/cases/{number}/rating", new { phone = CaseCalls.Phone, rating = "Satisfied", comment = "两件事都办好了" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, rated.StatusCode);
        }

        // The children close with the parent: they are not rated, nor called about, on their own.
        var closed = await officer.CaseAsync(id);
        Assert.Equal(("Closed", "Satisfied"), (closed.Status(), closed.GetProperty("rating").GetString()));
        foreach (var c in new[] { food, street })
        {
            var stored = await app.StoredCaseAsync(c);
            Assert.Equal(CaseStatus.Closed, stored.Status);
            Assert.Equal((CaseAction.Close, $"随 {number} 结案"), (stored.Events[^1].Action, stored.Events[^1].Note));
        }
    }

    [Fact]
    public async Task A_dissatisfied_rating_sends_a_split_case_back_to_the_command_room_and_leaves_its_children_as_they_are()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var window = await app.SessionAsync("qiuchuan.window");
        var id = await ReportInQiuchuanAsync();
        var (food, street) = await SplitInTwoAsync(officer, id);
        await ResolveAsync(officer, food, "已处理");
        await ResolveAsync(officer, street, "已处理");

        var reopened = await window.ActAsync(id, "Rate", new { rating = "Dissatisfied", note = "摊位还在" });

        Assert.Equal("Accepted", reopened.Status());
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("departmentId").ValueKind);
        var allowed = reopened.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("Assign", allowed);
        Assert.Contains("Split", allowed);
        Assert.All(reopened.GetProperty("children").EnumerateArray(), c => Assert.Equal("Resolved", c.Status()));
    }

    [Fact]
    public async Task Two_children_resolved_at_the_same_moment_never_leave_the_parent_waiting()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var staff = await app.SessionAsync("qiuchuan.staff");
        var id = await ReportInQiuchuanAsync();
        var (food, street) = await SplitInTwoAsync(officer, id);
        await officer.ActAsync(food, "Start");
        await officer.ActAsync(street, "Start");
        var foodVersion = (await officer.CaseAsync(food)).GetProperty("version").GetInt32();
        var streetVersion = (await staff.CaseAsync(street)).GetProperty("version").GetInt32();

        var first = Task.Run(() => officer.ActRawAsync(food, new { action = "Resolve", note = "已处理", version = foodVersion }));
        var second = Task.Run(() => staff.ActRawAsync(street, new { action = "Resolve", note = "已处理", version = streetVersion }));
        using var a = await first;
        using var b = await second;

        // One may be told to try again (the parent changed under it); trying again finishes the split.
        Assert.Contains(HttpStatusCode.OK, new[] { a.StatusCode, b.StatusCode });
        if (a.StatusCode == HttpStatusCode.Conflict)
        {
            await officer.ActAsync(food, "Resolve", new { note = "已处理" });
        }

        if (b.StatusCode == HttpStatusCode.Conflict)
        {
            await staff.ActAsync(street, "Resolve", new { note = "已处理" });
        }

        var parent = await app.StoredCaseAsync(id);
        Assert.Equal(CaseStatus.Resolved, parent.Status);
        Assert.Single(parent.Events, e => e.Action == CaseAction.ChildrenDone);
    }

    [Fact]
    public async Task Bad_parts_are_refused_part_by_part_and_nothing_is_written()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var id = await ReportInQiuchuanAsync();
        var version = (await officer.CaseAsync(id)).GetProperty("version").GetInt32();
        var market = await app.DepartmentIdAsync(Places.Qiuchuan, "市场监管所");
        var foreign = await app.PoliceStationIdAsync(Places.Daqiaotou);
        var before = await DbSnapshot.TakeAsync(app.Services);
        var fingerprint = await app.CasesFingerprintAsync();
        var counts = await app.WithDbAsync(async db => (await db.Cases.CountAsync(), await db.CaseEvents.CountAsync()));

        using (var response = await SplitRawAsync(officer, id, new
        {
            version,
            parts = new object?[]
            {
                new { departmentId = market },
                new { departmentId = foreign },
                new { departmentId = market },
                new { description = new string('字', Case.DescriptionMaxLength + 1), categoryCode = "XX99" },
            },
        }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.ProblemAsync()).Errors();
            Assert.Equal(
                ["parts[1].departmentId", "parts[2].departmentId", "parts[3].categoryCode", "parts[3].departmentId", "parts[3].description"],
                errors.Keys.Order(StringComparer.Ordinal));
        }

        foreach (var count in new[] { 0, 1, 6 })
        {
            var parts = Enumerable.Range(0, count).Select(_ => new { departmentId = market }).ToArray();
            using var response = await SplitRawAsync(officer, id, new { version, parts });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.ProblemAsync()).Errors().ContainsKey("parts"), $"{count} parts");
        }

        Assert.Equal(counts, await app.WithDbAsync(async db => (await db.Cases.CountAsync(), await db.CaseEvents.CountAsync())));
        Assert.Equal(fingerprint, await app.CasesFingerprintAsync());
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task A_split_on_a_stale_version_is_409_and_nothing_is_written()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var id = await ReportInQiuchuanAsync();
        var stale = (await officer.CaseAsync(id)).GetProperty("version").GetInt32();
        await officer.ActAsync(id, "Start");
        var before = await DbSnapshot.TakeAsync(app.Services);
        var market = await app.DepartmentIdAsync(Places.Qiuchuan, "市场监管所");
        var enforcement = await app.DepartmentIdAsync(Places.Qiuchuan, "综合执法中队");

        using var response = await SplitRawAsync(officer, id, new { version = stale, parts = new[] { new { departmentId = market }, new { departmentId = enforcement } } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.True((await response.ProblemAsync()).Errors().ContainsKey("version"));
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
        Assert.Equal("InProgress", (await officer.CaseAsync(id)).Status());
    }

    [Fact]
    public async Task A_closed_case_a_child_and_a_case_in_another_township_cannot_be_split()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var staff = await app.SessionAsync("qiuchuan.staff");
        var window = await app.SessionAsync("qiuchuan.window");
        var market = await app.DepartmentIdAsync(Places.Qiuchuan, "市场监管所");
        var enforcement = await app.DepartmentIdAsync(Places.Qiuchuan, "综合执法中队");
        var parts = new[] { new { departmentId = market }, new { departmentId = enforcement } };

        var closed = await ReportInQiuchuanAsync();
        await ResolveAsync(officer, closed, "已处理");
        await window.ActAsync(closed, "Rate", new { rating = "Satisfied" });
        var parent = await ReportInQiuchuanAsync();
        var (child, _) = await SplitInTwoAsync(officer, parent);
        var grid = await app.SessionAsync("mengqiao.grid");
        var foreign = await grid.ReportIdAsync(CaseCalls.Report(await app.RegionIdAsync(Places.Mengqiao + "001"), "ZF03", "河边堆放生活垃圾"));
        var before = await DbSnapshot.TakeAsync(app.Services);

        foreach (var id in new[] { closed, child })
        {
            var version = (await officer.CaseAsync(id)).GetProperty("version").GetInt32();
            using var refused = await SplitRawAsync(officer, id, new { version, parts });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.ProblemAsync()).Errors().ContainsKey("action"));
        }

        using (var outside = await SplitRawAsync(staff, foreign, new { version = 2, parts }))
        {
            Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        }

        // Splitting is routing: the window clerk, who takes reports, may not.
        var open = await ReportInQiuchuanAsync();
        var openVersion = (await window.CaseAsync(open)).GetProperty("version").GetInt32();
        before = await DbSnapshot.TakeAsync(app.Services);
        using (var clerk = await SplitRawAsync(window, open, new { version = openVersion, parts }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, clerk.StatusCode);
        }

        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task A_merged_duplicates_reporter_stays_reachable_from_the_surviving_case_for_those_who_may_read_reporters()
    {
        var grid = await app.SessionAsync("mengqiao.grid");
        var admin = await app.SessionAsync("admin");
        var cadre = await app.SessionAsync("mengqiao.cadre");
        using var citizen = app.Anonymous();
        var place = await app.RegionIdAsync(Places.Mengqiao + "001");
        var survivor = await grid.ReportIdAsync(CaseCalls.Report(place, "ZF03", "河边堆放生活垃圾"));
        var duplicateBody = CaseCalls.Report(place, "ZF03", "河边又有人倒垃圾");
        duplicateBody["reporterName"] = "李建国";
        duplicateBody["reporterPhone"] = "13900005678";
        var duplicate = await grid.ReportIdAsync(duplicateBody);
        var survivorNumber = Number(await admin.CaseAsync(survivor));
        var duplicateNumber = Number(await admin.CaseAsync(duplicate));

        var merged = await admin.ActAsync(duplicate, "Merge", new { mergeInto = survivorNumber });

        // Both histories name the other case, and no history note carries a reporter's name or phone.
        Assert.Equal($"合并到 {survivorNumber}", merged.History()[^1].GetProperty("note").GetString());
        Assert.Equal(survivorNumber, merged.GetProperty("mergedInto").GetProperty("trackingNumber").GetString());
        var kept = await admin.CaseAsync(survivor);
        Assert.Equal($"合并了重复事件 {duplicateNumber}", kept.History()[^1].GetProperty("note").GetString());
        var notes = await app.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == survivor || e.CaseId == duplicate).Select(e => e.Note ?? "").ToListAsync());
        Assert.DoesNotContain(notes, n => n.Contains("13900005678", StringComparison.Ordinal) || n.Contains("李建国", StringComparison.Ordinal));

        // The administrator (who handles cases) reaches the duplicate's reporter from the surviving case; the village
        // cadre sees them masked, like the case's own reporter.
        var listed = Assert.Single(kept.GetProperty("duplicates").EnumerateArray());
        Assert.Equal((duplicateNumber, "李建国", "13900005678"),
            (listed.GetProperty("trackingNumber").GetString(), listed.GetProperty("reporterName").GetString(), listed.GetProperty("reporterPhone").GetString()));
        var masked = Assert.Single((await cadre.CaseAsync(survivor)).GetProperty("duplicates").EnumerateArray());
        Assert.Equal("李**", masked.GetProperty("reporterName").GetString());
        Assert.DoesNotContain("13900005678", masked.GetProperty("reporterPhone").GetString(), StringComparison.Ordinal);

        // The duplicate's reporter is told, on its public page, which case to follow from now on.
        using var tracked = await citizen.GetAsync($"/public/cases/{duplicateNumber}");
        var view = await tracked.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Merged", survivorNumber), (view.Status(), view.GetProperty("mergedInto").GetString()));
        Assert.False(view.GetProperty("canRate").GetBoolean());
    }

    [Fact]
    public async Task A_case_cannot_be_merged_into_a_child_of_a_split()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var parent = await ReportInQiuchuanAsync();
        var (child, _) = await SplitInTwoAsync(officer, parent);
        var duplicate = await ReportInQiuchuanAsync();
        var version = (await officer.CaseAsync(duplicate)).GetProperty("version").GetInt32();
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var response = await officer.ActRawAsync(duplicate, new { action = "Merge", mergeInto = Number(await officer.CaseAsync(child)), version });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).Errors().ContainsKey("mergeInto"));
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }
}
