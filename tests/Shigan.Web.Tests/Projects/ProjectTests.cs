using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shigan.Core.Cases;
using Shigan.Core.Contests;
using Shigan.Data.Contests;
using Shigan.Testing;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Support.ProjectCalls;

namespace Shigan.Web.Tests.Projects;

/// <summary>
/// Projects (项目) through the API: set up with milestones, the board's progress against plan and overdue milestones,
/// progress reports, milestones done, blockers opened and resolved (the leader's list, overdue first), every step in
/// the history and the audit; bad input refused whole; another township's cadres neither see nor change a project;
/// the board's sheet; and the two contest indicators.
/// </summary>
public sealed class ProjectTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private static readonly string[] Team = ["qiuchuan.officer", "qiuchuan.staff"];

    [Fact]
    public async Task A_project_set_up_with_milestones_shows_on_the_board_with_its_plan_and_its_overdue_milestone()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var created = await staff.CreateProjectAsync("东坑村道路硬化", village, ("路基", -3), ("路面", 5));
        var id = created.ProjectId();

        var board = await staff.GetJsonAsync($"/api/projects?regionId={await app.RegionIdAsync(Places.Qiuchuan)}");
        var row = board.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);

        Assert.Equal(50, row.GetProperty("plannedProgress").GetDouble()); // ten days of twenty gone
        Assert.Equal(-50, row.GetProperty("gap").GetDouble());
        Assert.Equal(1, row.GetProperty("overdueMilestones").GetInt32());
        Assert.Equal("路基", row.GetProperty("nextMilestone").GetString());
        Assert.Equal("球川镇", row.GetProperty("township").GetString());
        var milestones = created.GetProperty("milestones").EnumerateArray().ToList();
        Assert.Equal([(1, "路基", true), (2, "路面", false)], milestones.Select(m => (m.GetProperty("position").GetInt32(), m.GetProperty("name").GetString(), m.GetProperty("overdue").GetBoolean())));
        Assert.Equal("Created", Assert.Single(created.GetProperty("history").EnumerateArray()).GetProperty("kind").GetString());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Project" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task Progress_milestones_and_blockers_move_the_project_on_and_each_step_is_in_its_history()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var created = await staff.CreateProjectAsync("球川集镇污水管网", await app.RegionIdAsync(Places.Qiuchuan), ("主管铺设", -2), ("入户接管", 8));
        var id = created.ProjectId();

        var reported = await staff.PostOkAsync($"/api/projects/{id}/report", new { progress = 55, spent = 40.5m, jobsCreated = 12, note = "主管完成过半" });
        Assert.Equal((55, 40.5m, "UnderWay"), (reported.GetProperty("project").GetProperty("progress").GetInt32(), reported.GetProperty("project").GetProperty("spent").GetDecimal(), reported.GetProperty("project").GetProperty("status").GetString()));

        var done = await staff.PostOkAsync($"/api/projects/{id}/milestones/{created.MilestoneId("主管铺设")}/done", new { doneDate = Today.AddDays(-1) });
        var first = done.GetProperty("milestones").EnumerateArray().First();
        Assert.Equal((false, false), (first.GetProperty("overdue").GetBoolean(), first.GetProperty("onTime").GetBoolean())); // done a day late
        Assert.Equal(0, done.GetProperty("project").GetProperty("overdueMilestones").GetInt32());

        var late = await staff.PostOkAsync($"/api/projects/{id}/blockers", new { kind = "GraveRelocation", ownerUserName = "qiuchuan.staff", dueDate = Today.AddDays(-1), note = "管线经过 3 座坟墓" });
        var soon = await staff.PostOkAsync($"/api/projects/{id}/blockers", new { kind = "Funding", ownerUserName = "qiuchuan.staff", dueDate = Today.AddDays(3), note = "配套资金未到位" });
        Assert.Equal(2, soon.GetProperty("project").GetProperty("openBlockers").GetInt32());

        var list = await staff.GetJsonAsync("/api/projects/blockers");
        var mine = list.GetProperty("items").EnumerateArray().Where(b => b.GetProperty("projectId").GetInt32() == id).ToList();
        Assert.Equal(["管线经过 3 座坟墓", "配套资金未到位"], mine.Select(b => b.GetProperty("note").GetString()));
        Assert.True(list.GetProperty("items")[0].GetProperty("overdue").GetBoolean()); // overdue ones lead the whole list

        var grave = mine[0].GetProperty("id").GetInt32();
        var resolved = await staff.PostOkAsync($"/api/projects/{id}/blockers/{grave}/resolve", new { resolution = "已迁入公墓" });
        Assert.Equal(1, resolved.GetProperty("project").GetProperty("openBlockers").GetInt32());
        Assert.DoesNotContain((await staff.GetJsonAsync("/api/projects/blockers")).GetProperty("items").EnumerateArray(), b => b.GetProperty("id").GetInt32() == grave);

        Assert.Equal(
            ["BlockerResolved", "BlockerAdded", "BlockerAdded", "MilestoneDone", "Reported", "Created"],
            resolved.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        var key = grave.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ProjectBlocker" && a.EntityId == key && a.Action == Core.Audit.AuditAction.Updated)));
    }

    [Fact]
    public async Task An_edit_changes_the_details_and_team_but_not_dates_that_would_leave_a_milestone_outside()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var unit = await app.RegionIdAsync(Places.Qiuchuan);
        var id = (await staff.CreateProjectAsync("球川镇敬老院", unit, ("封顶", 8))).ProjectId();

        var edit = Merge(Body("球川镇敬老院扩建", unit, 260), new { status = "UnderWay", team = Team, version = 1 });
        using var response = await staff.PutAsJsonAsync($"/api/projects/{id}", edit);
        var edited = await response.JsonAsync(HttpStatusCode.OK);

        Assert.Equal(("球川镇敬老院扩建", 260m, "UnderWay"), (edited.GetProperty("project").GetProperty("name").GetString(), edited.GetProperty("project").GetProperty("budget").GetDecimal(), edited.GetProperty("project").GetProperty("status").GetString()));
        Assert.Equal(["球川镇 应华", "球川镇平台 郑强"], edited.GetProperty("team").EnumerateArray().Select(m => m.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("Edited", edited.GetProperty("history")[0].GetProperty("kind").GetString());

        // The milestone is due in eight days: an end in five would leave it outside. A stale version is a conflict.
        using var shorter = await staff.PutAsJsonAsync($"/api/projects/{id}", Merge(edit, new { plannedEndDate = Today.AddDays(5), version = 2 }));
        Assert.Contains("plannedEndDate", (await shorter.ProblemAsync()).Errors().Keys);
        using var stale = await staff.PutAsJsonAsync($"/api/projects/{id}", Merge(edit, new { name = "旧版本", version = 1 }));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("球川镇敬老院扩建", (await staff.GetJsonAsync($"/api/projects/{id}")).GetProperty("project").GetProperty("name").GetString());
    }

    public static TheoryData<string, object, string> BadProjects => new()
    {
        { "negative budget", new { budget = -1m }, "budget" },
        { "spent beyond ten budgets", new { spent = 1001m }, "spent" },
        { "end before start", new { plannedEndDate = Today.AddDays(-11) }, "plannedEndDate" },
        { "progress over 100", new { progress = 101 }, "progress" },
        { "milestone after the end", new { milestones = new[] { new { name = "验收", plannedDate = Today.AddDays(30) } } }, "milestones[0].plannedDate" },
        { "no name", new { name = " " }, "name" },
        { "no type", new { type = (string?)null }, "type" },
    };

    [Theory]
    [MemberData(nameof(BadProjects))]
    public async Task A_project_with_nonsense_is_refused_on_its_field_and_nothing_is_written(string what, object change, string field)
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var body = Merge(Body("坏数据项目 " + what, await app.RegionIdAsync(Places.Qiuchuan)), change);
        var before = await app.WithDbAsync(db => db.Projects.CountAsync());

        using var response = await staff.PostAsJsonAsync("/api/projects", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ProblemAsync()).Errors().Keys);
        Assert.Equal(before, await app.WithDbAsync(db => db.Projects.CountAsync()));
    }

    [Fact]
    public async Task Bad_reports_milestones_and_blockers_are_refused_and_change_nothing()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var id = (await staff.CreateProjectAsync("球川文化广场", await app.RegionIdAsync(Places.Qiuchuan))).ProjectId();
        var events = await app.WithDbAsync(db => db.ProjectEvents.CountAsync(e => e.ProjectId == id));

        (string Url, object Body, string Field)[] bad =
        [
            ($"/api/projects/{id}/report", new { progress = 120 }, "progress"),
            ($"/api/projects/{id}/report", new { progress = -5 }, "progress"),
            ($"/api/projects/{id}/report", new { spent = 5000m }, "spent"),
            ($"/api/projects/{id}/milestones", new { name = "开工前", plannedDate = Today.AddDays(-20) }, "plannedDate"),
            ($"/api/projects/{id}/milestones", new { name = "", plannedDate = Today }, "name"),
            ($"/api/projects/{id}/blockers", new { kind = "LandAcquisition", dueDate = Today.AddDays(3), note = "3 户未签" }, "ownerUserName"),
            ($"/api/projects/{id}/blockers", new { kind = "LandAcquisition", ownerUserName = "qiuchuan.staff", note = "3 户未签" }, "dueDate"),
            ($"/api/projects/{id}/blockers", new { kind = "LandAcquisition", ownerUserName = "nobody.here", dueDate = Today, note = "3 户未签" }, "ownerUserName"),
        ];
        foreach (var (url, body, field) in bad)
        {
            using var response = await staff.PostAsJsonAsync(url, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} {JsonSerializer.Serialize(body)}: {(int)response.StatusCode}");
            Assert.Contains(field, (await response.ProblemAsync()).Errors().Keys);
        }

        var project = await staff.GetJsonAsync($"/api/projects/{id}");
        Assert.Equal((0, 0m), (project.GetProperty("project").GetProperty("progress").GetInt32(), project.GetProperty("project").GetProperty("spent").GetDecimal()));
        Assert.Empty(project.GetProperty("milestones").EnumerateArray());
        Assert.Empty(project.GetProperty("blockers").EnumerateArray());
        Assert.Equal(events, await app.WithDbAsync(db => db.ProjectEvents.CountAsync(e => e.ProjectId == id)));
    }

    [Fact]
    public async Task Another_townships_cadre_gets_404_for_a_project_as_for_a_missing_one_and_changes_nothing()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var created = await staff.CreateProjectAsync("球川老街立面", await app.RegionIdAsync(Places.Qiuchuan), ("立面", 3));
        var id = created.ProjectId();
        var cadre = await app.SessionAsync("mengqiao.cadre");

        foreach (var (method, url, body) in new (string, string, object?)[]
        {
            ("GET", $"/api/projects/{id}", null),
            ("PUT", $"/api/projects/{id}", Body("被改名", await app.RegionIdAsync(Places.Mengqiao))),
            ("POST", $"/api/projects/{id}/report", new { progress = 90 }),
            ("POST", $"/api/projects/{id}/milestones/{created.MilestoneId("立面")}/done", new { }),
            ("POST", $"/api/projects/{id}/blockers", new { kind = "Other", ownerUserName = "mengqiao.cadre", dueDate = Today, note = "越权" }),
        })
        {
            using var response = await cadre.SendJsonAsync(new HttpMethod(method), url, body);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url}: {(int)response.StatusCode}");
        }

        Assert.Empty((await cadre.GetJsonAsync($"/api/projects?regionId={await app.RegionIdAsync(Places.Qiuchuan)}")).GetProperty("items").EnumerateArray());
        Assert.DoesNotContain((await cadre.GetJsonAsync("/api/projects")).GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetInt32() == id);
        var after = await staff.GetJsonAsync($"/api/projects/{id}");
        Assert.Equal(("球川老街立面", 0), (after.GetProperty("project").GetProperty("name").GetString(), after.GetProperty("project").GetProperty("progress").GetInt32()));
        Assert.Single(after.GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task A_village_cadre_runs_their_villages_project_but_officers_and_judges_only_read()
    {
        var cadre = await app.SessionAsync("mengqiao.cadre");
        var id = (await cadre.CreateProjectAsync("濛桥村文化礼堂改造", await app.RegionIdAsync(Places.Mengqiao))).ProjectId();
        await cadre.PostOkAsync($"/api/projects/{id}/report", new { progress = 20 });

        // A project of the township above the village is not the cadre's to see.
        using (var township = await cadre.PostAsJsonAsync("/api/projects", Body("大桥头乡集镇改造", await app.RegionIdAsync(Places.Daqiaotou))))
        {
            Assert.Contains("regionId", (await township.ProblemAsync()).Errors().Keys);
        }

        var judge = await app.SessionAsync("judge");
        Assert.Equal(20, (await judge.GetJsonAsync($"/api/projects/{id}")).GetProperty("project").GetProperty("progress").GetInt32());
        using (var byJudge = await judge.PostAsJsonAsync($"/api/projects/{id}/report", new { progress = 99 }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byJudge.StatusCode);
        }

        var grid = await app.SessionAsync("mengqiao.grid");
        using (var byGrid = await grid.PostAsJsonAsync($"/api/projects/{id}/report", new { progress = 99 }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byGrid.StatusCode);
        }

        Assert.Equal(20, (await cadre.GetJsonAsync($"/api/projects/{id}")).GetProperty("project").GetProperty("progress").GetInt32());
    }

    [Fact]
    public async Task The_boards_sheet_opens_with_a_row_a_project_and_formula_like_text_is_made_inert()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var unit = await app.RegionIdAsync(Places.Qiuchuan);
        await staff.CreateProjectAsync("=HYPERLINK(\"http://x\")", unit, ("节点", -1));
        await staff.CreateProjectAsync("球川镇卫生院扩建", unit);

        using var response = await staff.GetAsync($"/api/projects/export?regionId={unit}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var sheet = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(sheet, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        var board = await staff.GetJsonAsync($"/api/projects?regionId={unit}");
        Assert.Equal(board.GetProperty("total").GetInt32(), rows.Count);
        Assert.Contains(rows, r => (string?)r["项目名称"] == "'=HYPERLINK(\"http://x\")" && Convert.ToInt32(r["逾期里程碑"], System.Globalization.CultureInfo.InvariantCulture) == 1);
        Assert.Contains(rows, r => (string?)r["项目名称"] == "球川镇卫生院扩建" && (string?)r["类型"] == "基础设施" && (string?)r["乡镇"] == "球川镇");
    }

    [Fact]
    public async Task The_contest_indicators_give_each_units_on_time_share_and_progress_against_plan_with_the_projects_behind_them()
    {
        // 青石镇: no other test puts projects there. 新昌乡 has none at all.
        var admin = await app.SessionAsync("admin");
        var qingshi = await app.RegionIdAsync("330822109000");
        var behind = await admin.CreateProjectAsync("赏石日会场", qingshi, ("场馆", -5), ("布展", -4), ("彩排", -3), ("开幕", 5));
        var ahead = await admin.CreateProjectAsync("石文化街区", await app.FirstVillageIdAsync("330822109000"), ("签约", -6));
        var (a, b) = (behind.ProjectId(), ahead.ProjectId());
        await admin.PostOkAsync($"/api/projects/{a}/milestones/{behind.MilestoneId("场馆")}/done", new { doneDate = Today.AddDays(-5) });
        await admin.PostOkAsync($"/api/projects/{a}/milestones/{behind.MilestoneId("布展")}/done", new { doneDate = Today.AddDays(-2) });
        await admin.PostOkAsync($"/api/projects/{b}/milestones/{ahead.MilestoneId("签约")}/done", new { doneDate = Today.AddDays(-6) });
        await admin.PostOkAsync($"/api/projects/{a}/report", new { progress = 30 });
        await admin.PostOkAsync($"/api/projects/{b}/report", new { progress = 60 });

        var sources = app.Services.GetRequiredService<IndicatorSources>();
        var units = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "330822109000" || r.Code == "330822219000")
            .Select(r => new SourceUnit(r.Id, r.RegionPath)).ToListAsync());
        var query = new SourceQuery(units, ChinaTime.StartOf(Today.AddDays(-7)).UtcDateTime, ChinaTime.StartOf(Today.AddDays(1)).UtcDateTime, DateTime.UtcNow);
        var xinchang = await app.RegionIdAsync("330822219000");

        var onTime = await app.WithDbAsync(db => sources.Find("projects.milestones-on-time")!.ComputeAsync(db, query, CancellationToken.None));
        var gap = await app.WithDbAsync(db => sources.Find("projects.progress-vs-plan")!.ComputeAsync(db, query, CancellationToken.None));

        // Four milestones fell due (场馆, 布展, 彩排, 签约); 场馆 and 签约 were done by their day.
        Assert.Equal(50m, onTime[qingshi].Value);
        Assert.Equal([(long)a], onTime[qingshi].Records);
        // Both are planned at 50 % today: 30 − 50 and 60 − 50, a mean of −5; the one behind is listed.
        Assert.Equal(-5m, gap[qingshi].Value);
        Assert.Equal([(long)a], gap[qingshi].Records);
        Assert.Null(onTime[xinchang].Value);
        Assert.Null(gap[xinchang].Value);
        Assert.Equal("project", sources.Find("projects.progress-vs-plan")!.RecordKind);
        var listed = (await admin.GetJsonAsync("/api/contests/sources")).EnumerateArray().Select(s => s.GetProperty("code").GetString()).ToList();
        Assert.Contains("projects.milestones-on-time", listed);
        Assert.Contains("projects.progress-vs-plan", listed);
    }

    [Fact]
    public async Task A_contest_sheet_explains_a_gap_in_progress_against_plan_with_links_to_the_projects_behind_it()
    {
        var (mengqiao, kenong) = (await app.RegionIdAsync(Places.Mengqiao), await app.RegionIdAsync(Places.Kenong));
        var week = Contests.ContestCalls.LastWeek;
        // Set up a month ago; 客弄's never reported beyond 0 %, 濛桥's reported 90 % three weeks ago.
        var behind = await PastProjectAsync(kenong, "客弄村游步道", 0);
        await PastProjectAsync(mengqiao, "濛桥村滨水绿道", 90);
        var admin = await app.SessionAsync("admin");
        var contest = await Contests.ContestCalls.CreateAsync(admin, await app.RegionIdAsync(Places.Daqiaotou), new
        {
            name = "项目推进比拼",
            periodKind = "Week",
            participantIds = new[] { mengqiao, kenong },
            indicators = new[] { Contests.ContestCalls.Indicator("项目进度差", 100m, "projects.progress-vs-plan") },
        });
        var sheet = await Contests.ContestCalls.ComputeAsync(admin, contest, week);

        var explain = await admin.GetJsonAsync($"/api/contests/{contest}/sheets/{sheet.GetProperty("id").GetInt32()}/explain?a={kenong}&b={mengqiao}");

        var part = Assert.Single(explain.GetProperty("parts").EnumerateArray());
        var record = Assert.Single(part.GetProperty("recordsA").EnumerateArray());
        Assert.Equal(($"/projects/{behind}", "客弄村游步道"), (record.GetProperty("url").GetString(), record.GetProperty("label").GetString()));
        Assert.Empty(part.GetProperty("recordsB").EnumerateArray());
        Assert.Equal("进度落后于计划的项目", part.GetProperty("recordsAre").GetString());
    }

    // A project of the village set up thirty days ago for sixty days, with its progress reported twenty days ago.
    private Task<int> PastProjectAsync(int village, string name, int progress) => app.WithDbAsync(async db =>
    {
        var region = await db.Regions.SingleAsync(r => r.Id == village);
        var created = DateTime.UtcNow.AddDays(-30);
        var project = new Core.Projects.Project
        {
            Name = name,
            Type = Core.Projects.ProjectType.Infrastructure,
            Region = region,
            RegionPath = region.RegionPath,
            LeadName = "村支书",
            Budget = 50,
            StartDate = Today.AddDays(-30),
            PlannedEndDate = Today.AddDays(30),
            Progress = progress,
            Status = Core.Projects.ProjectStatus.UnderWay,
            CreatedAtUtc = created,
            Version = 1,
        };
        db.Projects.Add(project);
        db.ProjectEvents.Add(new Core.Projects.ProjectEvent { Project = project, AtUtc = created, Kind = Core.Projects.ProjectEventKind.Created, Progress = 0, ActorName = "system", RegionPath = region.RegionPath });
        db.ProjectEvents.Add(new Core.Projects.ProjectEvent { Project = project, AtUtc = created.AddDays(10), Kind = Core.Projects.ProjectEventKind.Reported, Progress = progress, ActorName = "system", RegionPath = region.RegionPath });
        await db.SaveChangesAsync();
        return project.Id;
    });

    // The body with the given fields replaced (anonymous objects cannot be changed in place).
    private static Dictionary<string, object?> Merge(object body, object change)
    {
        var merged = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(body))!;
        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(change))!)
        {
            merged[key] = value;
        }

        return merged;
    }
}
