using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Contests;
using Shigan.Core.Org;

namespace Shigan.Data.Demo;

/// <summary>
/// Two demo contests with a history: the weekly 五比亮剑 among the eight villages of 大桥头乡 (濛桥 climbs from last to
/// first over the weeks; last week is left computed-free for a user to compute and publish), and the monthly
/// 一月一乡一推进 across the county's townships. The past sheets' figures are made up (the demo has no past cases)
/// and scored by the real scorer; each says so in its name. The demo judge is invited to both.
/// </summary>
public static class ContestSeed
{
    public const string WeeklyName = "大桥头乡五比亮剑";
    public const string MonthlyName = "一月一乡一推进";
    public const string ClimberCode = "330822213214"; // 濛桥村
    public const int PublishedWeeks = 15;
    public const int PublishedMonths = 3;
    private const string ComputedBy = "演示数据";

    public static async Task<bool> RunAsync(ShiganDb db, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Contests.IgnoreQueryFilters().AnyAsync(ct))
        {
            return false;
        }

        var regions = await db.Regions.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var byCode = regions.ToDictionary(r => r.Code);
        var county = byCode[ChangshanSeed.CountyCode + "000000"];
        var daqiaotou = byCode["330822213000"];
        var villages = regions.Where(r => r.ParentId == daqiaotou.Id && r.Level == RegionLevel.Village).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var townships = regions.Where(r => r.ParentId == county.Id && r.Level == RegionLevel.Township).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var judge = await db.Users.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(u => u.Role == Role.Judge, ct);
        var today = ChinaTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var weekly = Define(WeeklyName, "比谋划、比办法、比干劲、比业绩、比形象：八个村每周一评，差一分也要问个为什么。", daqiaotou, PeriodKind.Week, villages, nowUtc,
        [
            Judged("发展谋划", Dimension.Planning, 15m),
            Judged("工作办法", Dimension.Methods, 15m),
            Judged("干事干劲", Dimension.Drive, 15m),
            Computed("按时办结率", Dimension.Results, 20m, "cases.on-time", Direction.HigherIsBetter, MissingRule.MeanOfOthers, target: 100m),
            Computed("逾期事件数", Dimension.Results, 10m, "cases.late", Direction.LowerIsBetter, MissingRule.ZeroPoints),
            Computed("群众评价均分", Dimension.Image, 10m, "cases.rating", Direction.HigherIsBetter, MissingRule.MeanOfOthers, target: 3m),
            Judged("村容村貌", Dimension.Image, 15m),
        ]);
        var monthly = Define(MonthlyName, "每月一乡现场观摩，全县乡镇（街道）比业绩、比形象。", county, PeriodKind.Month, townships, nowUtc,
        [
            Computed("按时办结率", Dimension.Results, 30m, "cases.on-time", Direction.HigherIsBetter, MissingRule.MeanOfOthers, target: 100m),
            Computed("群众评价均分", Dimension.Image, 20m, "cases.rating", Direction.HigherIsBetter, MissingRule.MeanOfOthers, target: 3m),
            Computed("逾期事件数", Dimension.Results, 20m, "cases.late", Direction.LowerIsBetter, MissingRule.ZeroPoints),
            Judged("现场观摩", Dimension.Custom, 30m, custom: "现场观摩"),
        ]);
        db.Contests.AddRange(weekly, monthly);
        await db.SaveChangesAsync(ct);

        if (judge is not null)
        {
            foreach (var contest in new[] { weekly, monthly })
            {
                db.ContestJudges.Add(new ContestJudge
                {
                    ContestId = contest.Id,
                    UserId = judge.Id,
                    JudgeName = judge.DisplayName,
                    HomeRegionId = judge.RegionId,
                    HomePath = judge.RegionPath,
                    InvitedAtUtc = nowUtc,
                    RegionPath = contest.RegionPath,
                });
            }
        }

        // Weekly: up to the week before last; last week is the one to compute and publish.
        var lastWeek = ContestPeriod.Previous(PeriodKind.Week, ContestPeriod.StartOf(PeriodKind.Week, today));
        var weeks = Enumerable.Range(1, PublishedWeeks).Select(n => lastWeek.AddDays(-7 * n)).Reverse().ToList();
        History(db, weekly, weeks, villages.Select(v => v.Id).ToList(), byCode[ClimberCode].Id, villages.ToDictionary(v => v.Id, v => v.Name));
        var months = Enumerable.Range(1, PublishedMonths)
            .Select(n => ContestPeriod.StartOf(PeriodKind.Month, today).AddMonths(-n)).Reverse().ToList();
        History(db, monthly, months, townships.Select(t => t.Id).ToList(), daqiaotou.Id, townships.ToDictionary(t => t.Id, t => t.Name));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    internal static Contest Define(string name, string description, Region organiser, PeriodKind kind, List<Region> participants, DateTime nowUtc, List<ContestIndicator> indicators)
    {
        for (var i = 0; i < indicators.Count; i++)
        {
            indicators[i].Order = i;
        }

        return new Contest
        {
            Name = name,
            Description = description,
            RegionId = organiser.Id,
            RegionPath = organiser.RegionPath,
            PeriodKind = kind,
            CreatedAtUtc = nowUtc,
            Participants = [.. participants.Select(p => new ContestParticipant { RegionId = p.Id, UnitPath = p.RegionPath })],
            Indicators = indicators,
        };
    }

    internal static ContestIndicator Judged(string name, Dimension dimension, decimal weight, string? custom = null) => new()
    {
        Name = name,
        Dimension = dimension,
        CustomDimension = custom,
        Weight = weight,
        Direction = Direction.HigherIsBetter,
        Normalisation = Normalisation.MinMax,
        Source = SourceKind.Judges,
        Missing = MissingRule.LowestOfOthers,
    };

    internal static ContestIndicator Computed(
        string name, Dimension dimension, decimal weight, string code, Direction direction, MissingRule missing, decimal? target = null) => new()
        {
            Name = name,
            Dimension = dimension,
            Weight = weight,
            Direction = direction,
            Normalisation = target is null ? Normalisation.MinMax : Normalisation.Target,
            Target = target,
            Source = SourceKind.Computed,
            SourceCode = code,
            Missing = missing,
        };

    // Made-up figures: every participant near its own level with a little noise, the climber from the worst to the best.
    private static void History(ShiganDb db, Contest contest, List<DateOnly> periods, List<int> units, int climber, Dictionary<int, string> names)
    {
        var random = new Random(contest.PeriodKind == PeriodKind.Week ? 213 : 822);
        var level = units.ToDictionary(u => u, _ => 0.45 + (random.NextDouble() * 0.4));
        var indicators = contest.Indicators.OrderBy(i => i.Order).ToList();
        var rules = indicators.Select(i => i.ToRule(i.Weight)).ToList();
        var previous = new Dictionary<int, int>();
        for (var n = 0; n < periods.Count; n++)
        {
            var progress = periods.Count == 1 ? 1 : (double)n / (periods.Count - 1);
            var raw = new Dictionary<(int, int), RawValue>();
            foreach (var unit in units)
            {
                // 0 (worst) .. 1 (best) for this unit this period.
                var quality = unit == climber ? 0.05 + (0.93 * progress) : Math.Clamp(level[unit] + ((random.NextDouble() - 0.5) * 0.12), 0.2, 0.9);
                foreach (var indicator in indicators)
                {
                    raw[(indicator.Id, unit)] = new RawValue(Figure(indicator, quality, random), [], indicator.Source == SourceKind.Judges ? 5 : null);
                }
            }

            var rows = Scorer.Score(rules, units, raw, previous);
            var start = periods[n];
            var published = ChinaTime.StartOf(ContestPeriod.EndOf(contest.PeriodKind, start)).UtcDateTime.AddHours(9);
            db.ScoreSheets.Add(new ScoreSheet
            {
                ContestId = contest.Id,
                PeriodStart = start,
                Version = 1,
                Status = n == periods.Count - 1 ? SheetStatus.Published : SheetStatus.Frozen,
                ComputedAtUtc = published,
                ComputedByName = ComputedBy,
                PublishedAtUtc = published,
                PublishedByName = ComputedBy,
                FrozenAtUtc = n == periods.Count - 1 ? null : published.AddDays(2),
                RegionPath = contest.RegionPath,
                Indicators = [.. indicators.Select(i => new SheetIndicator(
                    i.Id, i.Name, i.Dimension, i.CustomDimension, i.Weight, i.Direction, i.Normalisation, i.Target, i.Cap, i.Source, i.SourceCode, i.Missing))],
                Rows = [.. rows.Select(r => new ScoreRow
                {
                    RegionId = r.Participant,
                    UnitName = names[r.Participant],
                    Total = r.Total,
                    Rank = r.Rank,
                    PreviousRank = r.PreviousRank,
                    Cells = [.. r.Cells],
                    RegionPath = contest.RegionPath,
                })],
            });
            previous = rows.ToDictionary(r => r.Participant, r => r.Rank);
        }
    }

    private static decimal Figure(ContestIndicator indicator, double quality, Random random)
    {
        var q = Math.Clamp(quality + ((random.NextDouble() - 0.5) * 0.05), 0, 1);
        var value = indicator.SourceCode switch
        {
            "cases.on-time" => 60 + (40 * q),
            "cases.late" => Math.Round(8 * (1 - q)),
            "cases.rating" => 1.8 + (1.2 * q),
            _ => 60 + (38 * q),
        };
        return Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);
    }
}
