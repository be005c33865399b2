using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Data;

namespace Shigan.Web.Campaigns;

/// <summary>
/// A unit's progress in a campaign over a period, for contest indicators (赛马): per stage, the share of its targets at
/// that stage or beyond at the end of the period and the share gained during it, and how many days ahead of the
/// target date (negative: behind) its last stage is done or forecast.
/// </summary>
public sealed record CampaignFigure(
    int CampaignId, int RegionId, string RegionCode, int Total, IReadOnlyList<string> Stages, IReadOnlyList<double> Shares, IReadOnlyList<double> Gains, int? DaysAhead)
{
    /// <summary>The share past the stage of that name (签约, 腾空 …); 0 when the campaign has no such stage.</summary>
    public double Share(string stage) => Stages.ToList().IndexOf(stage) is var i and >= 0 ? Shares[i] : 0;

    /// <summary>签约: the second stage of a housing campaign.</summary>
    public double ShareSigned => Share("签约");

    /// <summary>The last stage: 腾空 for housing, 验收 for water and toilets.</summary>
    public double ShareDone => Shares.Count == 0 ? 0 : Shares[^1];
}

/// <summary>What a contest indicator reads of a campaign: one figure per unit (a township, or a village within one).</summary>
public static class CampaignFigures
{
    /// <param name="units">The units to report on; each covers the targets at or below it.</param>
    /// <param name="from">The period's first day (China time).</param>
    /// <param name="to">The period's last day: shares are as at its end.</param>
    public static async Task<List<CampaignFigure>> ForUnitsAsync(
        ShiganDb db, int campaignId, IReadOnlyList<int> units, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null || to < from)
        {
            return [];
        }

        var leaf = CampaignTemplates.Layout(campaign.Template).Leaf;
        var regions = await db.Regions.AsNoTracking().Where(r => units.Contains(r.Id)).Select(r => new { r.Id, r.Code, r.RegionPath }).ToListAsync(ct);
        var targets = await db.CampaignTargets.AsNoTracking().Where(t => t.CampaignId == campaignId && t.Level == leaf)
            .Select(t => new { t.Id, t.RegionPath }).ToListAsync(ct);
        var moves = (await db.StageMoves.AsNoTracking().Where(m => m.CampaignId == campaignId)
            .Select(m => new { m.TargetId, m.AtUtc, m.Id, m.ToStage }).ToListAsync(ct))
            .Select(m => new MoveRecord(m.TargetId, ChinaTime.DateOf(new DateTimeOffset(m.AtUtc, TimeSpan.Zero)), m.Id, m.ToStage))
            .Where(m => m.Date <= to)
            .ToList();
        var start = campaign.StartDate < from ? campaign.StartDate : from;
        var figures = new List<CampaignFigure>();
        foreach (var region in regions)
        {
            var scope = RegionScope.Of(region.RegionPath);
            var mine = targets.Where(t => scope.Covers(t.RegionPath)).Select(t => t.Id).ToHashSet();
            var series = ProgressSeries.Build(moves.Where(m => mine.Contains(m.TargetId)), campaign.Stages.Count, start, to);
            double Share(int count) => mine.Count == 0 ? 0 : count / (double)mine.Count;
            var index = from.DayNumber - start.DayNumber;
            var shares = series.Select(s => Share(s[^1].Count)).ToList();
            var gains = series.Select(s => Share(s[^1].Count - (index > 0 ? s[index - 1].Count : 0))).ToList();
            var days = series.Count == 0 ? null : CompletionForecast.Of(series[^1], mine.Count, campaign.TargetDate).DaysAhead;
            figures.Add(new CampaignFigure(campaignId, region.Id, region.Code, mine.Count, campaign.Stages, shares, gains, days));
        }

        return figures;
    }
}
