namespace Shigan.Core.Contests;

/// <summary>The five comparisons of 五比亮剑, or a contest's own (named on the indicator).</summary>
public enum Dimension
{
    /// <summary>比谋划</summary>
    Planning = 1,

    /// <summary>比办法</summary>
    Methods = 2,

    /// <summary>比干劲</summary>
    Drive = 3,

    /// <summary>比业绩</summary>
    Results = 4,

    /// <summary>比形象</summary>
    Image = 5,

    /// <summary>自定义: the indicator names it.</summary>
    Custom = 6,
}
