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
        var values = raw.ToDictionary(v => v.Key, v => Capped(rule, v.Value));
        if (values.Count == 0)
        {
            return [];
        }

        var higher = rule.Direction == Direction.HigherIsBetter;
        return rule.Normalisation switch
        {
            Normalisation.MinMax => MinMax(values, higher),
            Normalisation.Target => values.ToDictionary(v => v.Key, v => Round(AgainstTarget(v.Value, rule.Target ?? 0, higher))),
            Normalisation.Rank => ByRank(values, higher),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Normalisation, null),
        };
    }

    /// <summary>Beyond the cap in the better direction counts as the cap: more than enough earns nothing more.</summary>
    public static decimal Capped(IndicatorRule rule, decimal value)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Cap is not { } cap ? value
            : rule.Direction == Direction.HigherIsBetter ? Math.Min(value, cap) : Math.Max(value, cap);
    }

    // All equal: nobody is behind anybody, so everyone has the full score.
    private static Dictionary<int, decimal> MinMax(Dictionary<int, decimal> values, bool higher)
    {
        var min = values.Values.Min();
        var max = values.Values.Max();
        return values.ToDictionary(
            v => v.Key,
            v => max == min ? 1m : Round(higher ? (v.Value - min) / (max - min) : (max - v.Value) / (max - min)));
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

    private static Dictionary<int, decimal> ByRank(Dictionary<int, decimal> values, bool higher)
    {
        var ranks = Ranking.Competition(values.ToDictionary(v => v.Key, v => higher ? v.Value : -v.Value));
        var n = values.Count;
        return ranks.ToDictionary(r => r.Key, r => n == 1 ? 1m : Round((decimal)(n - r.Value) / (n - 1)));
    }

    private static decimal Round(decimal value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);
}
