namespace Shigan.Core.Campaigns;

/// <summary>Where a target sits in its campaign's tree. Only the lowest level (a household, a section) moves through stages.</summary>
public enum TargetLevel
{
    /// <summary>小区</summary>
    Compound = 1,

    /// <summary>楼幢</summary>
    Building = 2,

    /// <summary>户</summary>
    Household = 3,

    /// <summary>河道</summary>
    River = 4,

    /// <summary>河段</summary>
    Section = 5,

    /// <summary>自然村</summary>
    Hamlet = 6,
}
