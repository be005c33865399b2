using System.Runtime.InteropServices;

namespace Shigan.Data.Contests;

/// <summary>
/// Up to three counts a source family adds up per record path in SQL (cases due and late…), then per participant here:
/// a province's records come back as a few hundred thousand grouped paths, not millions of rows.
/// </summary>
internal readonly record struct Tally(long A, long B = 0, long C = 0)
{
    public static Tally operator +(Tally x, Tally y) => new(x.A + y.A, x.B + y.B, x.C + y.C);

    public static Tally Add(Tally x, Tally y) => x + y;

    /// <summary>Each path's counts added to the participant it lies at or under; paths under none are dropped.</summary>
    public static Dictionary<int, Tally> ByUnit(UnitBuckets buckets, IEnumerable<(string Path, Tally Counts)> paths)
    {
        var result = new Dictionary<int, Tally>();
        foreach (var (path, counts) in paths)
        {
            if (buckets.Of(path) is { } unit)
            {
                ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(result, unit, out _);
                total += counts;
            }
        }

        return result;
    }
}
