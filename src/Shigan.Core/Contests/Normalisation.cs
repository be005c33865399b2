namespace Shigan.Core.Contests;

/// <summary>How a raw value becomes a score from 0 to 1 before the weight is applied.</summary>
public enum Normalisation
{
    /// <summary>最小–最大: the best participant gets 1, the worst 0, the rest in proportion.</summary>
    MinMax = 1,

    /// <summary>对标目标: the share of the indicator's target reached (1 at or beyond it).</summary>
    Target = 2,

    /// <summary>按名次: 1 for the first, 0 for the last, evenly in between; equal values share the better place.</summary>
    Rank = 3,
}
