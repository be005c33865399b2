using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Contests;

namespace Shigan.Data.Contests;

/// <summary>
/// Computed indicators from cases (事件). A unit's cases are those at it or below it. Figures are counted in SQL per
/// record path and added up per participant; the cases behind one participant's figure are read when asked for.
/// </summary>
internal static class CaseFigures
{
    public const string RecordKind = "case";

    /// <summary>
    /// Cases at or below the range [start, end) of paths, merged duplicates left out (their survivor counts). For one
    /// unit's records the path index finds them; for a whole contest's counts (<paramref name="byPeriod"/>) the path is
    /// only compared (<c>|| ''</c> keeps it off the index), or SQLite walks the path index to spare the GROUP BY a sort
    /// and reads every case of the subtree (seconds at a million) instead of the period's slice of a covering index.
    /// </summary>
    public static IQueryable<Case> Under(ShiganDb db, string start, string end, bool byPeriod = false) =>
#pragma warning disable CA1309 // translated to SQL's >= and <, the bytewise order the path index keeps
        (byPeriod
            ? db.Cases.IgnoreQueryFilters().AsNoTracking().Where(c => string.Compare(c.RegionPath + "", start) >= 0 && string.Compare(c.RegionPath + "", end) < 0)
            : db.Cases.IgnoreQueryFilters().AsNoTracking().Where(c => string.Compare(c.RegionPath, start) >= 0 && string.Compare(c.RegionPath, end) < 0))
#pragma warning restore CA1309
            .Where(c => c.Status != CaseStatus.Merged);

    /// <summary>Cases reported in the period: A = how many.</summary>
    public static Task<Dictionary<int, Tally>> ReportedAsync(ShiganDb db, SourceQuery query, CancellationToken ct) =>
        query.Facts.GetAsync("cases.reported", query, async () =>
        {
            var buckets = new UnitBuckets(query.Units);
            var paths = await Reported(db, query, buckets.CommonPath, buckets.RangeEnd, byPeriod: true)
                .GroupBy(c => c.RegionPath)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToListAsync(ct);
            return Tally.ByUnit(buckets, paths.Select(p => (p.Key, new Tally(p.Count))));
        });

    public static IQueryable<Case> Reported(ShiganDb db, SourceQuery query, string start, string end, bool byPeriod = false) =>
        Under(db, start, end, byPeriod).Where(c => c.ReportedAtUtc >= query.FromUtc && c.ReportedAtUtc < query.ToUtc);

    /// <summary>Cases that fell due in the period (not rejected): A = how many, B = how many of them are late.</summary>
    public static Task<Dictionary<int, Tally>> DueAsync(ShiganDb db, SourceQuery query, CancellationToken ct) =>
        query.Facts.GetAsync("cases.due", query, async () =>
        {
            var buckets = new UnitBuckets(query.Units);
            var paths = await Due(db, query, buckets.CommonPath, buckets.RangeEnd, byPeriod: true)
                .Select(c => new { c.RegionPath, Late = c.Events.Any(e => e.ToStatus == CaseStatus.Resolved && e.AtUtc <= c.DeadlineUtc) ? 0 : 1 })
                .GroupBy(c => c.RegionPath)
                .Select(g => new { g.Key, Due = g.Count(), Late = g.Sum(c => c.Late) })
                .ToListAsync(ct);
            return Tally.ByUnit(buckets, paths.Select(p => (p.Key, new Tally(p.Due, p.Late))));
        });

    // The deadline has passed (the period's end or now, whichever is first), so each one is on time or late already.
    public static IQueryable<Case> Due(ShiganDb db, SourceQuery query, string start, string end, bool byPeriod = false) =>
        Under(db, start, end, byPeriod).Where(c => c.DeadlineUtc >= query.FromUtc && c.DeadlineUtc < query.DueUntilUtc && c.Status != CaseStatus.Rejected);

    /// <summary>Due cases not resolved by their deadline (the first resolution counts, not a later reopening's).</summary>
    public static IQueryable<Case> Late(IQueryable<Case> due) =>
        due.Where(c => !c.Events.Any(e => e.ToStatus == CaseStatus.Resolved && e.AtUtc <= c.DeadlineUtc));

    public static async Task<IReadOnlyList<long>> IdsAsync(IQueryable<Case> cases, CancellationToken ct) =>
        await cases.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
}

/// <summary>上报事件数: cases reported in the period. No case is a count of 0, a real figure.</summary>
internal sealed class CasesReportedSource : IIndicatorSource
{
    public string Code => "cases.reported";

    public string Name => "上报事件数";

    public string Unit => "件";

    public Direction Direction => Direction.HigherIsBetter;

    public string RecordKind => CaseFigures.RecordKind;

    public string RecordsAre => "本期上报的事件";

    public async Task<IReadOnlyDictionary<int, RawValue>> ComputeAsync(ShiganDb db, SourceQuery query, CancellationToken ct)
    {
        var byUnit = await CaseFigures.ReportedAsync(db, query, ct);
        return query.Units.ToDictionary(
            u => u.RegionId,
            u => byUnit.TryGetValue(u.RegionId, out var t) && t.A != 0 ? RawValue.Counted(t.A, (int)t.A) : RawValue.Zero);
    }

    public Task<IReadOnlyList<long>> RecordsAsync(ShiganDb db, SourceQuery query, SourceUnit unit, CancellationToken ct) =>
        CaseFigures.IdsAsync(CaseFigures.Reported(db, query, unit.Path, UnitBuckets.End(unit.Path)), ct);
}

/// <summary>按时办结率: of the cases due in the period (deadline passed), the share resolved by the deadline, in %.</summary>
internal sealed class CasesOnTimeSource : IIndicatorSource
{
    public string Code => "cases.on-time";

    public string Unit => "%";

    public string Name => "按时办结率";

    public Direction Direction => Direction.HigherIsBetter;

    public string RecordKind => CaseFigures.RecordKind;

    public string RecordsAre => "未按时办结的事件";

    // No case fell due: there is no share to speak of, so no data (the indicator's missing rule decides).
    public async Task<IReadOnlyDictionary<int, RawValue>> ComputeAsync(ShiganDb db, SourceQuery query, CancellationToken ct)
    {
        var byUnit = await CaseFigures.DueAsync(db, query, ct);
        return query.Units.ToDictionary(u => u.RegionId, u => byUnit.TryGetValue(u.RegionId, out var t) && t.A > 0
            ? RawValue.Counted(Math.Round(100m * (t.A - t.B) / t.A, 2, MidpointRounding.AwayFromZero), (int)t.B)
            : RawValue.None);
    }

    public Task<IReadOnlyList<long>> RecordsAsync(ShiganDb db, SourceQuery query, SourceUnit unit, CancellationToken ct) =>
        CaseFigures.IdsAsync(CaseFigures.Late(CaseFigures.Due(db, query, unit.Path, UnitBuckets.End(unit.Path))), ct);
}

/// <summary>逾期事件数: cases whose deadline passed in the period without a resolution by then.</summary>
internal sealed class CasesLateSource : IIndicatorSource
{
    public string Code => "cases.late";

    public string Name => "逾期事件数";

    public string Unit => "件";

    public Direction Direction => Direction.LowerIsBetter;

    public string RecordKind => CaseFigures.RecordKind;

    public string RecordsAre => "逾期事件";

    public async Task<IReadOnlyDictionary<int, RawValue>> ComputeAsync(ShiganDb db, SourceQuery query, CancellationToken ct)
    {
        var byUnit = await CaseFigures.DueAsync(db, query, ct);
        return query.Units.ToDictionary(
            u => u.RegionId,
            u => byUnit.TryGetValue(u.RegionId, out var t) && t.B != 0 ? RawValue.Counted(t.B, (int)t.B) : RawValue.Zero);
    }

    public Task<IReadOnlyList<long>> RecordsAsync(ShiganDb db, SourceQuery query, SourceUnit unit, CancellationToken ct) =>
        CaseFigures.IdsAsync(CaseFigures.Late(CaseFigures.Due(db, query, unit.Path, UnitBuckets.End(unit.Path))), ct);
}

/// <summary>群众评价均分: the ratings given in the period, 满意 3, 基本满意 2, 不满意 1; behind it the cases not rated 满意.</summary>
internal sealed class CasesMeanRatingSource : IIndicatorSource
{
    public string Code => "cases.rating";

    public string Name => "群众评价均分";

    public string Unit => "分";

    public Direction Direction => Direction.HigherIsBetter;

    public string RecordKind => CaseFigures.RecordKind;

    public string RecordsAre => "评价不满意或基本满意的事件";

    // A = ratings given, B = their points, C = cases rated below 满意 (each case once).
    public async Task<IReadOnlyDictionary<int, RawValue>> ComputeAsync(ShiganDb db, SourceQuery query, CancellationToken ct)
    {
        var byUnit = await query.Facts.GetAsync("cases.ratings", query, async () =>
        {
            var buckets = new UnitBuckets(query.Units);
            var paths = await Ratings(db, query, buckets.CommonPath, buckets.RangeEnd, byPeriod: true)
                .GroupBy(e => e.RegionPath)
                .Select(g => new
                {
                    g.Key,
                    Given = g.Count(),
                    Points = g.Sum(e => e.Rating == CaseRating.Satisfied ? 3 : e.Rating == CaseRating.BasicallySatisfied ? 2 : 1),
                    Below = g.Where(e => e.Rating != CaseRating.Satisfied).Select(e => e.CaseId).Distinct().Count(),
                })
                .ToListAsync(ct);
            return Tally.ByUnit(buckets, paths.Select(p => (p.Key, new Tally(p.Given, p.Points, p.Below))));
        });
        return query.Units.ToDictionary(u => u.RegionId, u => byUnit.TryGetValue(u.RegionId, out var t) && t.A > 0
            ? RawValue.Counted(Math.Round((decimal)t.B / t.A, 2, MidpointRounding.AwayFromZero), (int)t.C)
            : RawValue.None);
    }

    public async Task<IReadOnlyList<long>> RecordsAsync(ShiganDb db, SourceQuery query, SourceUnit unit, CancellationToken ct) =>
        await Ratings(db, query, unit.Path, UnitBuckets.End(unit.Path))
            .Where(e => e.Rating != CaseRating.Satisfied)
            .Select(e => e.CaseId).Distinct().OrderBy(id => id)
            .ToListAsync(ct);

    // As CaseFigures.Under: a whole contest's ratings are read by period, one unit's by path.
    private static IQueryable<CaseEvent> Ratings(ShiganDb db, SourceQuery query, string start, string end, bool byPeriod = false) =>
#pragma warning disable CA1309 // translated to SQL's >= and <, the bytewise order the path index keeps
        (byPeriod
            ? db.CaseEvents.IgnoreQueryFilters().AsNoTracking().Where(e => string.Compare(e.RegionPath + "", start) >= 0 && string.Compare(e.RegionPath + "", end) < 0)
            : db.CaseEvents.IgnoreQueryFilters().AsNoTracking().Where(e => string.Compare(e.RegionPath, start) >= 0 && string.Compare(e.RegionPath, end) < 0))
#pragma warning restore CA1309
            .Where(e => e.Rating != null && e.AtUtc >= query.FromUtc && e.AtUtc < query.ToUtc);
}
