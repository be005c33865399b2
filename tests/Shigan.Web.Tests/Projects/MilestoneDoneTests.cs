using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shigan.Core.Cases;
using Shigan.Core.Contests;
using Shigan.Data.Contests;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Support.ProjectCalls;

namespace Shigan.Web.Tests.Projects;

/// <summary>
/// A milestone's "done" as it is entered in real life: finished on its day and entered the next morning, it is done
/// on that day and on time, for the project and for the contest indicator; marked done by mistake, it is undone,
/// the undo in the history and the audit, and undoing what is not done is refused.
/// </summary>
public sealed class MilestoneDoneTests : IClassFixture<ClockedApp>
{
    // Tuesday 24 November 2026, 08:30 in Changshan: the morning after the milestones' day.
    private static readonly DateTimeOffset Morning = new(2026, 11, 24, 8, 30, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Yesterday = new(2026, 11, 23);

    private readonly ClockedApp app;

    public MilestoneDoneTests(ClockedApp app)
    {
        this.app = app;
        app.Clock.Now = Morning;
    }

    private async Task<(HttpClient Staff, int Project, Func<string, int> Milestone)> ProjectAsync(string name, params string[] milestones)
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        using var response = await staff.PostAsJsonAsync("/api/projects", new
        {
            name,
            type = "Infrastructure",
            regionId = await app.RegionIdAsync(Places.Qiuchuan),
            leadName = "应华",
            budget = 100,
            startDate = Yesterday.AddDays(-20),
            plannedEndDate = Yesterday.AddDays(20),
            milestones = milestones.Select(m => new { name = m, plannedDate = Yesterday }).ToArray(),
        });
        var created = await response.JsonAsync(HttpStatusCode.Created);
        return (staff, created.ProjectId(), m => created.MilestoneId(m));
    }

    [Fact]
    public async Task A_milestone_done_on_its_day_and_entered_next_morning_is_on_time_and_counts_so_in_the_contest()
    {
        var (staff, id, milestone) = await ProjectAsync("球川镇农贸市场改造", "主体完工");

        var done = await staff.PostOkAsync($"/api/projects/{id}/milestones/{milestone("主体完工")}/done", new { doneDate = Yesterday });

        var row = done.GetProperty("milestones")[0];
        Assert.Equal(("2026-11-23", true, false), (row.GetProperty("doneDate").GetString(), row.GetProperty("onTime").GetBoolean(), row.GetProperty("overdue").GetBoolean()));
        var sources = app.Services.GetRequiredService<IndicatorSources>();
        var township = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == Places.Qiuchuan).Select(r => new SourceUnit(r.Id, r.RegionPath)).SingleAsync());
        var query = new SourceQuery([township], ChinaTime.StartOf(Yesterday.AddDays(-6)).UtcDateTime, ChinaTime.StartOf(Yesterday.AddDays(1)).UtcDateTime, Morning.UtcDateTime);
        var onTime = await app.WithDbAsync(db => sources.Find("projects.milestones-on-time")!.ComputeAsync(db, query, CancellationToken.None));
        Assert.Equal(100m, onTime[township.RegionId].Value);
    }

    [Fact]
    public async Task A_done_marked_by_mistake_is_undone_in_the_history_and_the_audit_and_only_once()
    {
        var (staff, id, milestone) = await ProjectAsync("球川镇停车场", "场地平整");
        var key = milestone("场地平整");
        await staff.PostOkAsync($"/api/projects/{id}/milestones/{key}/done", new { });

        var judge = await app.SessionAsync("judge");
        using (var byJudge = await judge.PostAsync($"/api/projects/{id}/milestones/{key}/reopen", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byJudge.StatusCode);
        }

        var undone = await staff.PostOkAsync($"/api/projects/{id}/milestones/{key}/reopen", new { });

        var row = undone.GetProperty("milestones")[0];
        Assert.Equal((JsonValueKind.Null, true), (row.GetProperty("doneDate").ValueKind, row.GetProperty("overdue").GetBoolean()));
        Assert.Equal(0, undone.GetProperty("project").GetProperty("milestonesDone").GetInt32());
        var history = undone.GetProperty("history").EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("detail").GetString())).ToList();
        Assert.Equal(("MilestoneReopened", "场地平整 · 2026-11-24"), history[0]);
        Assert.Equal("MilestoneDone", history[1].Item1);
        var entity = key.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "ProjectMilestone" && a.EntityId == entity && a.Action == Core.Audit.AuditAction.Updated)));

        var events = await app.WithDbAsync(db => db.ProjectEvents.CountAsync(e => e.ProjectId == id));
        using var again = await staff.PostAsync($"/api/projects/{id}/milestones/{key}/reopen", null);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("doneDate", (await again.ProblemAsync()).Errors().Keys);
        Assert.Equal(events, await app.WithDbAsync(db => db.ProjectEvents.CountAsync(e => e.ProjectId == id)));
    }
}
