namespace Shigan.Data.Generate;

/// <summary>Picks among items by weight with one random draw (a binary search over cumulative shares).</summary>
public sealed class Weighted<T>
{
    private readonly IReadOnlyList<T> items;
    private readonly double[] cumulative;

    public Weighted(IReadOnlyList<T> items, Func<T, double> weight)
    {
        ArgumentNullException.ThrowIfNull(items);
        this.items = items;
        var sum = 0.0;
        var running = items.Select(i => sum += Math.Max(weight(i), 0)).ToArray();
        cumulative = sum > 0 ? [.. running.Select(w => w / sum)] : [.. items.Select((_, i) => (i + 1.0) / items.Count)];
    }

    public T Pick(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var i = Array.BinarySearch(cumulative, rng.NextDouble());
        return items[Math.Min(i < 0 ? ~i : i, cumulative.Length - 1)];
    }
}
