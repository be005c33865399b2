using System.Net;
using Microsoft.AspNetCore.Hosting;
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
/// Deadline supervision (督办) on two app hosts started on one database, as two instances behind a proxy run it: both
/// loop their passes at the same moments over many late cases while an officer works some of them, and every late case
/// still gets exactly one history entry per level.
/// </summary>
public sealed class SupervisionInstancesTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private const int LateCases = 120;
    private const int PassesPerHost = 3;

    /// <summary>One pass as an instance's job runs it: its own scope and context on that host, as the system.</summary>
    private static async Task<int> PassAsync(IServiceProvider host, WorkingCalendar calendar, DateTimeOffset now)
    {
        await using var scope = host.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
        return await SupervisionRun.RunOnceAsync(scope.ServiceProvider.GetRequiredService<ShiganDb>(), calendar, now);
    }

    /// <summary>Each host runs two job loops at once (as after a restart overlapping the timer), each loop several passes.</summary>
    private static async Task<int> BothHostsAsync(IServiceProvider first, IServiceProvider second, WorkingCalendar calendar, DateTimeOffset now)
    {
        async Task<int> LoopAsync(IServiceProvider host)
        {
            var raised = 0;
            for (var i = 0; i < PassesPerHost; i++)
            {
                raised += await PassAsync(host, calendar, now);
            }

            return raised;
        }

        var counts = await Task.WhenAll(
            Task.Run(() => LoopAsync(first)), Task.Run(() => LoopAsync(second)), Task.Run(() => LoopAsync(first)), Task.Run(() => LoopAsync(second)));
        return counts.Sum();
    }

    /// <summary>The officer starts a case at its current version, reading it again when a pass changed it first (409).</summary>
    private static async Task StartAsync(HttpClient officer, long id)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var version = (await officer.CaseAsync(id)).GetProperty("version").GetInt32();
            using var response = await officer.ActRawAsync(id, new { action = "Start", version });
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        }

        Assert.Fail($"case {id} could not be started in 20 attempts");
    }

    [Fact]
    public async Task Two_hosts_looping_passes_at_once_over_many_late_cases_raise_each_exactly_once_per_level()
    {
        await using var secondHost = new HostOn(app.Connection, migrateAndSeed: false);
        // The second host's own timer stays off: it would run at today's date, not at the test's moments.
        var second = secondHost.WithWebHostBuilder(b => b.UseSetting("Cases:SupervisionMinutes", "0")).Services;
        var window = await app.SessionAsync("qiuchuan.window");
        var officer = await app.SessionAsync("qiuchuan.officer");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var calendar = await app.SeededCalendarAsync();

        var deadline = new DateTimeOffset(2026, 3, 2, 17, 30, 0, TimeSpan.FromHours(8));
        var leaderTime = Supervision.TownshipLeaderFrom(deadline, calendar).AddHours(10);
        var countyTime = Supervision.CountyFrom(deadline, calendar).AddHours(10);

        var late = new List<long>();
        for (var i = 0; i < LateCases; i++)
        {
            late.Add(await window.ReportIdAsync(CaseCalls.Report(village, "SC01", $"逾期事件 {i}")));
        }

        var utc = deadline.UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            foreach (var c in await db.Cases.Where(c => late.Contains(c.Id)).ToListAsync())
            {
                c.DeadlineUtc = utc;
            }

            return await db.SaveChangesAsync();
        });

        // While both hosts raise the cases to the township leader, the officer starts every tenth one: a pass that loses
        // the race to the officer skips that case, and a later pass raises it (one more round after the officer is done,
        // in case the race fell on the last passes).
        var passes = BothHostsAsync(app.Services, second, calendar, leaderTime);
        await Task.WhenAll(late.Where((_, i) => i % 10 == 0).Select(id => StartAsync(officer, id)));
        Assert.Equal(LateCases, await passes + await BothHostsAsync(app.Services, second, calendar, leaderTime));

        Assert.Equal(LateCases, await BothHostsAsync(app.Services, second, calendar, countyTime));
        Assert.Equal(0, await BothHostsAsync(app.Services, second, calendar, countyTime.AddDays(30)));

        var levels = await app.WithDbAsync(db => db.CaseEvents.AsNoTracking()
            .Where(e => e.Kind == CaseEventKind.Supervised && late.Contains(e.CaseId))
            .OrderBy(e => e.Id).Select(e => new { e.CaseId, e.Supervision }).ToListAsync());
        foreach (var id in late)
        {
            Assert.Equal([SupervisionLevel.TownshipLeader, SupervisionLevel.County], levels.Where(l => l.CaseId == id).Select(l => l.Supervision));
        }

        var stored = await app.WithDbAsync(db => db.Cases.AsNoTracking().Where(c => late.Contains(c.Id)).Select(c => c.Supervision).ToListAsync());
        Assert.All(stored, level => Assert.Equal(SupervisionLevel.County, level));
    }
}
