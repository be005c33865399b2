namespace Shigan.Core.Contests;

/// <summary>Judges' scores of one participant on one indicator become one raw value.</summary>
public static class JudgePanel
{
    /// <summary>Dropping the extremes of fewer than five would leave too few to average.</summary>
    public const int DefaultTrimAtLeast = 5;

    /// <summary>The mean, after dropping one highest and one lowest when there are at least <paramref name="trimAtLeast"/> scores; null with none.</summary>
    public static JudgeResult? Combine(IReadOnlyList<decimal> scores, int trimAtLeast)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            return null;
        }

        var sorted = scores.Order().ToList();
        var trimmed = trimAtLeast >= 3 && sorted.Count >= trimAtLeast;
        var kept = trimmed ? sorted.Skip(1).SkipLast(1).ToList() : sorted;
        return new JudgeResult(Math.Round(kept.Average(), 2, MidpointRounding.AwayFromZero), scores.Count, trimmed);
    }

    /// <summary>
    /// As <see cref="Combine"/>, from what a database adds up: how many scores, their sum, the lowest and the highest.
    /// The same figure exactly: dropping the extremes of the sorted scores leaves the sum less the lowest and highest.
    /// </summary>
    public static JudgeResult? FromTotals(int count, decimal sum, decimal lowest, decimal highest, int trimAtLeast)
    {
        if (count == 0)
        {
            return null;
        }

        var trimmed = trimAtLeast >= 3 && count >= trimAtLeast;
        var kept = trimmed ? sum - lowest - highest : sum;
        return new JudgeResult(Math.Round(kept / (trimmed ? count - 2 : count), 2, MidpointRounding.AwayFromZero), count, trimmed);
    }

    public static bool InRange(decimal score, decimal min, decimal max) => score >= min && score <= max;
}

/// <summary>The value used, how many judges scored, and whether the highest and lowest were dropped.</summary>
public sealed record JudgeResult(decimal Value, int Judges, bool Trimmed);
