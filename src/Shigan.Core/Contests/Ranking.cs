namespace Shigan.Core.Contests;

/// <summary>Standard competition ranking ("1224"): equal values share a rank and the next rank skips.</summary>
public static class Ranking
{
    /// <summary>Ranks by value, highest first.</summary>
    public static Dictionary<int, int> Competition(IReadOnlyDictionary<int, decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var keys = new decimal[values.Count];
        var ids = new int[values.Count];
        var n = 0;
        foreach (var (id, value) in values)
        {
            keys[n] = -value;
            ids[n++] = id;
        }

        var ranks = new int[n];
        Competition(keys, ids, ranks);
        var result = new Dictionary<int, int>(n);
        for (var k = 0; k < n; k++)
        {
            result[ids[k]] = ranks[k];
        }

        return result;
    }

    /// <summary>
    /// Sorts <paramref name="keys"/> ascending (smallest first: negate to rank the highest first), carrying
    /// <paramref name="items"/> along, and writes each sorted position's competition rank into <paramref name="ranks"/>.
    /// One sort: O(n log n).
    /// </summary>
    public static void Competition(Span<decimal> keys, Span<int> items, Span<int> ranks)
    {
        keys.Sort(items);
        for (var k = 0; k < keys.Length; k++)
        {
            ranks[k] = k > 0 && keys[k] == keys[k - 1] ? ranks[k - 1] : k + 1;
        }
    }
}
