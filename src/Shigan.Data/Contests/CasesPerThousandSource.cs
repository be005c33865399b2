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
        var byUnit = await CaseFigures.ReportedAsync(db, query, ct); // the same read as 上报事件数 in one sheet
        return query.Units.ToDictionary(u => u.RegionId, u =>
        {
            if (people.GetValueOrDefault(u.RegionId) is not { } population || population <= 0)
            {
                return RawValue.None;
            }

            var reported = byUnit.TryGetValue(u.RegionId, out var t) ? t.A : 0m;
            return RawValue.Counted(Math.Round(1000m * reported / population, 2, MidpointRounding.AwayFromZero), (int)reported);
        });
    }

    public Task<IReadOnlyList<long>> RecordsAsync(ShiganDb db, SourceQuery query, SourceUnit unit, CancellationToken ct) =>
        CaseFigures.IdsAsync(CaseFigures.Reported(db, query, unit.Path, UnitBuckets.End(unit.Path)), ct);
}
