using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Data;

namespace Shigan.Web.Campaigns;

/// <summary>
/// The campaign page's figures, over the targets the caller sees: counts per stage, unit, team and building, the
/// burn-up series, a forecast per stage, the targets stuck longest in each stage and the teams ranked. Counters kept by
/// every save do the counting (targets by building, unit, team and stage, see <see cref="TargetCount"/>; the moves by
/// day, see <see cref="StageDayCount"/>), so the page reads some thousands of rows whether a campaign has 2,000
/// households or 100,000 and a year of moves.
/// </summary>
public static class CampaignOverviewQuery
{
    /// <summary>The targets stuck longest shown per stage not done (the issue: "in each stage").</summary>
    public const int StuckShown = 5;

    /// <summary>The buildings furthest behind shown with the figures; the rest are paged (<see cref="BuildingProgressQuery"/>).</summary>
    public const int BehindShown = 20;

    public static async Task<CampaignOverview?> RunAsync(ShiganDb db, int campaignId, DateTime nowUtc, CancellationToken ct = default)
    {
        var campaign = await CampaignCommands.GetAsync(db, campaignId, ct);
        if (campaign is null)
        {
            return null;
        }

        var stageCount = campaign.Stages.Count;
        var layout = CampaignTemplates.Layout(campaign.Layout);
        var leaf = layout.Leaf;
        // The caller's scope as the query filter has it, compared past the path index (`|| ''`): with statistics
        // (the app runs PRAGMA optimize), SQLite takes a county-wide range of that index for selective and reads every
        // target through it. The campaign's own indexes below carry the path, or a few rows are looked up.
        var (scopeStart, scopeEnd) = (db.Actor.Scope.RangeStart, db.Actor.Scope.RangeEnd);
#pragma warning disable CA1309 // translated to SQL's >= and <, the bytewise order of the query filter
        var targets = db.CampaignTargets.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.CampaignId == campaignId && string.Compare(t.RegionPath + "", scopeStart) >= 0 && string.Compare(t.RegionPath + "", scopeEnd) < 0);
        var counters = db.StageDayCounts.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.CampaignId == campaignId && string.Compare(c.RegionPath + "", scopeStart) >= 0 && string.Compare(c.RegionPath + "", scopeEnd) < 0);
#pragma warning restore CA1309
        var counts = BuildingProgressQuery.Counts(db, campaignId);
        var leaves = targets.Where(t => t.Level == leaf);
        // The counts per building, unit, team and stage are counters kept by every save (TargetCounts): some
        // thousands of rows, where grouping the households reads all 100,000 of them; summed over the buildings in SQL,
        // a row per unit, team and stage is left (the buildings come a page at a time, the furthest behind here).
        var cells = await counts.Where(c => c.Level == leaf && c.Count != 0)
            .GroupBy(c => new { c.RegionId, c.TeamId, c.Stage })
            .Select(g => new Cell(g.Key.RegionId, g.Key.TeamId == 0 ? null : g.Key.TeamId, g.Key.Stage, g.Sum(c => c.Count), g.Sum(c => c.People)))
            .ToListAsync(ct);
        // Stage by stage (all but the last, done), each the first few in the (CampaignId, Level, Stage, StageSinceUtc)
        // index: a few rows read per stage, where one query over all unfinished stages sorts every unfinished household.
        // All are kept: the longest overall would be all of 未开始 while the later stages have theirs.
        var stuckRows = new List<StuckRow>();
        for (var stage = 0; stage < stageCount; stage++)
        {
            var at = stage;
            stuckRows.AddRange(await leaves.Where(t => t.Stage == at)
                .OrderBy(t => t.StageSinceUtc).ThenBy(t => t.Id).Take(StuckShown)
                .Select(t => new StuckRow(t.Id, t.Name, t.ParentId, t.RegionId, t.TeamId, t.Stage, t.StageSinceUtc))
                .ToListAsync(ct));
        }

        var groupNames = await BuildingProgressQuery.NamesAsync(db, campaignId, stuckRows.Where(t => t.ParentId is not null).Select(t => t.ParentId!.Value), ct);
        var behind = await BuildingProgressQuery.PageAsync(db, campaignId, leaf, stageCount, BuildingSort.Behind, 1, BehindShown, ct);
        var teams = await db.CampaignTeams.AsNoTracking().Where(t => t.CampaignId == campaignId).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var unitIds = cells.Select(c => c.RegionId).Distinct().ToList();
        // The units' names only: the targets counted are already the caller's own.
        var unitNames = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => unitIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var changes = await counters
            .GroupBy(c => new { c.Day, c.FromStage, c.ToStage })
            .Select(g => new { g.Key.Day, g.Key.FromStage, g.Key.ToStage, Count = g.Sum(c => c.Count) })
            .ToListAsync(ct);

        var today = ChinaTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero));
        // The chart runs from the start to today; a campaign long over stops a year after its target date.
        var end = today < campaign.StartDate ? campaign.StartDate : today;
        end = end > campaign.TargetDate.AddDays(365) ? campaign.TargetDate.AddDays(365) : end;
        var series = ProgressSeries.FromChanges(
            changes.Select(c => new StageChange(c.Day, c.FromStage, c.ToStage, c.Count)), stageCount, campaign.StartDate, end);
        var total = cells.Sum(c => c.Count);
        var reached = Enumerable.Range(1, stageCount).Select(s => cells.Where(c => c.Stage >= s).Sum(c => c.Count)).ToList();
        var forecasts = series.Select(s => CompletionForecast.Of(s, total, campaign.TargetDate)).ToList();

        string GroupName(long? parentId) => parentId is { } p ? groupNames.GetValueOrDefault(p, "—") : "—";
        string UnitName(int regionId) => unitNames.GetValueOrDefault(regionId, "?");

        var days = series.Count == 0 ? [] : series[0].Select(p => p.Date).ToList();
        var span = Math.Max(1, campaign.TargetDate.DayNumber - campaign.StartDate.DayNumber + 1);
        var plan = days.Select(d => (int)Math.Round(total * Math.Min(1.0, (d.DayNumber - campaign.StartDate.DayNumber + 1) / (double)span))).ToList();

        return new CampaignOverview(
            campaign,
            today,
            total,
            cells.Sum(c => c.People),
            reached,
            forecasts,
            Progress(cells.GroupBy(c => UnitName(c.RegionId)), stageCount),
            Progress(cells.Where(c => c.TeamId is not null).GroupBy(c => teams.GetValueOrDefault(c.TeamId!.Value, "?")), stageCount),
            behind.Items,
            behind.Total,
            [.. stuckRows.Select(t => new StuckTarget(
                t.Id, t.Name, GroupName(t.ParentId), UnitName(t.RegionId), t.TeamId is { } team ? teams.GetValueOrDefault(team) : null, t.Stage,
                StageRules.Name(campaign.Stages, t.Stage),
                today.DayNumber - ChinaTime.DateOf(new DateTimeOffset(t.StageSinceUtc, TimeSpan.Zero)).DayNumber))],
            days,
            [.. series.Select((s, i) => new StageSeries(campaign.Stages[i], [.. s.Select(p => p.Count)]))],
            plan);
    }

    /// <summary>Per group, how many stand at each stage or beyond, and a score (the mean share of stages passed) to rank them.</summary>
    private static List<GroupProgress> Progress(IEnumerable<IGrouping<string, Cell>> groups, int stageCount)
    {
        var rows = groups.Select(g =>
        {
            var list = g.ToList();
            var count = list.Sum(c => c.Count);
            var reached = Enumerable.Range(1, stageCount).Select(s => list.Where(c => c.Stage >= s).Sum(c => c.Count)).ToList();
            var score = count == 0 || stageCount == 0 ? 0 : list.Sum(c => (double)c.Stage * c.Count) / (count * stageCount);
            return new GroupProgress(g.Key, count, reached, score);
        });
        return [.. rows.OrderByDescending(r => r.Score).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }

    private sealed record StuckRow(long Id, string Name, long? ParentId, int RegionId, int? TeamId, int Stage, DateTime StageSinceUtc);

    // So many targets of one unit and team at one stage.
    private sealed record Cell(int RegionId, int? TeamId, int Stage, int Count, int People);
}
