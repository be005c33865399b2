using Shigan.Core.Contests;
using Shigan.Core.Org;
using Shigan.Data.Demo;

namespace Shigan.Data.Generate;

/// <summary>
/// The demo's two contests, for every township and county of the scope: a weekly 五比亮剑 among each township's
/// villages and a monthly 一月一乡一推进 among each county's townships, with the same indicators as
/// <see cref="ContestSeed"/>. Defined only: their periods are computed, published and frozen from the generated
/// cases by the app, as a real county's are (no made-up sheets).
/// </summary>
public static class ContestGenerator
{
    public static (long Contests, long Participants, long Indicators) Run(IRowSink sink, GenerationWorld world, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(world);
        var children = world.Regions.Where(r => r.ParentId is not null).ToLookup(r => r.ParentId!.Value);
        int contestId = 0, participantId = 0, indicatorId = 0;
        foreach (var county in world.Regions.Where(r => r.Level == RegionLevel.County))
        {
            var townships = children[county.Id].Where(r => r.Level == RegionLevel.Township).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
            foreach (var township in townships)
            {
                var villages = children[township.Id].Where(r => r.Level == RegionLevel.Village).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
                if (villages.Count >= 2)
                {
                    Add(sink, Weekly(township, villages, now.UtcDateTime), ref contestId, ref participantId, ref indicatorId);
                }
            }

            if (townships.Count >= 2)
            {
                Add(sink, Monthly(county, townships, now.UtcDateTime), ref contestId, ref participantId, ref indicatorId);
            }
        }

        sink.Flush();
        return (contestId, participantId, indicatorId);
    }

    private static Contest Weekly(Region township, List<Region> villages, DateTime now) =>
        ContestSeed.Define(Fit($"{township.Name}五比亮剑"), "比谋划、比办法、比干劲、比业绩、比形象：各村每周一评。", township, PeriodKind.Week, villages, now,
        [
            ContestSeed.Judged("发展谋划", Dimension.Planning, 15m),
            ContestSeed.Judged("工作办法", Dimension.Methods, 15m),
            ContestSeed.Judged("干事干劲", Dimension.Drive, 15m),
            ContestSeed.Computed("按时办结率", Dimension.Results, 20m, "cases.on-time", Direction.HigherIsBetter, MissingRule.MeanOfOthers, target: 100m),
            ContestSeed.Computed("逾期事件数", Dimension.Results, 10m, "cases.late", Direction.LowerIsBetter, MissingRule.ZeroPoints),
            ContestSeed.Computed("群众评价均分", Dimension.Image, 10m, "cases.rating", Direction.HigherIsBetter, MissingRule.MeanOfOthers, target: 3m),
            ContestSeed.Judged("村容村貌", Dimension.Image, 15m),
        ]);

    private static Contest Monthly(Region county, List<Region> townships, DateTime now) =>
        ContestSeed.Define(Fit($"{county.Name}一月一乡一推进"), "每月一乡现场观摩，全县乡镇（街道）比业绩、比形象。", county, PeriodKind.Month, townships, now,
        [
            ContestSeed.Computed("按时办结率", Dimension.Results, 30m, "cases.on-time", Direction.HigherIsBetter, MissingRule.MeanOfOthers, target: 100m),
            ContestSeed.Computed("群众评价均分", Dimension.Image, 20m, "cases.rating", Direction.HigherIsBetter, MissingRule.MeanOfOthers, target: 3m),
            ContestSeed.Computed("逾期事件数", Dimension.Results, 20m, "cases.late", Direction.LowerIsBetter, MissingRule.ZeroPoints),
            ContestSeed.Judged("现场观摩", Dimension.Custom, 30m, custom: "现场观摩"),
        ]);

    private static void Add(IRowSink sink, Contest contest, ref int contestId, ref int participantId, ref int indicatorId)
    {
        contest.Id = ++contestId;
        sink.Add(contest);
        foreach (var participant in contest.Participants)
        {
            participant.Id = ++participantId;
            participant.ContestId = contest.Id;
            sink.Add(participant);
        }

        foreach (var indicator in contest.Indicators)
        {
            indicator.Id = ++indicatorId;
            indicator.ContestId = contest.Id;
            sink.Add(indicator);
        }
    }

    private static string Fit(string name) => name.Length <= Contest.NameMaxLength ? name : name[..Contest.NameMaxLength];
}
