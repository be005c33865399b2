using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shigan.Core.Cases;
using Shigan.Data;
using Shigan.Testing;
using Shigan.Web.Access;
using Shigan.Web.Cases;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases;

/// <summary>
/// Deadline supervision (督办) run by two instances at once against one database: each late case is raised to the
/// township leader once, then to the county once; nothing else is touched.
/// </summary>
public sealed class SupervisionTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    /// <summary>One pass as an instance's job runs it: its own scope, its own context, as the system.</summary>
    private async Task<int> PassAsync(WorkingCalendar calendar, DateTimeOffset now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
        return await SupervisionRun.RunOnceAsync(scope.ServiceProvider.GetRequiredService<ShiganDb>(), calendar, now);
    }

    private async Task<int> TwoInstancesAsync(WorkingCalendar calendar, DateTimeOffset now)
    {
        var raised = await Task.WhenAll(Task.Run(() => PassAsync(calendar, now)), Task.Run(() => PassAsync(calendar, now)));
        return raised.Sum();
    }

    [Fact]
    public async Task Two_passes_at_once_raise_each_late_case_once_to_the_township_leader_and_later_once_to_the_county()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var officer = await app.SessionAsync("qiuchuan.officer");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var calendar = await app.SeededCalendarAsync();

        // The deadline: Monday 2 March 2026, 17:30 in Changshan; the passes run after it, by the seeded calendar.
        var deadline = new DateTimeOffset(2026, 3, 2, 17, 30, 0, TimeSpan.FromHours(8));
        var leaderTime = Supervision.TownshipLeaderFrom(deadline, calendar).AddHours(10);
        var countyTime = Supervision.CountyFrom(deadline, calendar).AddHours(10);
        Assert.True(leaderTime < Supervision.CountyFrom(deadline, calendar));

        var late = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            late.Add(await window.ReportIdAsync(CaseCalls.Report(village, "SC01", $"逾期事件 {i}")));
        }

        await officer.ActAsync(late[2], "Start");
        var onTime = await window.ReportIdAsync(CaseCalls.Report(village, "SC01", "未逾期"));
        var closed = await window.ReportIdAsync(CaseCalls.Report(village, "SC01", "已办结"));
        await officer.ActAsync(closed, "Start");
        await officer.ActAsync(closed, "Resolve", new { note = "已处理" });
        await window.ActAsync(closed, "Rate", new { rating = "Satisfied" });
        var rejected = await window.ReportIdAsync(CaseCalls.Report(village, "SC01", "不予受理"));
        await officer.ActAsync(rejected, "Return", new { reason = "非本所职责" });
        await officer.ActAsync(rejected, "Reject", new { reason = "不属于受理范围" });
        foreach (var id in late.Append(closed).Append(rejected))
        {
            await app.SetDeadlineAsync(id, deadline);
        }

        await app.SetDeadlineAsync(onTime, countyTime.AddDays(90));
        var untouched = new[] { onTime, closed, rejected };
        var untouchedBefore = await LinesAsync(untouched);

        var raisedToLeader = await TwoInstancesAsync(calendar, leaderTime);
        foreach (var id in late)
        {
            var c = await app.StoredCaseAsync(id);
            Assert.True(c.Supervision == SupervisionLevel.TownshipLeader, $"case {id} of {string.Join(",", late)} is at {c.Supervision} after the first passes");
            var supervised = Assert.Single(c.Events, e => e.Kind == CaseEventKind.Supervised);
            Assert.Equal((SupervisionLevel.TownshipLeader, SupervisionRun.Supervisor), (supervised.Supervision, supervised.ActorName));
        }

        // What the passes report (the job logs it) is what they did.
        Assert.Equal(late.Count, raisedToLeader);

        Assert.Equal(0, await TwoInstancesAsync(calendar, leaderTime));

        Assert.Equal(late.Count, await TwoInstancesAsync(calendar, countyTime));
        foreach (var id in late)
        {
            var c = await app.StoredCaseAsync(id);
            Assert.Equal(SupervisionLevel.County, c.Supervision);
            var levels = c.Events.Where(e => e.Kind == CaseEventKind.Supervised).Select(e => e.Supervision).ToList();
            Assert.Equal([SupervisionLevel.TownshipLeader, SupervisionLevel.County], levels);
        }

        Assert.Equal(0, await TwoInstancesAsync(calendar, countyTime.AddDays(30)));
        Assert.Equal(untouchedBefore, await LinesAsync(untouched));
        Assert.Equal(late.Count * 2, await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.Kind == CaseEventKind.Supervised)));
    }

    private async Task<List<string>> LinesAsync(long[] ids)
    {
        var lines = new List<string>();
        foreach (var id in ids)
        {
            var c = await app.StoredCaseAsync(id);
            lines.Add(CaseCalls.CaseLine(c));
            lines.AddRange(c.Events.Select(CaseCalls.EventLine));
        }

        return lines;
    }
}
