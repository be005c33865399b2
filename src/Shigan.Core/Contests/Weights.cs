using System.Globalization;

namespace Shigan.Core.Contests;

/// <summary>
/// Weights are points out of 100. Ones that do not add up are refused with the sum they make, unless the contest
/// says to rescale them (each in proportion, rounded to 2 decimals, the last taking the rounding so the total is 100).
/// </summary>
public static class Weights
{
    public static WeightCheck Resolve(IReadOnlyList<decimal> weights, bool normalise)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0)
        {
            return WeightCheck.Refused("至少需要一个指标");
        }

        if (weights.Any(w => w <= 0))
        {
            return WeightCheck.Refused("权重必须大于 0");
        }

        var sum = weights.Sum();
        if (sum == Contest.WeightTotal)
        {
            return new WeightCheck([.. weights], null);
        }

        if (!normalise)
        {
            return WeightCheck.Refused($"权重合计为 {sum.ToString("0.##", CultureInfo.InvariantCulture)}，应为一百（或选择按比例折算）");
        }

        var scaled = weights.Select(w => Math.Round(w * Contest.WeightTotal / sum, 2, MidpointRounding.AwayFromZero)).ToArray();
        scaled[^1] += Contest.WeightTotal - scaled.Sum();
        return new WeightCheck(scaled, null);
    }
}

/// <summary>The weights to use, or why there are none.</summary>
public sealed record WeightCheck(IReadOnlyList<decimal> Effective, string? Error)
{
    public bool Ok => Error is null;

    public static WeightCheck Refused(string error) => new([], error);
}
