using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Data;

namespace Shigan.Web.Campaigns;

/// <summary>
/// The campaign page's figures, over the targets the caller sees: counts per stage, unit, team and building, the
/// burn-up series, a forecast per stage, the targets stuck longest and the teams ranked. The database does the
/// counting (targets grouped by building, unit, team and stage; the daily counters of the moves, see
/// <see cref="StageDayCount"/>), so the page reads some thousands of rows whether a campaign has 2,000 households or
/// 100,000 and a year of moves.
/// </summary>
public static class CampaignOverviewQuery
{
    public const int StuckShown = 10;

    public static async Task<CampaignOverview?> RunAsync(ShiganDb db, int campaignId, DateTime nowUtc, CancellationToken ct = default)
    {
        var campaign = await CampaignCommands.GetAsync(db, campaignId, ct);
        if (campaign is null)
        {
            return null;
        }

        var stageCount = campaign.Stages.Count;
        var leaf = CampaignTemplates.Layout(campaign.Template).Leaf;
        var leaves = db.CampaignTargets.AsNoTracking().Where(t => t.CampaignId == campaignId && t.Level == leaf);
        var cells = await leaves
            .GroupBy(t => new { t.ParentId, t.RegionId, t.TeamId, t.Stage })
            .Select(g => new Cell(g.Key.ParentId, g.Key.RegionId, g.Key.TeamId, g.Key.Stage, g.Count(), g.Sum(t => t.People ?? 0)))
            .ToListAsync(ct);
        var stuckRows = await leaves.Where(t => t.Stage < stageCount)
            .OrderBy(t => t.StageSinceUtc).ThenBy(t => t.Id).Take(StuckShown)
            .Select(t => new { t.Id, t.Name, t.ParentId, t.RegionId, t.TeamId, t.Stage, t.StageSinceUtc })
            .ToListAsync(ct);
        var groups = await db.CampaignTargets.AsNoTracking().Where(t => t.CampaignId == campaignId && t.Level != leaf)
            .Select(t => new { t.Id, t.Name, t.ParentId }).ToDictionaryAsync(t => t.Id, ct);
        var teams = await db.CampaignTeams.AsNoTracking().Where(t => t.CampaignId == campaignId).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var unitIds = cells.Select(c => c.RegionId).Distinct().ToList();
        // The units' names only: the targets counted are already the caller's own.
        var unitNames = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => unitIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var changes = await db.StageDayCounts.AsNoTracking().Where(c => c.CampaignId == campaignId)
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

        // Group rows: a building's name carries its compound's, so 5幢 of two compounds do not merge.
        string GroupName(long? parentId) =>
            parentId is { } p && groups.TryGetValue(p, out var g) ? (g.ParentId is { } gp && groups.TryGetValue(gp, out var top) ? $"{top.Name} {g.Name}" : g.Name) : "—";
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
            Progress(cells.GroupBy(c => GroupName(c.ParentId)), stageCount, byName: true),
            [.. stuckRows.Select(t => new StuckTarget(
                t.Id, t.Name, GroupName(t.ParentId), UnitName(t.RegionId), t.TeamId is { } team ? teams.GetValueOrDefault(team) : null, t.Stage,
                StageRules.Name(campaign.Stages, t.Stage),
                today.DayNumber - ChinaTime.DateOf(new DateTimeOffset(t.StageSinceUtc, TimeSpan.Zero)).DayNumber))],
            days,
            [.. series.Select((s, i) => new StageSeries(campaign.Stages[i], [.. s.Select(p => p.Count)]))],
            plan);
    }

    /// <summary>Per group, how many stand at each stage or beyond, and a score (the mean share of stages passed) to rank them.</summary>
    private static List<GroupProgress> Progress(IEnumerable<IGrouping<string, Cell>> groups, int stageCount, bool byName = false)
    {
        var rows = groups.Select(g =>
        {
            var list = g.ToList();
            var count = list.Sum(c => c.Count);
            var reached = Enumerable.Range(1, stageCount).Select(s => list.Where(c => c.Stage >= s).Sum(c => c.Count)).ToList();
            var score = count == 0 || stageCount == 0 ? 0 : list.Sum(c => (double)c.Stage * c.Count) / (count * stageCount);
            return new GroupProgress(g.Key, count, reached, score);
        });
        return byName
            ? [.. rows.OrderBy(r => r.Name, StringComparer.Ordinal)]
            : [.. rows.OrderByDescending(r => r.Score).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }

    // So many targets of one building, unit and team at one stage.
    private sealed record Cell(long? ParentId, int RegionId, int? TeamId, int Stage, int Count, int People);
}
