using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Data;
using Shigan.Data.Contests;

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

/// <summary>
/// One campaign's figures per unit (a township, or a village within one), read as the contests' campaign indicators
/// read them (<see cref="CampaignFacts.ByUnitAsync(ShiganDb, IReadOnlyList{SourceUnit}, DateTime, DateTime, int?, DateTime?, CancellationToken)"/>):
/// one query for both, so a unit's share on a sheet and here cannot differ.
/// </summary>
public static class CampaignFigures
{
    /// <param name="units">The units to report on (the caller's own); each covers the targets at or below it.</param>
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

        var regions = await db.Regions.AsNoTracking().Where(r => units.Contains(r.Id)).Select(r => new { r.Id, r.Code, r.RegionPath }).ToListAsync(ct);
        var byUnit = await CampaignFacts.ByUnitAsync(
            db, [.. regions.Select(r => new SourceUnit(r.Id, r.RegionPath))],
            ChinaTime.StartOf(from).UtcDateTime, ChinaTime.StartOf(to.AddDays(1)).UtcDateTime, campaignId, null, ct);
        var stageCount = campaign.Stages.Count;
        return [.. regions.Select(region =>
        {
            var targets = byUnit.GetValueOrDefault(region.Id)?.SingleOrDefault()?.Targets ?? [];
            double Share(Func<TargetStage, int> stage, int s) => targets.Count == 0 ? 0 : targets.Count(t => stage(t) >= s) / (double)targets.Count;
            var shares = Enumerable.Range(1, stageCount).Select(s => Share(t => t.AtEnd, s)).ToList();
            var gains = Enumerable.Range(1, stageCount).Select(s => Share(t => t.AtEnd, s) - Share(t => t.AtStart, s)).ToList();
            return new CampaignFigure(campaignId, region.Id, region.Code, targets.Count, campaign.Stages, shares, gains, byUnit.GetValueOrDefault(region.Id)?.SingleOrDefault()?.DaysAhead);
        })];
    }
}
