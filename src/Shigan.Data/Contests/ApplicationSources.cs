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

    /// <summary>A = applications finished in the period, B = the trips they took, C = how many took more than one.</summary>
    public static Task<Dictionary<int, Tally>> DoneByUnitAsync(ShiganDb db, SourceQuery query, CancellationToken ct) =>
        query.Facts.GetAsync("applications.done", query, async () =>
        {
            var buckets = new UnitBuckets(query.Units);
            var paths = await Done(db, query, buckets.CommonPath, buckets.RangeEnd, byPeriod: true)
                .Select(a => new { a.RegionPath, Trips = a.Trips.Count })
                .GroupBy(a => a.RegionPath)
                .Select(g => new { g.Key, Done = g.Count(), Trips = g.Sum(a => a.Trips), More = g.Count(a => a.Trips > 1) })
                .ToListAsync(ct);
            return Tally.ByUnit(buckets, paths.Select(p => (p.Key, new Tally(p.Done, p.Trips, p.More))));
        });

    // As CaseFigures.Under: a whole contest's applications are read by period, one unit's by path.
    public static IQueryable<ServiceApplication> Done(ShiganDb db, SourceQuery query, string start, string end, bool byPeriod = false) =>
#pragma warning disable CA1309 // translated to SQL's >= and <, the bytewise order the path index keeps
        (byPeriod
            ? db.ServiceApplications.IgnoreQueryFilters().AsNoTracking().Where(a => string.Compare(a.RegionPath + "", start) >= 0 && string.Compare(a.RegionPath + "", end) < 0)
            : db.ServiceApplications.IgnoreQueryFilters().AsNoTracking().Where(a => string.Compare(a.RegionPath, start) >= 0 && string.Compare(a.RegionPath, end) < 0))
#pragma warning restore CA1309
            .Where(a => a.Status == ApplicationStatus.Done && a.DoneAtUtc >= query.FromUtc && a.DoneAtUtc < query.ToUtc);

    public static async Task<IReadOnlyList<long>> IdsAsync(IQueryable<ServiceApplication> applications, CancellationToken ct) =>
        await applications.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
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
        return query.Units.ToDictionary(u => u.RegionId, u => byUnit.TryGetValue(u.RegionId, out var t) && t.A > 0
            ? RawValue.Counted(Math.Round((decimal)t.B / t.A, 2), (int)t.A)
            : RawValue.None);
    }

    public Task<IReadOnlyList<long>> RecordsAsync(ShiganDb db, SourceQuery query, SourceUnit unit, CancellationToken ct) =>
        ApplicationFacts.IdsAsync(ApplicationFacts.Done(db, query, unit.Path, UnitBuckets.End(unit.Path)), ct);
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
        return query.Units.ToDictionary(u => u.RegionId, u => byUnit.TryGetValue(u.RegionId, out var t) && t.A > 0
            ? RawValue.Counted(Math.Round(100m * (t.A - t.C) / t.A, 2), (int)t.C)
            : RawValue.None);
    }

    public Task<IReadOnlyList<long>> RecordsAsync(ShiganDb db, SourceQuery query, SourceUnit unit, CancellationToken ct) =>
        ApplicationFacts.IdsAsync(ApplicationFacts.Done(db, query, unit.Path, UnitBuckets.End(unit.Path)).Where(a => a.Trips.Count > 1), ct);
}
