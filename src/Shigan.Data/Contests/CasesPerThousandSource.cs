using Microsoft.EntityFrameworkCore;
using Shigan.Core.Contests;

namespace Shigan.Data.Contests;

/// <summary>
/// 每千人事件数: cases reported in the period per 1,000 residents (常住人口), so a large township and a small one compare
/// fairly. A unit whose population nobody entered has no data (the indicator's missing rule decides), never a zero.
/// </summary>
internal sealed class CasesPerThousandSource : IIndicatorSource
{
    public string Code => "cases.per-1000";

    public string Name => "每千人事件数";

    public string Unit => "件/千人";

    public Direction Direction => Direction.LowerIsBetter;

    public string RecordKind => CaseFigures.RecordKind;

    public string RecordsAre => "本期上报的事件";

    public async Task<IReadOnlyDictionary<int, RawValue>> ComputeAsync(ShiganDb db, SourceQuery query, CancellationToken ct)
    {
        var ids = query.Units.Select(u => u.RegionId).ToList();
        var people = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => ids.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Population, ct);
        var buckets = new UnitBuckets(query.Units);
        var cases = await CaseFigures.LoadAsync(db, buckets, c => c.ReportedAtUtc >= query.FromUtc && c.ReportedAtUtc < query.ToUtc, ct);
        var byUnit = CaseFigures.ByUnit(buckets, cases);
        return query.Units.ToDictionary(u => u.RegionId, u =>
        {
            if (people.GetValueOrDefault(u.RegionId) is not { } population || population <= 0)
            {
                return RawValue.None;
            }

            var list = byUnit.TryGetValue(u.RegionId, out var found) ? found : [];
            return new RawValue(Math.Round(1000m * list.Count / population, 2, MidpointRounding.AwayFromZero), [.. list.Select(c => c.Id)]);
        });
    }
}
