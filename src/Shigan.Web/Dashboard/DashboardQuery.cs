using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Core.Projects;
using Shigan.Data;
using Shigan.Data.Cases;
using Shigan.Web.Access;
using Shigan.Web.Campaigns;
using Shigan.Web.Cases;
using Shigan.Web.Contests;
using Shigan.Web.Projects;
using Shigan.Web.Services.Applications;

namespace Shigan.Web.Dashboard;

/// <summary>
/// The dashboard's figures for the actor's unit. Case figures of a county or a township come from the counters kept in
/// the same transaction as each change (<see cref="CaseCounters"/>): a few hundred rows whatever the number of cases.
/// Below a township (a village sees its own, a few thousand cases at most) they are counted from the cases. Late cases
/// depend on the hour: they are read from the index of open cases by deadline.
/// </summary>
public static class DashboardQuery
{
    public const int Days = 30;
    public const int TripDays = 90;
    public const int LeagueRows = 5;
    public const int ProjectRows = 5;

    public static async Task<DashboardView> RunAsync(ShiganDb db, CurrentActor actor, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var scope = db.Actor.Scope;
        var unit = await db.Regions.AsNoTracking().Where(r => r.RegionPath == scope.Prefix).Select(r => new { r.Code, r.Name }).FirstOrDefaultAsync(ct);
        var today = ChinaTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero));
        var counted = RegionPaths.Depth(scope.Prefix) <= 2;
        var cells = counted ? await CellsFromCountersAsync(db, scope, ct) : await CellsFromCasesAsync(db, ct);
        var daily = counted ? await DaysFromCountersAsync(db, scope, today, ct) : await DaysFromCasesAsync(db, today, ct);
        var trips = await ApplicationFigureQueries.OverallAsync(db, actor, new FigurePeriod(today.AddDays(-(TripDays - 1)), today), ct);
        return new DashboardView(
            unit?.Code ?? "",
            unit?.Name ?? "",
            cells.Sum(c => c.Count),
            cells,
            await LateAsync(db, scope, nowUtc, ct),
            daily,
            new TripFigures(TripDays, trips.Applications, trips.AverageTrips, trips.ShareInOneTrip, "/services/figures"),
            await CampaignsAsync(db, today, ct),
            await LeaguesAsync(db, ct),
            await ProjectsAsync(db, today, ct));
    }

    /// <summary>
    /// The board's figures (the database's filter keeps them to the actor's unit) counted by the database: the held
    /// projects' plan figures (a few columns of each), the overdue milestones and open blockers as counts. The board
    /// reads every project with all its milestones and blockers, which a city's dashboard must not.
    /// </summary>
    private static async Task<ProjectSummary> ProjectsAsync(ShiganDb db, DateOnly today, CancellationToken ct)
    {
        var held = (await db.Projects.AsNoTracking()
            .Where(p => p.Status == ProjectStatus.Planned || p.Status == ProjectStatus.UnderWay)
            .Select(p => new { p.Id, p.Name, Unit = p.Region!.Name, p.Progress, p.StartDate, p.PlannedEndDate })
            .ToListAsync(ct))
            .Select(p =>
            {
                var planned = ProjectRules.PlannedProgress(p.StartDate, p.PlannedEndDate, today);
                return new { p.Id, p.Name, p.Unit, p.Progress, Planned = planned, Gap = Math.Round(p.Progress - planned, 1) };
            })
            .ToList();
        var behind = held.Where(p => p.Gap < -ProjectRow.BehindPoints).ToList();
        var overdueMilestones = await db.ProjectMilestones.AsNoTracking().CountAsync(m => m.DoneDate == null && m.PlannedDate < today, ct);
        var openBlockers = await db.ProjectBlockers.AsNoTracking().CountAsync(b => b.Status == BlockerStatus.Open, ct);
        return new ProjectSummary(
            held.Count,
            behind.Count,
            overdueMilestones,
            openBlockers,
            [.. behind.OrderBy(p => p.Gap).ThenBy(p => p.Id).Take(ProjectRows)
                .Select(p => new ProjectProgress(p.Id, p.Name, p.Unit, p.Progress, p.Planned, $"/projects/{p.Id}"))],
            "/projects",
            "/projects/blockers");
    }

    /// <summary>The work list of the cases on a platform in a status.</summary>
    public static string CasesLink(Platform platform, CaseStatus status) => $"/cases?platform={platform}&status={status}";

    /// <summary>The work list of a unit's late cases.</summary>
    public static string LateLink(int regionId) => $"/cases?late=true&unit={regionId}";

    private static async Task<List<CaseCell>> CellsFromCountersAsync(ShiganDb db, RegionScope scope, CancellationToken ct)
    {
        string start = scope.RangeStart, end = scope.RangeEnd;
#pragma warning disable CA1309 // translated to SQL's >= and <, in the column's bytewise collation
        var rows = await db.CaseCounts.AsNoTracking()
            .Where(c => string.Compare(c.TownshipPath, start) >= 0 && string.Compare(c.TownshipPath, end) < 0)
#pragma warning restore CA1309
            .GroupBy(c => new { c.Platform, c.Status })
            .Select(g => new { g.Key.Platform, g.Key.Status, Count = g.Sum(c => c.Count) })
            .ToListAsync(ct);
        return Cells(rows.Select(r => (r.Platform, r.Status, r.Count)));
    }

    private static async Task<List<CaseCell>> CellsFromCasesAsync(ShiganDb db, CancellationToken ct)
    {
        var rows = await db.Cases.AsNoTracking().GroupBy(c => new { c.Platform, c.Status })
            .Select(g => new { g.Key.Platform, g.Key.Status, Count = g.LongCount() }).ToListAsync(ct);
        return Cells(rows.Select(r => (r.Platform, r.Status, r.Count)));
    }

    private static List<CaseCell> Cells(IEnumerable<(Platform Platform, CaseStatus Status, long Count)> rows) =>
        [.. rows.Where(r => r.Count != 0).OrderBy(r => r.Platform).ThenBy(r => r.Status)
            .Select(r => new CaseCell(r.Platform, r.Status, r.Count, CasesLink(r.Platform, r.Status)))];

    private static async Task<List<DayCount>> DaysFromCountersAsync(ShiganDb db, RegionScope scope, DateOnly today, CancellationToken ct)
    {
        string start = scope.RangeStart, end = scope.RangeEnd;
        var first = today.AddDays(-(Days - 1));
#pragma warning disable CA1309 // translated to SQL's >= and <, in the column's bytewise collation
        var rows = await db.CaseDayCounts.AsNoTracking()
            .Where(c => c.Day >= first && c.Day <= today && string.Compare(c.TownshipPath, start) >= 0 && string.Compare(c.TownshipPath, end) < 0)
#pragma warning restore CA1309
            .GroupBy(c => c.Day)
            .Select(g => new { Day = g.Key, Count = g.Sum(c => c.Count) })
            .ToDictionaryAsync(r => r.Day, r => r.Count, ct);
        return Series(first, d => rows.GetValueOrDefault(d));
    }

    private static async Task<List<DayCount>> DaysFromCasesAsync(ShiganDb db, DateOnly today, CancellationToken ct)
    {
        var first = today.AddDays(-(Days - 1));
        var from = ChinaTime.StartOf(first).UtcDateTime;
        var reported = await db.Cases.AsNoTracking().Where(c => c.ReportedAtUtc >= from).Select(c => c.ReportedAtUtc).ToListAsync(ct);
        var byDay = reported.GroupBy(at => ChinaTime.DateOf(new DateTimeOffset(at, TimeSpan.Zero))).ToDictionary(g => g.Key, g => (long)g.Count());
        return Series(first, d => byDay.GetValueOrDefault(d));
    }

    private static List<DayCount> Series(DateOnly first, Func<DateOnly, long> count) =>
        [.. Enumerable.Range(0, Days).Select(i => first.AddDays(i)).Select(d => new DayCount(d, count(d)))];

    /// <summary>
    /// Late cases by the units one level below the actor's (a case at the actor's unit itself counts under it). Read by
    /// deadline from the index of open cases (IX_Cases_OpenDeadline), which holds the path: no case row is visited.
    /// </summary>
    private static async Task<List<LateUnit>> LateAsync(ShiganDb db, RegionScope scope, DateTime nowUtc, CancellationToken ct)
    {
        var byPath = await db.Cases.AsNoTracking()
            .Where(c => CaseQueries.Open.Contains(c.Status) && c.DeadlineUtc < nowUtc)
            .GroupBy(c => c.RegionPath)
            .Select(g => new { Path = g.Key, Count = g.LongCount() })
            .ToListAsync(ct);
        var depth = RegionPaths.Depth(scope.Prefix) + 1;
        var byUnit = byPath.GroupBy(p => Prefix(p.Path, depth)).ToDictionary(g => g.Key, g => g.Sum(p => p.Count), StringComparer.Ordinal);
        var paths = byUnit.Keys.ToList();
        var units = await db.Regions.AsNoTracking().Where(r => paths.Contains(r.RegionPath)).Select(r => new { r.Id, r.Name, r.RegionPath }).ToListAsync(ct);
        return [.. units.Select(u => new LateUnit(u.Id, u.Name, byUnit[u.RegionPath], LateLink(u.Id)))
            .OrderByDescending(u => u.Count).ThenBy(u => u.Name, StringComparer.Ordinal)];
    }

    // The first `depth` steps of a path (the whole path when it is shorter).
    private static string Prefix(string path, int depth)
    {
        var end = -1;
        for (var i = 0; i < depth; i++)
        {
            var next = path.IndexOf(RegionPaths.Separator, end + 1);
            if (next < 0)
            {
                return path;
            }

            end = next;
        }

        return path[..(end + 1)];
    }

    /// <summary>
    /// Campaigns under way (started, and not past their target date unless unfinished): per stage, the share of the
    /// targets at it or beyond, as the campaign's page counts them (its overview also builds the daily series, which the
    /// dashboard does not need: one count of the targets by stage instead).
    /// </summary>
    private static async Task<List<CampaignProgress>> CampaignsAsync(ShiganDb db, DateOnly today, CancellationToken ct)
    {
        var result = new List<CampaignProgress>();
        foreach (var campaign in (await CampaignCommands.ListAsync(db, null, ct)).Where(c => c.StartDate <= today))
        {
            var leaf = CampaignTemplates.Layout(campaign.Layout).Leaf;
            var byStage = await db.CampaignTargets.AsNoTracking().Where(t => t.CampaignId == campaign.Id && t.Level == leaf)
                .GroupBy(t => t.Stage).Select(g => new { Stage = g.Key, Count = g.Count() }).ToListAsync(ct);
            var total = byStage.Sum(s => s.Count);
            var reached = campaign.Stages.Select((_, i) => byStage.Where(s => s.Stage >= i + 1).Sum(s => s.Count)).ToList();
            if (campaign.TargetDate < today && total > 0 && reached.Count > 0 && reached[^1] >= total)
            {
                continue;
            }

            result.Add(new CampaignProgress(campaign.Id, campaign.Name, total,
                [.. campaign.Stages.Select((s, i) => new StageShare(s, reached[i], total == 0 ? 0 : reached[i] / (double)total))],
                $"/campaigns/{campaign.Id}"));
        }

        return result;
    }

    private static async Task<List<LeagueTable>> LeaguesAsync(ShiganDb db, CancellationToken ct) =>
        [.. (await ContestQueries.ArenaAsync(db, ct)).Select(b => new LeagueTable(
            b.ContestId, b.ContestName, b.Label, b.SheetId, b.Rows.Count,
            [.. b.Rows.Take(LeagueRows).Select(r => new LeagueRow(r.Rank, r.UnitName, r.Total, r.RankChange))],
            $"/contests/{b.ContestId}/sheets/{b.SheetId}"))];
}
