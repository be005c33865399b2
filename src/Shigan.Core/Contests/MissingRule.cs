namespace Shigan.Core.Contests;

/// <summary>
/// What a participant with no value for an indicator gets. Every indicator declares one, and the sheet shows the
/// cell as "no data" with the rule applied, so a missing figure is never a silent zero.
/// </summary>
public enum MissingRule
{
    /// <summary>记 0 分</summary>
    ZeroPoints = 1,

    /// <summary>按有数据者的平均分</summary>
    MeanOfOthers = 2,

    /// <summary>按有数据者的最低分</summary>
    LowestOfOthers = 3,
}
