namespace Shigan.Core.Contests;

/// <summary>How often a contest is scored: each period has its boundaries in China time.</summary>
public enum PeriodKind
{
    /// <summary>每周: Monday 00:00 to the next Monday 00:00, China time.</summary>
    Week = 1,

    /// <summary>每月: the first of the month 00:00 to the first of the next, China time.</summary>
    Month = 2,
}
