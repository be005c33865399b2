using Microsoft.EntityFrameworkCore;
using Shigan.Core.Contests;
using Shigan.Core.Services.Applications;

namespace Shigan.Data.Contests;

/// <summary>
/// Computed indicators from one-trip applications (办件), counted where they were taken (the taking window's unit and
/// the units above it), over the applications finished in the period. A unit that finished none has no data.
/// </summary>
internal static class ApplicationFacts
{
    public const string RecordKind = "application";

    public static async Task<Dictionary<int, List<(long Id, int Trips)>>> DoneByUnitAsync(ShiganDb db, SourceQuery query, CancellationToken ct)
    {
        var buckets = new UnitBuckets(query.Units);
        var start = buckets.CommonPath;
        var end = buckets.RangeEnd;
#pragma warning disable CA1309 // translated to SQL's >= and <, the bytewise order the path index keeps
        var done = await db.ServiceApplications.IgnoreQueryFilters().AsNoTracking()
            .Where(a => string.Compare(a.RegionPath, start) >= 0 && string.Compare(a.RegionPath, end) < 0)
#pragma warning restore CA1309
            .Where(a => a.Status == ApplicationStatus.Done && a.DoneAtUtc >= query.FromUtc && a.DoneAtUtc < query.ToUtc)
            .Select(a => new { a.Id, a.RegionPath, Trips = a.Trips.Count })
            .ToListAsync(ct);
        var result = new Dictionary<int, List<(long, int)>>();
        foreach (var a in done)
        {
            if (buckets.Of(a.RegionPath) is { } unit)
            {
                (result.TryGetValue(unit, out var list) ? list : result[unit] = []).Add((a.Id, a.Trips));
            }
        }

        return result;
    }
}

/// <summary>每件平均跑动次数: trips the citizen made per application finished in the period (the intake visit counts).</summary>
internal sealed class ApplicationTripsSource : IIndicatorSource
{
    public string Code => "applications.trips";

    public string Name => "每件平均跑动次数";

    public string Unit => "次";

    public Direction Direction => Direction.LowerIsBetter;

    public string RecordKind => ApplicationFacts.RecordKind;

    public string RecordsAre => "本期办结的办件";

    public async Task<IReadOnlyDictionary<int, RawValue>> ComputeAsync(ShiganDb db, SourceQuery query, CancellationToken ct)
    {
        var byUnit = await ApplicationFacts.DoneByUnitAsync(db, query, ct);
        return query.Units.ToDictionary(
            u => u.RegionId,
            u => byUnit.TryGetValue(u.RegionId, out var list)
                ? new RawValue(Math.Round((decimal)list.Sum(a => a.Trips) / list.Count, 2), [.. list.Select(a => a.Id)])
                : RawValue.None);
    }
}

/// <summary>一次办结率: of the applications finished in the period, the share that took the citizen at most one trip, in %.</summary>
internal sealed class ApplicationOneTripSource : IIndicatorSource
{
    public string Code => "applications.one-trip";

    public string Name => "最多跑一次办结率";

    public string Unit => "%";

    public Direction Direction => Direction.HigherIsBetter;

    public string RecordKind => ApplicationFacts.RecordKind;

    public string RecordsAre => "跑了不止一次的办件";

    public async Task<IReadOnlyDictionary<int, RawValue>> ComputeAsync(ShiganDb db, SourceQuery query, CancellationToken ct)
    {
        var byUnit = await ApplicationFacts.DoneByUnitAsync(db, query, ct);
        return query.Units.ToDictionary(
            u => u.RegionId,
            u => byUnit.TryGetValue(u.RegionId, out var list)
                ? new RawValue(Math.Round(100m * list.Count(a => a.Trips <= 1) / list.Count, 2), [.. list.Where(a => a.Trips > 1).Select(a => a.Id)])
                : RawValue.None);
    }
}
