namespace Shigan.Core.Contests;

/// <summary>Standard competition ranking ("1224"): equal values share a rank and the next rank skips.</summary>
public static class Ranking
{
    /// <summary>Ranks by value, highest first.</summary>
    public static Dictionary<int, int> Competition(IReadOnlyDictionary<int, decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var ordered = values.OrderByDescending(v => v.Value).ToList();
        var ranks = new Dictionary<int, int>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            ranks[ordered[i].Key] = i > 0 && ordered[i].Value == ordered[i - 1].Value ? ranks[ordered[i - 1].Key] : i + 1;
        }

        return ranks;
    }
}
