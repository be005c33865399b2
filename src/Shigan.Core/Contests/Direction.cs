namespace Shigan.Core.Contests;

public enum Direction
{
    /// <summary>越高越好</summary>
    HigherIsBetter = 1,

    /// <summary>越低越好 (late cases, cases per 1,000 people)</summary>
    LowerIsBetter = 2,
}
