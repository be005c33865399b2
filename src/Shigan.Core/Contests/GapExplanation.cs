namespace Shigan.Core.Contests;

/// <summary>
/// Why A is ahead of (or behind) B: the total gap split indicator by indicator. The parts add up to the total exactly,
/// because a total is the sum of its cells' points.
/// </summary>
public static class GapExplanation
{
    public static Gap Explain(IReadOnlyList<ScoreCell> a, IReadOnlyList<ScoreCell> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var bByIndicator = b.ToDictionary(c => c.IndicatorId);
        var parts = a.Select(ca =>
        {
            var cb = bByIndicator.GetValueOrDefault(ca.IndicatorId);
            return new GapPart(ca.IndicatorId, ca, cb, ca.Points - (cb?.Points ?? 0m));
        }).ToList();

        // An indicator only B has (a corrected contest) still counts against A.
        parts.AddRange(b.Where(cb => a.All(ca => ca.IndicatorId != cb.IndicatorId)).Select(cb => new GapPart(cb.IndicatorId, null, cb, -cb.Points)));
        var total = a.Sum(c => c.Points) - b.Sum(c => c.Points);
        return new Gap(total, [.. parts.OrderByDescending(p => Math.Abs(p.Points))]);
    }
}

/// <summary>The total gap (A − B) and its parts, the largest first.</summary>
public sealed record Gap(decimal Total, IReadOnlyList<GapPart> Parts);

/// <summary>One indicator's share of a gap: A's and B's cells and the points between them (A − B).</summary>
public sealed record GapPart(int IndicatorId, ScoreCell? A, ScoreCell? B, decimal Points);
