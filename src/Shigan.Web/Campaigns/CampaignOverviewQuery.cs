using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Data;

namespace Shigan.Web.Campaigns;

/// <summary>
/// The campaign page's figures, over the targets the caller sees: counts per stage, unit, team and building, the
/// burn-up series from the stage moves, a forecast per stage, the targets stuck longest and the teams ranked.
/// Computed in memory from one row per target and one per move: a campaign has thousands, not millions.
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
        var targets = await db.CampaignTargets.AsNoTracking().Where(t => t.CampaignId == campaignId && t.Level == leaf)
            .Select(t => new Leaf(t.Id, t.Name, t.ParentId, t.RegionId, t.Region!.Name, t.TeamId, t.People, t.Stage, t.StageSinceUtc))
            .ToListAsync(ct);
        var groups = await db.CampaignTargets.AsNoTracking().Where(t => t.CampaignId == campaignId && t.Level != leaf)
            .Select(t => new { t.Id, t.Name, t.ParentId }).ToDictionaryAsync(t => t.Id, ct);
        var teams = await db.CampaignTeams.AsNoTracking().Where(t => t.CampaignId == campaignId).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var moves = await db.StageMoves.AsNoTracking().Where(m => m.CampaignId == campaignId)
            .Select(m => new { m.TargetId, m.AtUtc, m.Id, m.ToStage }).ToListAsync(ct);

        var today = ChinaTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero));
        // The chart runs from the start to today; a campaign long over stops a year after its target date.
        var end = today < campaign.StartDate ? campaign.StartDate : today;
        end = end > campaign.TargetDate.AddDays(365) ? campaign.TargetDate.AddDays(365) : end;
        var series = ProgressSeries.Build(
            moves.Select(m => new MoveRecord(m.TargetId, ChinaTime.DateOf(new DateTimeOffset(m.AtUtc, TimeSpan.Zero)), m.Id, m.ToStage)),
            stageCount, campaign.StartDate, end);
        var total = targets.Count;
        var reached = Enumerable.Range(1, stageCount).Select(s => targets.Count(t => t.Stage >= s)).ToList();
        var forecasts = series.Select(s => CompletionForecast.Of(s, total, campaign.TargetDate)).ToList();

        // Group rows: a building's name carries its compound's, so 5幢 of two compounds do not merge.
        string GroupName(long? parentId) =>
            parentId is { } p && groups.TryGetValue(p, out var g) ? (g.ParentId is { } gp && groups.TryGetValue(gp, out var top) ? $"{top.Name} {g.Name}" : g.Name) : "—";

        var days = series.Count == 0 ? [] : series[0].Select(p => p.Date).ToList();
        var span = Math.Max(1, campaign.TargetDate.DayNumber - campaign.StartDate.DayNumber + 1);
        var plan = days.Select(d => (int)Math.Round(total * Math.Min(1.0, (d.DayNumber - campaign.StartDate.DayNumber + 1) / (double)span))).ToList();

        return new CampaignOverview(
            campaign,
            today,
            total,
            targets.Sum(t => t.People ?? 0),
            reached,
            forecasts,
            Progress(targets.GroupBy(t => t.Unit), stageCount),
            Progress(targets.Where(t => t.TeamId is not null).GroupBy(t => teams.GetValueOrDefault(t.TeamId!.Value, "?")), stageCount),
            Progress(targets.GroupBy(t => GroupName(t.ParentId)), stageCount, byName: true),
            [.. targets.Where(t => t.Stage < stageCount).OrderBy(t => t.StageSinceUtc).ThenBy(t => t.Id).Take(StuckShown)
                .Select(t => new StuckTarget(
                    t.Id, t.Name, GroupName(t.ParentId), t.Unit, t.TeamId is { } team ? teams.GetValueOrDefault(team) : null, t.Stage,
                    StageRules.Name(campaign.Stages, t.Stage),
                    today.DayNumber - ChinaTime.DateOf(new DateTimeOffset(t.StageSinceUtc, TimeSpan.Zero)).DayNumber))],
            days,
            [.. series.Select((s, i) => new StageSeries(campaign.Stages[i], [.. s.Select(p => p.Count)]))],
            plan);
    }

    /// <summary>Per group, how many stand at each stage or beyond, and a score (the mean share of stages passed) to rank them.</summary>
    private static List<GroupProgress> Progress(IEnumerable<IGrouping<string, Leaf>> groups, int stageCount, bool byName = false)
    {
        var rows = groups.Select(g =>
        {
            var list = g.ToList();
            var reached = Enumerable.Range(1, stageCount).Select(s => list.Count(t => t.Stage >= s)).ToList();
            var score = list.Count == 0 || stageCount == 0 ? 0 : list.Sum(t => (double)t.Stage) / (list.Count * stageCount);
            return new GroupProgress(g.Key, list.Count, reached, score);
        });
        return byName
            ? [.. rows.OrderBy(r => r.Name, StringComparer.Ordinal)]
            : [.. rows.OrderByDescending(r => r.Score).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }

    private sealed record Leaf(long Id, string Name, long? ParentId, int RegionId, string Unit, int? TeamId, int? People, int Stage, DateTime StageSinceUtc);
}
