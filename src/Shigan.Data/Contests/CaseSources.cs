using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Contests;

namespace Shigan.Data.Contests;

/// <summary>Computed indicators from cases (事件). A unit's cases are those at it or below it.</summary>
internal static class CaseFigures
{
    public const string RecordKind = "case";

    /// <summary>Cases of the participants' common subtree matching <paramref name="filter"/>, with each one's first resolution.</summary>
    public static async Task<List<CaseFacts>> LoadAsync(
        ShiganDb db, UnitBuckets buckets, System.Linq.Expressions.Expression<Func<Case, bool>> filter, CancellationToken ct)
    {
        var start = buckets.CommonPath;
        var end = buckets.RangeEnd;
#pragma warning disable CA1309 // translated to SQL's >= and <, the bytewise order the path index keeps
        return await db.Cases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => string.Compare(c.RegionPath, start) >= 0 && string.Compare(c.RegionPath, end) < 0)
#pragma warning restore CA1309
            .Where(c => c.Status != CaseStatus.Merged)
            .Where(filter)
            .Select(c => new CaseFacts(
                c.Id, c.RegionPath, c.Status, c.ReportedAtUtc, c.DeadlineUtc,
                c.Events.Where(e => e.ToStatus == CaseStatus.Resolved).Min(e => (DateTime?)e.AtUtc)))
            .ToListAsync(ct);
    }

    public static Dictionary<int, List<CaseFacts>> ByUnit(UnitBuckets buckets, IEnumerable<CaseFacts> cases)
    {
        var result = new Dictionary<int, List<CaseFacts>>();
        foreach (var c in cases)
        {
            if (buckets.Of(c.RegionPath) is { } unit)
            {
                (result.TryGetValue(unit, out var list) ? list : result[unit] = []).Add(c);
            }
        }

        return result;
    }

    /// <summary>Not resolved by its deadline, once the deadline has passed.</summary>
    public static bool IsLate(CaseFacts c, DateTime nowUtc) =>
        c.DeadlineUtc < nowUtc && (c.FirstResolvedUtc is not { } done || done > c.DeadlineUtc);
}

internal sealed record CaseFacts(long Id, string RegionPath, CaseStatus Status, DateTime ReportedAtUtc, DateTime DeadlineUtc, DateTime? FirstResolvedUtc);

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
        var buckets = new UnitBuckets(query.Units);
        var cases = await CaseFigures.LoadAsync(db, buckets, c => c.ReportedAtUtc >= query.FromUtc && c.ReportedAtUtc < query.ToUtc, ct);
        var byUnit = CaseFigures.ByUnit(buckets, cases);
        return query.Units.ToDictionary(
            u => u.RegionId,
            u => byUnit.TryGetValue(u.RegionId, out var list) ? new RawValue(list.Count, [.. list.Select(c => c.Id)]) : new RawValue(0m, []));
    }
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
        var buckets = new UnitBuckets(query.Units);
        var until = query.ToUtc < query.NowUtc ? query.ToUtc : query.NowUtc;
        var cases = await CaseFigures.LoadAsync(
            db, buckets, c => c.DeadlineUtc >= query.FromUtc && c.DeadlineUtc < until && c.Status != CaseStatus.Rejected, ct);
        var byUnit = CaseFigures.ByUnit(buckets, cases);
        return query.Units.ToDictionary(u => u.RegionId, u =>
        {
            if (!byUnit.TryGetValue(u.RegionId, out var due) || due.Count == 0)
            {
                return RawValue.None;
            }

            var late = due.Where(c => CaseFigures.IsLate(c, query.NowUtc)).Select(c => c.Id).ToList();
            return new RawValue(Math.Round(100m * (due.Count - late.Count) / due.Count, 2, MidpointRounding.AwayFromZero), late);
        });
    }
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
        var buckets = new UnitBuckets(query.Units);
        var until = query.ToUtc < query.NowUtc ? query.ToUtc : query.NowUtc;
        var cases = await CaseFigures.LoadAsync(
            db, buckets, c => c.DeadlineUtc >= query.FromUtc && c.DeadlineUtc < until && c.Status != CaseStatus.Rejected, ct);
        var byUnit = CaseFigures.ByUnit(buckets, cases);
        return query.Units.ToDictionary(u => u.RegionId, u =>
        {
            var late = byUnit.TryGetValue(u.RegionId, out var due) ? due.Where(c => CaseFigures.IsLate(c, query.NowUtc)).Select(c => c.Id).ToList() : [];
            return new RawValue(late.Count, late);
        });
    }
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

    public async Task<IReadOnlyDictionary<int, RawValue>> ComputeAsync(ShiganDb db, SourceQuery query, CancellationToken ct)
    {
        var buckets = new UnitBuckets(query.Units);
        var start = buckets.CommonPath;
        var end = buckets.RangeEnd;
#pragma warning disable CA1309 // translated to SQL's >= and <, the bytewise order the path index keeps
        var ratings = await db.CaseEvents.IgnoreQueryFilters().AsNoTracking()
            .Where(e => string.Compare(e.RegionPath, start) >= 0 && string.Compare(e.RegionPath, end) < 0)
#pragma warning restore CA1309
            .Where(e => e.Rating != null && e.AtUtc >= query.FromUtc && e.AtUtc < query.ToUtc)
            .Select(e => new { e.CaseId, e.RegionPath, Rating = e.Rating!.Value })
            .ToListAsync(ct);
        var byUnit = ratings
            .Select(r => (Unit: buckets.Of(r.RegionPath), r.CaseId, r.Rating))
            .Where(r => r.Unit is not null)
            .GroupBy(r => r.Unit!.Value)
            .ToDictionary(g => g.Key, g => g.ToList());
        return query.Units.ToDictionary(u => u.RegionId, u =>
        {
            if (!byUnit.TryGetValue(u.RegionId, out var given))
            {
                return RawValue.None;
            }

            var mean = given.Average(r => Points(r.Rating));
            var below = given.Where(r => r.Rating != CaseRating.Satisfied).Select(r => r.CaseId).Distinct().ToList();
            return new RawValue(Math.Round(mean, 2, MidpointRounding.AwayFromZero), below);
        });
    }

    private static decimal Points(CaseRating rating) => rating switch
    {
        CaseRating.Satisfied => 3m,
        CaseRating.BasicallySatisfied => 2m,
        _ => 1m,
    };
}
