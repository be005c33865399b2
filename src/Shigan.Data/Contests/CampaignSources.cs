using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Core.Contests;

namespace Shigan.Data.Contests;

/// <summary>
/// Computed indicators from campaigns (攻坚行动): a unit's households (or sections) are the campaign targets at or
/// below it, each at the stage its moves had reached by the end of the period. A unit with no target in any
/// campaign active in the period has no data.
/// </summary>
/// <remarks>
/// Why pooled over campaigns: a township may run the housing campaign and a toilet campaign at once, of very
/// different sizes. Each campaign counts with its targets (a share is signed targets over all targets; days ahead is
/// the mean of each campaign's days weighted by its targets), so 20 toilets do not weigh as much as 2,000 households.
/// Active in the period: started by its last day, and either not past its target date at its first day or not
/// finished by then (a late campaign still counts, as late).
/// </remarks>
public static class CampaignFacts
{
    public const string RecordKind = "campaign-target";

    /// <summary>Per unit, each active campaign's targets there, with their stages at the start and end of the period.</summary>
    internal static Task<Dictionary<int, List<UnitCampaign>>> ByUnitAsync(ShiganDb db, SourceQuery query, CancellationToken ct) =>
        ByUnitAsync(db, query.Units, query.FromUtc, query.ToUtc, null, query.NowUtc, ct);

    /// <summary>
    /// Per unit (each counts the targets at or below it), the campaigns' targets there with their stages at the start
    /// and end of the period [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) and the last stage's days ahead:
    /// the one reading of a campaign's figures, for the contests' indicators and for <c>CampaignFigures</c>. Without
    /// <paramref name="campaignId"/>, the campaigns active in the period; with it, that campaign whatever its state.
    /// The forecast's rate counts whole days only: none from <paramref name="nowUtc"/>'s day on (without it, every day
    /// of the period is taken as over).
    /// </summary>
    public static async Task<Dictionary<int, List<UnitCampaign>>> ByUnitAsync(
        ShiganDb db, IReadOnlyList<SourceUnit> units, DateTime fromUtc, DateTime toUtc, int? campaignId, DateTime? nowUtc, CancellationToken ct)
    {
        var buckets = new UnitBuckets(units);
        var first = ChinaTime.DateOf(new DateTimeOffset(fromUtc, TimeSpan.Zero));
        var last = ChinaTime.DateOf(new DateTimeOffset(toUtc.AddTicks(-1), TimeSpan.Zero));
        var today = nowUtc is { } now ? ChinaTime.DateOf(new DateTimeOffset(now, TimeSpan.Zero)) : last.AddDays(1);
        var read = db.Campaigns.IgnoreQueryFilters().AsNoTracking();
        var campaigns = await (campaignId is { } only ? read.Where(c => c.Id == only) : read.Where(c => c.StartDate <= last)).ToListAsync(ct);
        if (campaigns.Count == 0)
        {
            return [];
        }

        var ids = campaigns.Select(c => c.Id).ToList();
        var start = buckets.CommonPath;
        var end = buckets.RangeEnd;
#pragma warning disable CA1309 // translated to SQL's >= and <, the bytewise order the path index keeps
        var targets = await db.CampaignTargets.IgnoreQueryFilters().AsNoTracking()
            .Where(t => ids.Contains(t.CampaignId) && string.Compare(t.RegionPath, start) >= 0 && string.Compare(t.RegionPath, end) < 0)
            .Select(t => new { t.Id, t.CampaignId, t.Level, t.RegionPath })
            .ToListAsync(ct);
        var moves = await db.StageMoves.IgnoreQueryFilters().AsNoTracking()
            .Where(m => ids.Contains(m.CampaignId) && m.AtUtc < toUtc && string.Compare(m.RegionPath, start) >= 0 && string.Compare(m.RegionPath, end) < 0)
#pragma warning restore CA1309
            .Select(m => new { m.TargetId, m.AtUtc, m.Id, m.ToStage })
            .ToListAsync(ct);
        var history = moves
            .Select(m => new MoveRecord(m.TargetId, ChinaTime.DateOf(new DateTimeOffset(m.AtUtc, TimeSpan.Zero)), m.Id, m.ToStage))
            .ToLookup(m => m.TargetId);
        var startedBefore = moves.Where(m => m.AtUtc < fromUtc).Select(m => m.Id).ToHashSet();

        var result = new Dictionary<int, List<UnitCampaign>>();
        foreach (var campaign in campaigns)
        {
            var leaf = CampaignTemplates.Layout(campaign).Leaf;
            var stageCount = campaign.Stages.Count;
            var mine = targets.Where(t => t.CampaignId == campaign.Id && t.Level == leaf).ToList();
            var doneAtStart = mine.All(t => Last(history[t.Id].Where(m => startedBefore.Contains(m.Order))) >= stageCount);
            if (stageCount == 0 || (campaignId is null && campaign.TargetDate < first && doneAtStart))
            {
                continue;
            }

            foreach (var unit in mine.GroupBy(t => buckets.Of(t.RegionPath)))
            {
                if (unit.Key is not { } unitId)
                {
                    continue;
                }

                var rows = unit.Select(t => new TargetStage(
                    t.Id,
                    Last(history[t.Id].Where(m => startedBefore.Contains(m.Order))),
                    Last(history[t.Id]))).ToList();
                var series = ProgressSeries.Build(unit.SelectMany(t => history[t.Id]), stageCount, campaign.StartDate, last);
                var forecast = CompletionForecast.Of(series[^1], rows.Count, campaign.TargetDate, today: today);
                // Stalled past its target date: at least as late as the days since; stalled before it: no forecast.
                var daysAhead = forecast.DaysAhead ?? (last > campaign.TargetDate ? campaign.TargetDate.DayNumber - last.DayNumber : null);
                (result.TryGetValue(unitId, out var list) ? list : result[unitId] = []).Add(new UnitCampaign(campaign.Id, stageCount, rows, daysAhead));
            }
        }

        return result;
    }

    /// <summary>A share in %, over the pooled targets of the unit's campaigns (those with at least <paramref name="stage"/> stages).</summary>
    internal static RawValue Share(List<UnitCampaign>? campaigns, Func<UnitCampaign, int> stage, bool below)
    {
        var counted = campaigns?.Where(c => stage(c) >= 1 && stage(c) <= c.StageCount).ToList() ?? [];
        var total = counted.Sum(c => c.Targets.Count);
        if (total == 0)
        {
            return RawValue.None;
        }

        var reached = counted.Sum(c => c.Targets.Count(t => t.AtEnd >= stage(c)));
        var records = counted.SelectMany(c => c.Targets.Where(t => (t.AtEnd >= stage(c)) != below).Select(t => t.Id)).Order().ToList();
        return new RawValue(Math.Round(100m * reached / total, 2, MidpointRounding.AwayFromZero), records);
    }

    private static int Last(IEnumerable<MoveRecord> moves) =>
        moves.OrderBy(m => m.Date).ThenBy(m => m.Order).Select(m => m.ToStage).LastOrDefault();
}

/// <summary>One campaign's targets in a unit: stage at the period's start and end; its last stage's days ahead of plan.</summary>
public sealed record UnitCampaign(int CampaignId, int StageCount, List<TargetStage> Targets, int? DaysAhead);

public sealed record TargetStage(long Id, int AtStart, int AtEnd);

/// <summary>签约率: the share of targets at the second stage (签约 for housing) or beyond by the period's end, in %.</summary>
internal sealed class CampaignsSignedSource : IIndicatorSource
{
    public string Code => "campaigns.signed";

    public string Name => "攻坚签约率";

    public string Unit => "%";

    public Direction Direction => Direction.HigherIsBetter;

    public string RecordKind => CampaignFacts.RecordKind;

    public string RecordsAre => "期末尚未签约的对象";

    public Task<IReadOnlyList<long>> RecordsAsync(ShiganDb db, SourceQuery query, SourceUnit unit, CancellationToken ct) =>
        ListedRecords.ForAsync(this, db, query, unit, ct);

    public async Task<IReadOnlyDictionary<int, RawValue>> ComputeAsync(ShiganDb db, SourceQuery query, CancellationToken ct)
    {
        var byUnit = await CampaignFacts.ByUnitAsync(db, query, ct);
        return query.Units.ToDictionary(u => u.RegionId, u => CampaignFacts.Share(byUnit.GetValueOrDefault(u.RegionId), _ => 2, below: true));
    }
}

/// <summary>完成率: the share of targets at the last stage (腾空 for housing, 验收 for water and toilets) by the period's end, in %.</summary>
internal sealed class CampaignsDoneSource : IIndicatorSource
{
    public string Code => "campaigns.done";

    public string Name => "攻坚完成率";

    public string Unit => "%";

    public Direction Direction => Direction.HigherIsBetter;

    public string RecordKind => CampaignFacts.RecordKind;

    public string RecordsAre => "期末尚未完成的对象";

    public Task<IReadOnlyList<long>> RecordsAsync(ShiganDb db, SourceQuery query, SourceUnit unit, CancellationToken ct) =>
        ListedRecords.ForAsync(this, db, query, unit, ct);

    public async Task<IReadOnlyDictionary<int, RawValue>> ComputeAsync(ShiganDb db, SourceQuery query, CancellationToken ct)
    {
        var byUnit = await CampaignFacts.ByUnitAsync(db, query, ct);
        return query.Units.ToDictionary(u => u.RegionId, u => CampaignFacts.Share(byUnit.GetValueOrDefault(u.RegionId), c => c.StageCount, below: true));
    }
}

/// <summary>
/// 进度提前天数: days ahead (+) or behind (−) the target date that the last stage is done or forecast at the period's
/// end, from the unit's own daily rate; behind it, the targets that reached the last stage in the period (the rate).
/// </summary>
internal sealed class CampaignsDaysAheadSource : IIndicatorSource
{
    public string Code => "campaigns.days-ahead";

    public string Name => "攻坚进度提前天数";

    public string Unit => "天";

    public Direction Direction => Direction.HigherIsBetter;

    public string RecordKind => CampaignFacts.RecordKind;

    public string RecordsAre => "本期完成的对象";

    public Task<IReadOnlyList<long>> RecordsAsync(ShiganDb db, SourceQuery query, SourceUnit unit, CancellationToken ct) =>
        ListedRecords.ForAsync(this, db, query, unit, ct);

    public async Task<IReadOnlyDictionary<int, RawValue>> ComputeAsync(ShiganDb db, SourceQuery query, CancellationToken ct)
    {
        var byUnit = await CampaignFacts.ByUnitAsync(db, query, ct);
        return query.Units.ToDictionary(u => u.RegionId, u =>
        {
            var known = byUnit.GetValueOrDefault(u.RegionId)?.Where(c => c.DaysAhead is not null && c.Targets.Count > 0).ToList() ?? [];
            if (known.Count == 0)
            {
                return RawValue.None;
            }

            var weighted = (decimal)known.Sum(c => c.DaysAhead!.Value * c.Targets.Count) / known.Sum(c => c.Targets.Count);
            var done = known.SelectMany(c => c.Targets.Where(t => t.AtEnd >= c.StageCount && t.AtStart < c.StageCount).Select(t => t.Id)).Order().ToList();
            return new RawValue(Math.Round(weighted, 1, MidpointRounding.AwayFromZero), done);
        });
    }
}
