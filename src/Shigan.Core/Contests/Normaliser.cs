using System.Runtime.InteropServices;

namespace Shigan.Core.Contests;

/// <summary>Turns one indicator's raw values over the participants into scores from 0 (worst) to 1 (best).</summary>
public static class Normaliser
{
    public const int Decimals = 4;

    /// <summary>
    /// Scores of the participants that have a value (keyed like <paramref name="raw"/>); those without one are left out
    /// for the missing rule. The cap is applied first.
    /// </summary>
    public static Dictionary<int, decimal> Scores(IndicatorRule rule, IReadOnlyDictionary<int, decimal> raw)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(raw);
        var ids = raw.Keys.ToArray();
        var values = ids.Select(id => raw[id]).ToArray();
        var scores = new decimal[values.Length];
        Scores(rule, values, scores, new int[values.Length], new decimal[values.Length], new int[values.Length]);
        var result = new Dictionary<int, decimal>(ids.Length);
        for (var k = 0; k < ids.Length; k++)
        {
            result[ids[k]] = scores[k];
        }

        return result;
    }

    /// <summary>
    /// Scores <paramref name="values"/> (capped here, in place) into <paramref name="scores"/>, position by position.
    /// Min–max and target are one pass; by rank is one sort. The scratch spans are as long as the values.
    /// </summary>
    public static void Scores(IndicatorRule rule, Span<decimal> values, Span<decimal> scores, Span<int> scratchItems, Span<decimal> scratchKeys, Span<int> scratchRanks)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (values.IsEmpty)
        {
            return;
        }

        for (var k = 0; k < values.Length; k++)
        {
            values[k] = Capped(rule, values[k]);
        }

        var higher = rule.Direction == Direction.HigherIsBetter;
        switch (rule.Normalisation)
        {
            case Normalisation.MinMax:
                MinMax(values, scores, higher);
                break;
            case Normalisation.Target:
                var target = rule.Target ?? 0;
                var seen = new Dictionary<decimal, decimal>();
                for (var k = 0; k < values.Length; k++)
                {
                    ref var score = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, values[k], out var known);
                    score = known ? score : Round(AgainstTarget(values[k], target, higher));
                    scores[k] = score;
                }

                break;
            case Normalisation.Rank:
                ByRank(values, scores, higher, scratchItems, scratchKeys, scratchRanks);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule.Normalisation, null);
        }
    }

    /// <summary>Beyond the cap in the better direction counts as the cap: more than enough earns nothing more.</summary>
    public static decimal Capped(IndicatorRule rule, decimal value)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Cap is not { } cap ? value
            : rule.Direction == Direction.HigherIsBetter ? Math.Min(value, cap) : Math.Max(value, cap);
    }

    // All equal: nobody is behind anybody, so everyone has the full score.
    private static void MinMax(ReadOnlySpan<decimal> values, Span<decimal> scores, bool higher)
    {
        var min = values[0];
        var max = values[0];
        foreach (var v in values)
        {
            min = v < min ? v : min;
            max = v > max ? v : max;
        }

        // Figures repeat (counts, shares, judges' means): each distinct value is divided once.
        var range = max - min;
        var seen = new Dictionary<decimal, decimal>();
        for (var k = 0; k < values.Length; k++)
        {
            ref var score = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, values[k], out var known);
            score = known ? score : range == 0 ? 1m : Round(higher ? (values[k] - min) / range : (max - values[k]) / range);
            scores[k] = score;
        }
    }

    private static decimal AgainstTarget(decimal value, decimal target, bool higher)
    {
        if (higher)
        {
            return target <= 0 ? 1m : Math.Clamp(value / target, 0m, 1m);
        }

        // Lower is better: at or under the target is full marks, beyond it the share target/value.
        return value <= target ? 1m : target <= 0 ? 0m : Math.Clamp(target / value, 0m, 1m);
    }

    // The best is 1, the last 0, equal values share the better place (competition ranks).
    private static void ByRank(ReadOnlySpan<decimal> values, Span<decimal> scores, bool higher, Span<int> items, Span<decimal> keys, Span<int> ranks)
    {
        var n = values.Length;
        for (var k = 0; k < n; k++)
        {
            keys[k] = higher ? -values[k] : values[k];
            items[k] = k;
        }

        Ranking.Competition(keys[..n], items[..n], ranks[..n]);
        for (var k = 0; k < n; k++)
        {
            scores[items[k]] = n == 1 ? 1m : Round((decimal)(n - ranks[k]) / (n - 1));
        }
    }

    private static decimal Round(decimal value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);
}
